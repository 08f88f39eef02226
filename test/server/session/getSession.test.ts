// The verified server-side session: with the issuer's secret (jose, HS256 pinned) and by asking the issuing API
// (the local Agora server over loopback). Every refusal must be `null`, never a session read from an unverified token.
import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeSessionToken } from '../../../src/core.js'
import { getSession, signAgoraJwt } from '../../../src/server.js'
import { newAccount, start, tokenFor, type Running } from '../helpers.js'

const SECRET = 'a-test-secret-of-at-least-32-bytes-long'
const OTHER_SECRET = 'another-secret-of-at-least-32-bytes-long'
const cookie = (token: string) => `theme=dark; agora_session=${token}; other=1`

let running: Running
let token: string
beforeAll(async () => {
  running = await start({ jwtSecret: SECRET })
  token = await tokenFor(running)
}, 30_000)
afterAll(() => running?.close())

/** A token with the real claims, signed by `secret` (so only the signature, or what the options say, is wrong). */
const signed = async (secret: string, options: { issuedAt?: number; roles?: string[] } = {}) =>
  signAgoraJwt({
    address: newAccount().address,
    roles: options.roles ?? ['reader:public', 'badgeholder'],
    chainId: 10,
    nonce: 'abcdefgh1234',
    secret: new TextEncoder().encode(secret),
    issuedAt: options.issuedAt ?? Math.floor(Date.now() / 1000),
    ttl: 86_400,
  })

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('getSession with jwtSecret', () => {
  const bySecret = { jwtSecret: SECRET }

  it('returns the session of a token the server issued, the shape decodeSessionToken gives', async () => {
    const session = await getSession(cookie(token), bySecret)
    expect(session).toEqual(decodeSessionToken(token))
    expect(session?.roles).toContain('reader:public')
  })

  it('reads the cookie from a Cookie header, a Request, Headers, and a (promised) cookies() store', async () => {
    const headers = new Headers({ cookie: cookie(token) })
    const store = { get: (name: string) => (name === 'agora_session' ? { name, value: token } : undefined) }
    for (const source of [cookie(token), new Request('http://localhost/', { headers }), headers, store, Promise.resolve(store)])
      expect((await getSession(source, bySecret))?.token).toBe(token)
    expect((await getSession(`mine=${token}`, { ...bySecret, cookieName: 'mine' }))?.token).toBe(token)
  })

  it('returns null without the cookie', async () => {
    for (const source of [undefined, null, '', 'theme=dark', new Headers(), new Request('http://localhost/'), { get: () => undefined }])
      expect(await getSession(source, bySecret)).toBeNull()
    expect(await getSession(`xagora_session=${token}`, bySecret)).toBeNull()
  })

  it('refuses a token signed with another secret, even with badgeholder in its scope', async () => {
    const forged = await signed(OTHER_SECRET)
    expect(decodeSessionToken(forged).roles).toContain('badgeholder') // it would pass an unverified decode
    expect(await getSession(cookie(forged), bySecret)).toBeNull()
  })

  it('pins HS256: alg none, and HS512 with the right secret, are refused', async () => {
    const [, payload] = (await signed(SECRET)).split('.')
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`
    const noneWithSignature = `${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.c2ln`
    const claims = decodeSessionToken(await signed(SECRET)).claims
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).sign(new TextEncoder().encode(SECRET))
    for (const bad of [unsigned, noneWithSignature, hs512]) expect(await getSession(cookie(bad), bySecret), bad).toBeNull()
  })

  it('refuses an expired token, and one without exp', async () => {
    const yesterday = await signed(SECRET, { issuedAt: Math.floor(Date.now() / 1000) - 86_401 })
    expect(await getSession(cookie(yesterday), bySecret)).toBeNull()
    expect(await getSession(cookie(token), { ...bySecret, now: () => Date.now() + 86_401_000 })).toBeNull()
    const noExp = await new SignJWT({ sub: newAccount().address, scope: 'reader:public' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(SECRET))
    expect(await getSession(cookie(noExp), bySecret)).toBeNull()
  })

  it('refuses garbage and an oversize cookie (even one correctly signed)', async () => {
    const huge = await signed(SECRET, { roles: ['reader:public', 'x'.repeat(4096)] })
    expect(await getSession(cookie(huge), { jwtSecret: SECRET, now: Date.now })).toBeNull()
    for (const garbage of ['garbage', 'a.b', 'a.b.c', '%7B.%7D.x', `${token}x;`, `"${token}"`, token.replace('.', '..')])
      expect(await getSession(`agora_session=${garbage}`, bySecret), garbage).toBeNull()
  })

  it('throws a TypeError for a caller mistake, before reading anything', async () => {
    await expect(getSession(cookie(token), {})).rejects.toThrow(TypeError)
    await expect(getSession(cookie(token), { jwtSecret: SECRET, baseUrl: `${running.url}/api/v1` })).rejects.toThrow(TypeError)
    await expect(getSession(cookie(token), { jwtSecret: '' })).rejects.toThrow(/AGORA_JWT_SECRET/)
    await expect(getSession(cookie(token), { baseUrl: '/api/v1' })).rejects.toThrow(TypeError)
    await expect(getSession(cookie(token), { baseUrl: `${running.url}/api/v1`, verifyPath: 'https://evil.example/x' })).rejects.toThrow(
      /not below baseUrl/,
    )
  })
})

describe('getSession with baseUrl (asks the issuing API over loopback)', () => {
  /** The real fetch, counting what it is asked to fetch and with which Authorization. */
  const counting = () => {
    const calls: string[] = []
    const countingFetch: typeof fetch = (input, init) => {
      calls.push(String(input))
      return fetch(input, init)
    }
    return { calls, fetch: countingFetch }
  }

  it('returns the session the API accepts, and asks once per token (the second read is a cache hit)', async () => {
    const { calls, fetch } = counting()
    const fresh = await tokenFor(running)
    const options = { baseUrl: `${running.url}/api/v1`, fetch }
    expect(await getSession(cookie(fresh), options)).toEqual(decodeSessionToken(fresh))
    expect(await getSession(cookie(fresh), options)).toEqual(decodeSessionToken(fresh))
    expect(calls).toEqual([`${running.url}/api/v1/proposals?limit=1`])
  })

  it('shares one request between concurrent reads of one token', async () => {
    const { calls, fetch } = counting()
    const fresh = await tokenFor(running)
    const sessions = await Promise.all(Array.from({ length: 10 }, () => getSession(cookie(fresh), { baseUrl: `${running.url}/api/v1`, fetch })))
    expect(sessions.every((session) => session?.token === fresh)).toBe(true)
    expect(calls).toHaveLength(1)
  })

  it('returns null for a token the API refuses (401), and remembers the refusal', async () => {
    const { calls, fetch } = counting()
    const forged = await signed(OTHER_SECRET)
    const options = { baseUrl: `${running.url}/api/v1`, fetch }
    expect(await getSession(cookie(forged), options)).toBeNull()
    expect(await getSession(cookie(forged), options)).toBeNull()
    expect(calls).toHaveLength(1)
  })

  it('asks nothing for an expired or malformed token', async () => {
    const { calls, fetch } = counting()
    const options = { baseUrl: `${running.url}/api/v1`, fetch }
    expect(await getSession(cookie(await signed(SECRET, { issuedAt: 1_000_000 })), options)).toBeNull()
    expect(await getSession('agora_session=a.b.c', options)).toBeNull()
    expect(calls).toEqual([])
  })

  it('returns null when the API cannot be reached, and asks again next time (no answer is not cached)', async () => {
    const gone = await start({ jwtSecret: SECRET })
    await gone.close()
    const { calls, fetch } = counting()
    const options = { baseUrl: `${gone.url}/api/v1`, fetch }
    expect(await getSession(cookie(token), options)).toBeNull()
    expect(await getSession(cookie(token), options)).toBeNull()
    expect(calls).toHaveLength(2)
  })

  it('sends the token only to the verify URL below baseUrl', async () => {
    const seen: { url: string; authorization: string | null }[] = []
    const recording: typeof fetch = (input, init) => {
      seen.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') })
      return fetch(input, init)
    }
    const fresh = await tokenFor(running)
    await getSession(cookie(fresh), { baseUrl: `${running.url}/api/v1/`, verifyPath: '/delegates?limit=1', fetch: recording })
    expect(seen).toEqual([{ url: `${running.url}/api/v1/delegates?limit=1`, authorization: `Bearer ${fresh}` }])
  })
})
