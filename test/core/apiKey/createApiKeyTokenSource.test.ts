// @vitest-environment node
import { decodeJwt, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT } from 'jose'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApiKeyTokenSource } from '../../../src/core/apiKey/createApiKeyTokenSource.js'
import {
  AbortedError,
  InvalidResponseError,
  RateLimitedError,
  TokenRevokedError,
  UnauthorizedError,
} from '../../../src/core/errors/errors.js'
import { createAgoraClient } from '../../../src/core/http/createAgoraClient.js'

const BASE = 'https://api.agora.test/v0'
const KEY = '5b0c3a52-8d8e-4d6b-9f62-2b1f3c6d7e81'
let keys: Awaited<ReturnType<typeof generateKeyPair>>
beforeAll(async () => {
  keys = await generateKeyPair('RS256')
})

const envelope = (status: number, code: string, reason?: string, headers: Record<string, string> = {}) =>
  Response.json({ code, message: code, docs_url: 'x', ...(reason && { context: { reason } }) }, { status, headers })

/**
 * A v0-like server as an in-process Web handler: it signs real RS256 JWTs (kid, 15 min) at `auth/token` and verifies
 * them on `me`. The test scripts what a real server cannot do on demand: hold an exchange open, answer 429, revoke.
 */
function v0Server() {
  const state = {
    exchanges: 0,
    exchangeRequests: [] as { method: string; authorization: string | null; body: string }[],
    ttl: 900,
    /** Answers for the next exchanges, before a normal one. */
    script: [] as (() => Response)[],
    /** Holds every exchange until released. */
    gate: undefined as Promise<void> | undefined,
    revoked: false,
    /** `me` rejects tokens with a lower serial with this reason. */
    rejectBelow: 0,
    rejectReason: 'token_expired',
    issued: 0,
    /** The server's clock minus the client's, in ms (the client's clock is wrong by minus this much). */
    clockOffset: 0,
    /** Whether the JWT carries `iat` (when not, the answer's `Date` is the only hint of the server's clock). */
    withIat: true,
    /** Tokens `me` refused as expired: a client that judges expiry right sends none. */
    expiredSent: 0,
  }
  const serverNow = () => Date.now() + state.clockOffset
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    const path = new URL(request.url).pathname
    if (path === '/v0/auth/token') {
      state.exchanges++
      state.exchangeRequests.push({
        method: request.method,
        authorization: request.headers.get('authorization'),
        body: await request.text(),
      })
      if (state.gate) await state.gate
      const scripted = state.script.shift()
      if (scripted) return scripted()
      if (request.headers.get('authorization') !== `Bearer ${KEY}`) return envelope(401, 'unauthorized', 'invalid_token')
      if (state.revoked) return envelope(401, 'unauthorized', 'token_revoked')
      const iat = Math.floor(serverNow() / 1000)
      const jwt = new SignJWT({ sub: '0xabc', serial: ++state.issued }).setProtectedHeader({ alg: 'RS256', kid: 'test-1' })
      if (state.withIat) jwt.setIssuedAt(iat)
      const sessionJwt = await jwt.setExpirationTime(iat + state.ttl).sign(keys.privateKey)
      return Response.json({ sessionJwt }, { headers: { date: new Date(serverNow()).toUTCString() } })
    }
    if (path === '/v0/me') {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? ''
      if (state.revoked) return envelope(401, 'unauthorized', 'token_revoked')
      try {
        const { payload } = await jwtVerify(token, keys.publicKey, { currentDate: new Date(serverNow()) })
        if ((payload.serial as number) < state.rejectBelow) return envelope(401, 'unauthorized', state.rejectReason)
        return Response.json({ serial: payload.serial })
      } catch {
        state.expiredSent++
        return envelope(401, 'unauthorized', 'token_expired')
      }
    }
    return envelope(404, 'not_found')
  }
  return { state, fetch }
}

let gateOpen: () => void
const hold = (server: ReturnType<typeof v0Server>) => {
  server.state.gate = new Promise((resolve) => (gateOpen = resolve))
}
const release = (server: ReturnType<typeof v0Server>) => {
  server.state.gate = undefined
  gateOpen()
}
const serial = (token: string) => decodeJwt(token).serial
/** Yields to in-process async work (setImmediate is not faked) until `condition` holds; never advances the clock. */
async function until(condition: () => boolean | Promise<boolean>) {
  while (!(await condition())) await new Promise((resolve) => setImmediate(resolve))
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.setSystemTime(new Date('2026-11-23T00:00:00Z'))
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('createApiKeyTokenSource', () => {
  it('exchanges the key once (POST, Bearer key, no body) and caches the RS256 session JWT', async () => {
    const server = v0Server()
    const source = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch })
    const token = await source.getToken()
    expect(token).toBeTypeOf('string')
    expect(decodeProtectedHeader(token!)).toMatchObject({ alg: 'RS256', kid: 'test-1' })
    expect(server.state.exchangeRequests).toEqual([{ method: 'POST', authorization: `Bearer ${KEY}`, body: '' }])
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(await source.getToken()).toBe(token)
    expect(server.state.exchanges).toBe(1)
  })

  it('shares one exchange among 50 concurrent callers', async () => {
    const server = v0Server()
    const source = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch })
    const tokens = await Promise.all(Array.from({ length: 50 }, () => source.getToken()))
    expect(new Set(tokens).size).toBe(1)
    expect(server.state.exchanges).toBe(1)
  })

  it('refreshes refreshMargin before exp, serving the old JWT meanwhile (rollover), then the new one', async () => {
    const server = v0Server()
    const source = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch })
    const first = (await source.getToken())!
    await vi.advanceTimersByTimeAsync((900 - 61) * 1000)
    expect(await source.getToken()).toBe(first)
    expect(server.state.exchanges).toBe(1)

    await vi.advanceTimersByTimeAsync(2_000) // 59 s before exp: inside the default 60 s margin
    hold(server)
    // A refresh is in flight; nobody waits for it while the old JWT is valid.
    const during = await Promise.all(Array.from({ length: 10 }, () => source.getToken()))
    expect(during).toEqual(Array(10).fill(first))
    await until(() => server.state.exchanges === 2)
    release(server)
    await until(async () => (await source.getToken()) !== first)
    expect(serial((await source.getToken())!)).toBe(2)
    expect(server.state.exchanges).toBe(2)
  })

  it('keeps using the previous JWT until its own exp while the refresh hangs, then waits for the new one', async () => {
    const server = v0Server()
    const source = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch, refreshMargin: 120_000 })
    const first = (await source.getToken())!
    await vi.advanceTimersByTimeAsync((900 - 100) * 1000)
    hold(server)
    expect(await source.getToken()).toBe(first)
    await vi.advanceTimersByTimeAsync(99_999)
    expect(await source.getToken()).toBe(first) // 1 ms before exp
    await vi.advanceTimersByTimeAsync(1) // exp: the old JWT is no longer sent
    let next: string | null | undefined
    const waiting = source.getToken().then((t) => (next = t))
    await vi.advanceTimersByTimeAsync(0)
    expect(next).toBeUndefined()
    release(server)
    await waiting
    expect(serial(next!)).toBe(2)
    expect(server.state.exchanges).toBe(2)
  })

  it('refreshes halfway through a lifetime shorter than twice the margin, not on every call', async () => {
    const server = v0Server()
    server.state.ttl = 60
    const source = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch })
    await source.getToken()
    await vi.advanceTimersByTimeAsync(29_000)
    await source.getToken()
    expect(server.state.exchanges).toBe(1)
    await vi.advanceTimersByTimeAsync(1_000)
    await source.getToken()
    expect(server.state.exchanges).toBe(2)
  })

  it('honours the now option as its clock', async () => {
    const server = v0Server()
    let clock = Date.now()
    const source = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch, now: () => clock })
    const first = await source.getToken()
    clock += 900_000 // the JWT's exp by this clock; Date has not moved
    expect(await source.getToken()).not.toBe(first)
    expect(server.state.exchanges).toBe(2)
  })

  it.each(['token_expired', 'invalid_token', 'unknown_tenant'])(
    'with createAgoraClient: a 401 %s re-exchanges once for all concurrent requests, which then succeed',
    async (reason) => {
      const server = v0Server()
      const tokenSource = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch })
      const agora = createAgoraClient({ baseUrl: BASE, tokenSource, fetch: server.fetch })
      expect(await agora.request('me')).toEqual({ serial: 1 })
      server.state.rejectBelow = 2
      server.state.rejectReason = reason
      const results = await Promise.all(Array.from({ length: 20 }, () => agora.request<{ serial: number }>('me')))
      expect(results.every((r) => r.serial === 2)).toBe(true)
      expect(server.state.exchanges).toBe(2)
    },
  )

  it('a late renewal for a token already replaced gets the current JWT without another exchange', async () => {
    const server = v0Server()
    const source = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch })
    const first = (await source.getToken())!
    const second = await source.renewToken(first)
    expect(serial(second)).toBe(2)
    expect(await source.renewToken(first)).toBe(second)
    expect(await source.getToken()).toBe(second)
    expect(server.state.exchanges).toBe(2)
    expect(serial(await source.renewToken(second))).toBe(3) // the current one is stale: exchange again
  })

  it('a 401 again after the re-exchange is final (UnauthorizedError), with a single re-exchange', async () => {
    const server = v0Server()
    const tokenSource = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch })
    const agora = createAgoraClient({ baseUrl: BASE, tokenSource, fetch: server.fetch })
    server.state.rejectBelow = 99
    await expect(agora.request('me')).rejects.toBeInstanceOf(UnauthorizedError)
    expect(server.state.exchanges).toBe(2)
  })

  it('token_revoked on a data route stops the source for good', async () => {
    const server = v0Server()
    const tokenSource = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch })
    const agora = createAgoraClient({ baseUrl: BASE, tokenSource, fetch: server.fetch })
    await agora.request('me')
    server.state.revoked = true
    await expect(agora.request('me')).rejects.toBeInstanceOf(TokenRevokedError)
    await expect(tokenSource.getToken()).rejects.toBeInstanceOf(TokenRevokedError)
    await expect(tokenSource.renewToken('x')).rejects.toBeInstanceOf(TokenRevokedError)
    await expect(agora.request('me')).rejects.toBeInstanceOf(TokenRevokedError)
    expect(server.state.exchanges).toBe(1)
  })

  it('token_revoked from the exchange itself: TokenRevokedError, and no further exchange', async () => {
    const server = v0Server()
    server.state.revoked = true
    const source = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch })
    await expect(source.getToken()).rejects.toMatchObject({ code: 'TOKEN_REVOKED', status: 401, reason: 'token_revoked' })
    await expect(source.getToken()).rejects.toBeInstanceOf(TokenRevokedError)
    expect(server.state.exchanges).toBe(1)
  })

  it('a wrong key fails with UnauthorizedError (not revoked: a later call tries again)', async () => {
    const server = v0Server()
    const source = createApiKeyTokenSource({ baseUrl: BASE, apiKey: 'wrong', fetch: server.fetch })
    await expect(source.getToken()).rejects.toMatchObject({ code: 'UNAUTHORIZED', reason: 'invalid_token' })
    await expect(source.getToken()).rejects.toBeInstanceOf(UnauthorizedError)
    expect(server.state.exchanges).toBe(2)
  })

  it('a 429 from the exchange: waits Retry-After, then exchanges; persistent 429 → RateLimitedError', async () => {
    const server = v0Server()
    const limited = () => envelope(429, 'rate_limit_exceeded', undefined, { 'retry-after': '2', 'request-id': 'req_x' })
    server.state.script.push(limited)
    const source = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch })
    let token: string | null | undefined
    const pending = source.getToken().then((t) => (token = t))
    await until(() => vi.getTimerCount() === 1) // the client is waiting out Retry-After
    await vi.advanceTimersByTimeAsync(1_999)
    expect(token).toBeUndefined()
    expect(server.state.exchanges).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    await pending
    expect(serial(token!)).toBe(1)

    const other = v0Server()
    other.state.script.push(limited, limited, limited)
    const blocked = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: other.fetch })
    const error = blocked.getToken().catch((e: unknown) => e)
    for (const exchanges of [1, 2]) {
      await until(() => other.state.exchanges === exchanges && vi.getTimerCount() === 1)
      await vi.advanceTimersByTimeAsync(2_000)
    }
    expect(await error).toBeInstanceOf(RateLimitedError)
    expect(await error).toMatchObject({ retryAfter: 2, requestId: 'req_x' })
    expect(other.state.exchanges).toBe(3)
  })

  it('a failed background refresh keeps serving the valid JWT and is tried again on the next call', async () => {
    const server = v0Server()
    const source = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch, retry: { count: 0 } })
    const first = await source.getToken()
    await vi.advanceTimersByTimeAsync((900 - 30) * 1000)
    server.state.script.push(() => envelope(503, 'service_unavailable'))
    expect(await source.getToken()).toBe(first)
    await until(() => server.state.exchanges === 2)
    // Once the 503 has settled, the next call starts a new background exchange (and still gets the valid JWT).
    await until(async () => (await source.getToken()) === first && server.state.exchanges === 3)
    await until(async () => (await source.getToken()) !== first)
    expect(serial((await source.getToken())!)).toBe(2)
    expect(server.state.exchanges).toBe(3)
  })

  it('an answer without a session JWT → InvalidResponseError', async () => {
    const server = v0Server()
    server.state.script.push(() => Response.json({ token: 'nope' }))
    const source = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch })
    await expect(source.getToken()).rejects.toBeInstanceOf(InvalidResponseError)
  })

  it('a session JWT without exp, or unsigned, → InvalidResponseError (nothing cached)', async () => {
    const server = v0Server()
    const noExp = await new SignJWT({ sub: '0xabc' }).setProtectedHeader({ alg: 'RS256' }).sign(keys.privateKey)
    const [, payload] = (await new SignJWT({ exp: 2_000_000_000 }).setProtectedHeader({ alg: 'RS256' }).sign(keys.privateKey)).split('.')
    const unsigned = `${btoa('{"alg":"none"}').replace(/=+$/, '')}.${payload}.`
    server.state.script.push(
      () => Response.json({ sessionJwt: noExp }),
      () => Response.json({ sessionJwt: unsigned }),
    )
    const source = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch })
    await expect(source.getToken()).rejects.toBeInstanceOf(InvalidResponseError)
    await expect(source.getToken()).rejects.toBeInstanceOf(InvalidResponseError)
    expect(serial((await source.getToken())!)).toBe(1) // the next, proper answer is taken
    expect(server.state.exchanges).toBe(3)
  })

  it("a caller's abort leaves the shared exchange running for the others", async () => {
    const server = v0Server()
    const source = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch })
    hold(server)
    const controller = new AbortController()
    const aborted = source.getToken({ signal: controller.signal })
    const patient = source.getToken()
    controller.abort()
    await expect(aborted).rejects.toBeInstanceOf(AbortedError)
    release(server)
    expect(serial((await patient)!)).toBe(1)
    expect(server.state.exchanges).toBe(1)
  })

  it('refuses to run in a browser unless told to', () => {
    vi.stubGlobal('window', {})
    expect(() => createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY })).toThrow(TypeError)
    expect(() => createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, dangerouslyAllowBrowser: true })).not.toThrow()
    vi.unstubAllGlobals()
    vi.stubGlobal('document', {})
    expect(() => createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY })).toThrow(/browser/)
  })
})

describe('createApiKeyTokenSource with a wrong client clock (the age of a token is read on the server clock)', () => {
  /** Calls `getToken` and a protected route every 30 s of fake time for `minutes`. */
  async function useFor(minutes: number, server: ReturnType<typeof v0Server>) {
    const tokenSource = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch })
    const agora = createAgoraClient({ baseUrl: BASE, tokenSource, fetch: server.fetch })
    const exchangesAt: number[] = []
    for (let second = 0; second < minutes * 60; second += 30) {
      const before = server.state.exchanges
      await agora.request('me')
      // A background refresh settles before the clock moves on: the newest JWT is the one served.
      await until(async () => serial((await tokenSource.getToken())!) === server.state.issued)
      if (server.state.exchanges > before) exchangesAt.push(second)
      await vi.advanceTimersByTimeAsync(30_000)
    }
    return exchangesAt
  }

  it.each([
    ['1,000 s ahead', -1_000_000],
    ['1,000 s behind', 1_000_000],
  ])('client clock %s: one exchange per refresh period (14 min for a 15-min JWT), and no expired token sent', async (_, offset) => {
    const server = v0Server()
    server.state.clockOffset = offset
    const exchangesAt = await useFor(60, server)
    // 0, 14, 28, 42, 56 min: the 60 s margin before each JWT's own exp, judged on the server clock.
    expect(exchangesAt).toEqual([0, 840, 1680, 2520, 3360])
    expect(server.state.expiredSent).toBe(0)
  })

  it("without iat, the answer's Date tells the server clock", async () => {
    const server = v0Server()
    server.state.clockOffset = -1_000_000
    server.state.withIat = false
    expect(await useFor(30, server)).toEqual([0, 840, 1680])
    expect(server.state.expiredSent).toBe(0)
  })

  it('a JWT already expired by the server clock that issued it is InvalidResponseError, not one exchange per call', async () => {
    const server = v0Server()
    server.state.ttl = -5
    const source = createApiKeyTokenSource({ baseUrl: BASE, apiKey: KEY, fetch: server.fetch })
    await expect(source.getToken()).rejects.toMatchObject({ code: 'INVALID_RESPONSE' })
  })
})
