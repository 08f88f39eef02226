// The client's fetch loop (src/core/http/createAgoraFetch.ts) through the public client: 401 → renewToken → retry
// once, 429 waits, aborts. A real loopback server; only the 429 waits run on fake time.
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  AbortedError,
  RateLimitedError,
  TokenRevokedError,
  UnauthorizedError,
  UserRejectedError,
} from '../../../src/core/errors/errors.js'
import { createAgoraClient } from '../../../src/core/http/createAgoraClient.js'
import type { TokenSource } from '../../../src/core/http/types.js'
import { fakeSource } from './fakeSource.js'
import { type Loopback, send, until, useLoopback, v0 } from './loopback.js'

let server: Loopback
let base: string
useLoopback((started) => {
  server = started
  base = `${server.origin}/api/v1`
})
afterEach(() => {
  vi.useRealTimers()
})

// A token the server accepts; everything else gets the 401 the test chose.
function acceptOnly(token: string, reject: (res: Parameters<typeof send>[0]) => void) {
  server.handle((req, res) => (req.authorization === `Bearer ${token}` ? send(res, 200, { path: req.path }) : reject(res)))
}

describe('createAgoraFetch: 401, renewal and the no-loop rule', () => {
  const renewable: [string, (res: Parameters<typeof send>[0]) => void][] = [
    ['contract A plain text under a JSON content type', (res) => send(res, 401, 'Invalid format for API Key or JWT')],
    ['contract A {message}', (res) => send(res, 401, { message: 'Unauthorized' })],
    ['v0 token_expired', (res) => send(res, 401, v0('unauthorized', 'token_expired'), { 'request-id': 'r1' })],
    ['v0 invalid_token', (res) => send(res, 401, v0('unauthorized', 'invalid_token'))],
    ['v0 unknown_tenant', (res) => send(res, 401, v0('unauthorized', 'unknown_tenant'))],
    ['an empty body', (res) => send(res, 401)],
  ]
  it.each(renewable)('%s: renews the token it sent, once, and retries', async (_, reject) => {
    const { source, calls } = fakeSource()
    acceptOnly('t2', reject)
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    await expect(agora.request('proposals')).resolves.toEqual({ path: '/api/v1/proposals' })
    expect(calls.renew).toEqual(['t1'])
    expect(server.received.map((r) => r.authorization)).toEqual(['Bearer t1', 'Bearer t2'])
  })

  it('a 401 on the renewed token is final: UnauthorizedError with status, reason and Request-Id, no loop', async () => {
    const { source, calls } = fakeSource()
    server.handle((_, res) => send(res, 401, v0('unauthorized', 'token_expired'), { 'request-id': 'req_42' }))
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    const error = (await agora.request('proposals').catch((e: unknown) => e)) as UnauthorizedError
    expect(error).toBeInstanceOf(UnauthorizedError)
    expect(error).toMatchObject({ status: 401, reason: 'token_expired', requestId: 'req_42' })
    expect(server.received).toHaveLength(2)
    expect(calls.renew).toEqual(['t1'])
    // fetch gives back the final response instead
    const response = await agora.fetch('proposals')
    expect(response.status).toBe(401)
    expect(server.received).toHaveLength(4)
  })

  it('concurrent 401s each hand the token they sent to the source (which shares one renewal)', async () => {
    const { source, calls } = fakeSource()
    acceptOnly('t2', (res) => send(res, 401, v0('unauthorized', 'token_expired')))
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => agora.request(`p/${i}`)))
    expect(results).toHaveLength(10)
    expect(calls.renew).toEqual(Array(10).fill('t1'))
    expect(server.received.filter((r) => r.authorization === 'Bearer t2')).toHaveLength(10)
  })

  it('token_revoked: no retry, the source is told, TokenRevokedError', async () => {
    const { source, calls } = fakeSource()
    server.handle((_, res) => send(res, 401, v0('unauthorized', 'token_revoked'), { 'request-id': 'req_r' }))
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    const error = await agora.request('proposals').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TokenRevokedError)
    expect(error).toMatchObject({ status: 401, reason: 'token_revoked', requestId: 'req_r' })
    expect(server.received).toHaveLength(1)
    expect(calls.renew).toEqual([])
    expect(calls.revoked).toHaveLength(1)
    expect(calls.revoked[0]).toBeInstanceOf(TokenRevokedError)
    // the source ended the session: the next request is not even sent
    await expect(agora.request('proposals')).rejects.toBeInstanceOf(UnauthorizedError)
    expect(server.received).toHaveLength(1)
  })

  it.each([
    ['missing_claim', v0('unauthorized', 'missing_claim')],
    ['JWT scope does not match route', 'JWT scope does not match route'],
  ])('%s is not renewable: UnauthorizedError after one request', async (reason, body) => {
    const { source, calls } = fakeSource()
    server.handle((_, res) => send(res, 401, body))
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    await expect(agora.request('proposals')).rejects.toMatchObject({ code: 'UNAUTHORIZED', reason })
    expect(server.received).toHaveLength(1)
    expect(calls.renew).toEqual([])
  })

  it("a failed renewal surfaces the source's own error (the user rejected the new signature)", async () => {
    const source: TokenSource = {
      getToken: async () => 't1',
      renewToken: async () => Promise.reject(new UserRejectedError()),
    }
    server.handle((_, res) => send(res, 401, 'JWT expired'))
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    await expect(agora.request('proposals')).rejects.toBeInstanceOf(UserRejectedError)
    expect(server.received).toHaveLength(1)
  })

  it('replays a streamed request body on the retry', async () => {
    const { source } = fakeSource()
    acceptOnly('t2', (res) => send(res, 401, 'Invalid Bearer Token'))
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"vote":'))
        controller.enqueue(new TextEncoder().encode('1}'))
        controller.close()
      },
    })
    const response = await agora.fetch('ballots', { method: 'POST', body, duplex: 'half' } as RequestInit)
    expect(response.status).toBe(200)
    expect(server.received.map((r) => r.body)).toEqual(['{"vote":1}', '{"vote":1}'])
  })

  it('sends a JSON body with request(), again on the retry', async () => {
    acceptOnly('t2', (res) => send(res, 401, 'JWT expired'))
    const agora = createAgoraClient({ baseUrl: base, tokenSource: fakeSource().source })
    await agora.request('ballots', { method: 'POST', body: { a: [1, '2'] }, headers: { 'x-mine': '1' } })
    expect(server.received.map((r) => [r.method, r.body, r.authorization])).toEqual([
      ['POST', '{"a":[1,"2"]}', 'Bearer t1'],
      ['POST', '{"a":[1,"2"]}', 'Bearer t2'],
    ])
  })
})

describe('createAgoraFetch: 429', () => {
  // Real server, real fetch; only the client's wait is on fake time. `sent` counts what actually left.
  function rateLimited(headers: () => Record<string, string>, times: number) {
    let received = 0
    server.handle((_, res) => {
      received++
      if (received <= times) send(res, 429, v0('rate_limit_exceeded'), headers())
      else send(res, 200, { n: received })
    })
    let sent = 0
    let answered = 0
    const agora = createAgoraClient({
      baseUrl: base,
      tokenSource: fakeSource().source,
      fetch: (input, init) => {
        sent++
        return fetch(input, init).finally(() => answered++)
      },
    })
    /** Once answer `answer` is in, the client sends nothing for `ms` - 1 ms; the last millisecond releases the retry. */
    async function waitsExactly(ms: number, { after: answer }: { after: number }) {
      await until(() => answered === answer)
      await flush()
      await vi.advanceTimersByTimeAsync(ms - 1)
      await flush()
      expect(sent).toBe(answer)
      await vi.advanceTimersByTimeAsync(1)
    }
    return { agora, sent: () => sent, answered: () => answered, waitsExactly }
  }
  const flush = async () => {
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve))
  }

  it('waits Retry-After in seconds, then retries', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { agora, sent, waitsExactly } = rateLimited(() => ({ 'retry-after': '3' }), 1)
    const result = agora.request<{ n: number }>('x')
    await waitsExactly(3_000, { after: 1 })
    await expect(result).resolves.toEqual({ n: 2 })
    expect(sent()).toBe(2)
  })

  it('waits until a Retry-After HTTP date, then retries', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    vi.setSystemTime(new Date('2026-11-23T00:00:00Z'))
    const { agora, waitsExactly } = rateLimited(() => ({ 'retry-after': new Date(Date.now() + 5_000).toUTCString() }), 1)
    const result = agora.request('x')
    await waitsExactly(5_000, { after: 1 })
    await expect(result).resolves.toEqual({ n: 2 })
  })

  it('backs off exponentially without Retry-After, then gives up with RateLimitedError', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { agora, sent, waitsExactly } = rateLimited(() => ({ 'request-id': 'req_429' }), 99)
    const result = agora.request('x').catch((e: unknown) => e)
    await waitsExactly(1_000, { after: 1 })
    await waitsExactly(2_000, { after: 2 })
    const error = await result
    expect(error).toBeInstanceOf(RateLimitedError)
    expect(error).toMatchObject({ status: 429, reason: 'rate_limit_exceeded', requestId: 'req_429' })
    expect(sent()).toBe(3) // the default: two retries
  })

  it('gives up with retryAfter when the server keeps saying wait, and at once when the wait is beyond maxDelay', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { agora, sent, answered } = rateLimited(() => ({ 'retry-after': '1' }), 99)
    const result = agora.request('x').catch((e: unknown) => e)
    for (let i = 1; i <= 2; i++) {
      await until(() => answered() === i)
      await flush()
      await vi.advanceTimersByTimeAsync(1_000)
    }
    expect(await result).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 1 })
    expect(sent()).toBe(3)

    const long = rateLimited(() => ({ 'retry-after': '120' }), 99)
    await expect(long.agora.request('x')).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfter: 120 })
    expect(long.sent()).toBe(1)
  })

  it('retries as configured', async () => {
    const { agora, sent } = rateLimited(() => ({ 'retry-after': '0' }), 99)
    const none = createAgoraClient({ baseUrl: base, retry: { count: 0 } })
    await expect(none.request('x')).rejects.toBeInstanceOf(RateLimitedError)
    expect(server.received).toHaveLength(1)
    await expect(agora.request('x')).rejects.toBeInstanceOf(RateLimitedError)
    expect(sent()).toBe(3)
  })
})

describe('createAgoraFetch: aborts', () => {
  it('an already aborted signal sends nothing', async () => {
    const { source } = fakeSource()
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    const signal = AbortSignal.abort()
    await expect(agora.request('x', { signal })).rejects.toBeInstanceOf(AbortedError)
    await expect(agora.request('metrics', { signal })).rejects.toBeInstanceOf(AbortedError)
    expect(server.received).toHaveLength(0)
  })

  it('aborts while waiting for a token, even from a source that ignores the signal', async () => {
    const source: TokenSource = { getToken: () => new Promise(() => {}), renewToken: () => new Promise(() => {}) }
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    const controller = new AbortController()
    const result = agora.request('x', { signal: controller.signal })
    controller.abort()
    await expect(result).rejects.toBeInstanceOf(AbortedError)
    expect(server.received).toHaveLength(0)
  })

  it('aborts during a renewal', async () => {
    const controller = new AbortController()
    const source: TokenSource = {
      getToken: async () => 't1',
      renewToken: () => {
        controller.abort()
        return new Promise(() => {})
      },
    }
    server.handle((_, res) => send(res, 401, 'JWT expired'))
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    await expect(agora.request('x', { signal: controller.signal })).rejects.toBeInstanceOf(AbortedError)
    expect(server.received).toHaveLength(1)
  })

  it('aborts during a 429 wait', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    server.handle((_, res) => send(res, 429, v0('rate_limit_exceeded'), { 'retry-after': '10' }))
    let answered = 0
    const agora = createAgoraClient({ baseUrl: base, fetch: (input, init) => fetch(input, init).finally(() => answered++) })
    const controller = new AbortController()
    const result = agora.request('x', { signal: controller.signal }).catch((e: unknown) => e)
    await until(() => answered === 1)
    controller.abort()
    expect(await result).toBeInstanceOf(AbortedError)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(server.received).toHaveLength(1)
  })

  it('aborts a request the server is slow to answer', async () => {
    server.handle(() => {}) // never answers
    const agora = createAgoraClient({ baseUrl: base, tokenSource: fakeSource().source })
    const controller = new AbortController()
    const result = agora.request('slow', { signal: controller.signal })
    await until(() => server.received.length === 1)
    controller.abort()
    await expect(result).rejects.toBeInstanceOf(AbortedError)
  })
})
