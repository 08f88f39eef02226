import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import {
  AbortedError,
  ForbiddenError,
  HttpError,
  InvalidResponseError,
  NetworkError,
  RateLimitedError,
  UnauthorizedError,
} from '../../../src/core/errors/errors.js'
import {
  type AgoraFetchErrorType,
  type AgoraRequestErrorType,
  createAgoraClient,
} from '../../../src/core/http/createAgoraClient.js'
import { fakeSource } from './fakeSource.js'
import { type Loopback, send, startLoopback, useLoopback, v0 } from './loopback.js'

let server: Loopback
let base: string
useLoopback((started) => {
  server = started
  base = `${server.origin}/api/v1`
})

describe('createAgoraClient: where the token goes', () => {
  it('sends the bearer to protected routes below the base, parses JSON and appends params', async () => {
    const { source } = fakeSource()
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    const data = await agora.request<{ ok: boolean }>('/proposals', { params: { limit: 10, offset: undefined, q: 'a b' } })
    expect(data).toEqual({ ok: true })
    expect(server.received).toEqual([
      { method: 'GET', path: '/api/v1/proposals?limit=10&q=a+b', authorization: 'Bearer t1', body: '' },
    ])
  })

  it('sends no token to public routes of either contract, and does not even ask for one', async () => {
    const { source, calls } = fakeSource()
    const agora = createAgoraClient({ baseUrl: `${base}/`, tokenSource: source })
    for (const path of ['auth/nonce', 'auth/verify', 'votable_supply', 'spec', 'metrics', 'metrics/total-supply', 'auth/token'])
      await agora.request(path)
    expect(server.received.map((r) => r.authorization)).toEqual(Array(7).fill(undefined))
    expect(calls.get).toBe(0)
    expect(agora.isProtected(`${base}/metrics/circulating-supply`)).toBe(false)
    expect(agora.isProtected(`${base}/metricsx`)).toBe(true)
  })

  it('takes configurable public routes', async () => {
    const { source } = fakeSource()
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source, publicRoutes: ['/open/*', 'ping'] })
    await agora.request('open/a/b')
    await agora.request('ping')
    await agora.request('auth/nonce') // no longer public: the list replaces the default
    expect(server.received.map((r) => r.authorization)).toEqual([undefined, undefined, 'Bearer t1'])
  })

  it('fetch: attaches the token to Request objects and relative URLs inside the base', async () => {
    const { source } = fakeSource()
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    const a = await agora.fetch(new Request(`${base}/delegates`, { headers: { 'x-mine': '1' } }))
    const b = await agora.fetch('delegates/0xabc')
    expect([a.status, b.status]).toEqual([200, 200])
    expect(server.received.map((r) => [r.path, r.authorization])).toEqual([
      ['/api/v1/delegates', 'Bearer t1'],
      ['/api/v1/delegates/0xabc', 'Bearer t1'],
    ])
  })

  it("leaves a caller's own Authorization alone and does not manage auth for it", async () => {
    const { source, calls } = fakeSource()
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    server.handle((_, res) => send(res, 401, 'Invalid Bearer Token'))
    const response = await agora.fetch(`${base}/x`, { headers: { authorization: 'Bearer mine' } })
    expect(response.status).toBe(401)
    expect(server.received.map((r) => r.authorization)).toEqual(['Bearer mine'])
    expect(calls).toMatchObject({ get: 0, renew: [] })
  })

  it('normalises the base: no query or hash, exactly one trailing slash', async () => {
    for (const suffix of ['', '/', '//', '?x=1', '/#top', '//?a=/b#c'])
      expect(createAgoraClient({ baseUrl: `${base}${suffix}` }).baseUrl).toBe(`${base}/`)
    const agora = createAgoraClient({ baseUrl: `${base}/?debug=1`, tokenSource: fakeSource().source })
    await agora.request('proposals')
    expect(server.received.map((r) => [r.path, r.authorization])).toEqual([['/api/v1/proposals', 'Bearer t1']])
  })

  it('without a token source nothing is authenticated', async () => {
    const agora = createAgoraClient({ baseUrl: base })
    await agora.request('proposals')
    expect(server.received[0]!.authorization).toBeUndefined()
  })

  it('with no session, a protected request fails with UnauthorizedError before anything is sent', async () => {
    const { source } = fakeSource({ token: null })
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    const error = await agora.request('proposals').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnauthorizedError)
    expect((error as UnauthorizedError).status).toBeUndefined()
    await expect(agora.fetch(`${base}/x`)).rejects.toBeInstanceOf(UnauthorizedError)
    await expect(agora.request('votable_supply')).resolves.toEqual({ ok: true }) // public routes still work
    expect(server.received).toHaveLength(1)
  })

  it('a redirect from the API to another origin does not carry the token there (real servers, real fetch)', async () => {
    const other = await startLoopback()
    try {
      server.handle((_, res) => send(res, 302, '', { location: `${other.origin}/landing` }))
      const agora = createAgoraClient({ baseUrl: base, tokenSource: fakeSource().source })
      await agora.request('moved')
      expect(server.received[0]!.authorization).toBe('Bearer t1')
      expect(other.received).toEqual([expect.objectContaining({ path: '/landing', authorization: undefined })])
    } finally {
      await other.close()
    }
  })
})

describe('createAgoraClient: other answers', () => {
  it('403 → ForbiddenError, no renewal, no retry', async () => {
    const { source, calls } = fakeSource()
    server.handle((_, res) => send(res, 403, v0('account_not_eligible'), { 'request-id': 'req_f' }))
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    const error = await agora.request('ballots').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ForbiddenError)
    expect(error).toMatchObject({ status: 403, reason: 'account_not_eligible', requestId: 'req_f' })
    expect(server.received).toHaveLength(1)
    expect(calls.renew).toEqual([])
  })

  it('other statuses → HttpError with the reason', async () => {
    server.handle((_, res) => send(res, 404, v0('not_found')))
    const agora = createAgoraClient({ baseUrl: base, tokenSource: fakeSource().source })
    await expect(agora.request('nope')).rejects.toMatchObject({ name: 'HttpError', status: 404, reason: 'not_found' })
    await expect(agora.request('nope')).rejects.toBeInstanceOf(HttpError)
  })

  it('a 2xx that is not JSON → InvalidResponseError; an empty 2xx → undefined', async () => {
    const agora = createAgoraClient({ baseUrl: base, tokenSource: fakeSource().source })
    server.handle((_, res) => send(res, 200, '<html>', { 'request-id': 'req_h' }))
    const error = await agora.request('x').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidResponseError)
    expect(error).toMatchObject({ status: 200, requestId: 'req_h' })
    server.handle((_, res) => send(res, 204))
    await expect(agora.request('x')).resolves.toBeUndefined()
  })

  it('a refused connection → NetworkError', async () => {
    const closed = await startLoopback()
    await closed.close()
    const agora = createAgoraClient({ baseUrl: `${closed.origin}/api/v1`, tokenSource: fakeSource().source })
    await expect(agora.request('x')).rejects.toBeInstanceOf(NetworkError)
    await expect(agora.fetch('https://127.0.0.1:1/elsewhere')).rejects.toBeInstanceOf(NetworkError)
  })
})

describe('createAgoraClient: caller mistakes and a relative base', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('bad options are a TypeError at creation or call, before any request', async () => {
    for (const retry of [{ count: -1 }, { delay: Number.NaN }, { maxDelay: '5' as unknown as number }])
      expect(() => createAgoraClient({ baseUrl: base, retry }), JSON.stringify(retry)).toThrow(TypeError)
    expect(() => createAgoraClient({ baseUrl: '' })).toThrow(TypeError)
    const agora = createAgoraClient({ baseUrl: base, tokenSource: fakeSource().source })
    await expect(agora.request('x', { maxResponseBytes: -1 })).rejects.toBeInstanceOf(TypeError)
    expect(server.received).toEqual([])
  })

  it('a relative base on a server without an origin: created (a server render), but sending is a TypeError that says what to set', async () => {
    const agora = createAgoraClient({ baseUrl: '/api/v1', tokenSource: fakeSource().source })
    expect(agora.baseUrl).toBe('/api/v1/')
    expect([agora.isProtected('proposals'), agora.isProtected('auth/nonce'), agora.isProtected(`${base}/x`)]).toEqual([true, false, false])
    await expect(agora.request('proposals')).rejects.toThrow(TypeError)
    await expect(agora.fetch('proposals')).rejects.toThrow(/origin/)
    expect(server.received).toEqual([])
    // A base that is wrong in itself is still refused at creation.
    expect(() => createAgoraClient({ baseUrl: '//evil.example/api' })).toThrow(TypeError)
    expect(() => createAgoraClient({ baseUrl: '/api/v1', origin: 'not a url' })).toThrow(TypeError)
  })

  it('a relative base resolves against `origin` (or the page) and the token goes only below it', async () => {
    const agora = createAgoraClient({ baseUrl: '/api/v1', origin: server.origin, tokenSource: fakeSource().source })
    expect(agora.baseUrl).toBe(`${base}/`)
    await agora.request('proposals')
    await agora.fetch('/elsewhere')
    vi.stubGlobal('location', { origin: server.origin })
    await createAgoraClient({ baseUrl: '/api/v1', tokenSource: fakeSource().source }).request('votes')
    expect(server.received.map((r) => [r.path, r.authorization])).toEqual([
      ['/api/v1/proposals', 'Bearer t1'],
      ['/elsewhere', undefined],
      ['/api/v1/votes', 'Bearer t1'],
    ])
  })

  it('types: the error unions name what each call can throw', () => {
    expectTypeOf<UnauthorizedError | NetworkError | AbortedError>().toExtend<AgoraFetchErrorType>()
    expectTypeOf<ForbiddenError | RateLimitedError | HttpError | InvalidResponseError>().toExtend<AgoraRequestErrorType>()
  })
})
