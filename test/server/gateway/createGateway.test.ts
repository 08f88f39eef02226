// @vitest-environment node
// Gateway mode through createAgoraServer, in one process: the upstream is a second local Agora server reached through
// the gateway's `fetch` option (real contract answers, real keys and JWTs). Where an answer no local server gives is
// needed (a redirect, a Set-Cookie, a 429 on the key exchange), a test answers with its own `fetch` and says so.
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgoraServer, createRedisGatewayCache, signAgoraJwt, type AgoraServerOptions, type AgoraUpstreamOptions } from '../../../src/server.js'
import { alice } from '../../helpers/countingWallet.js'
import { startRedis } from '../redisServer.js'

const UPSTREAM = 'http://127.0.0.1:9'
const upstreamServer = createAgoraServer({ rateLimit: false })
let v1Key: string

/** Every request the upstream got, and the upstream's real answer. */
function upstreamFetch() {
  const requests: Request[] = []
  const send: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    requests.push(request.clone())
    return upstreamServer.fetch(request)
  }
  return { requests, send }
}

function gatewayWith(upstream: Partial<AgoraUpstreamOptions> = {}, options: AgoraServerOptions = {}) {
  const { requests, send } = upstreamFetch()
  const server = createAgoraServer({
    upstream: { baseUrl: `${UPSTREAM}/api/v1`, credential: { v1ApiKey: v1Key }, fetch: send, onError: () => undefined, ...upstream },
    ...options,
  })
  const sessionHeaders = async () => {
    const issuedAt = Math.floor(Date.now() / 1000)
    const token = await signAgoraJwt({ address: alice.address, roles: ['reader:public', 'rf-demo-user'], chainId: 10, nonce: 'gateway1', secret: server.jwtSecret, issuedAt, ttl: 600 })
    return { Authorization: `Bearer ${token}` }
  }
  const get = async (path: string, init: RequestInit = {}) => server.fetch(new Request(`http://localhost/api/v1/${path}`, init))
  return { server, requests, get, sessionHeaders }
}

beforeAll(async () => {
  // The upstream's v0 signing key is made on first use (RSA, slow on a busy machine): made here, not inside a deadline.
  await upstreamServer.jwks()
  ;({ key: v1Key } = await upstreamServer.createApiKey({ email: 'ops@example.org', address: alice.address, chainId: 10, description: 'gateway test' }))
})

describe('createAgoraServer({ upstream })', () => {
  it.each<[string, Partial<AgoraUpstreamOptions>, RegExp]>([
    ['a relative baseUrl', { baseUrl: '/api/v1' }, /baseUrl must be an absolute/],
    ['no credential', { credential: {} as never }, /credential needs/],
    ['an empty key', { credential: { v0ApiKey: '' } }, /credential needs/],
    ['a request header that carries identity', { requestHeaders: ['accept', 'Cookie'] }, /must not pass on cookie/],
    ['a timeout of 0', { timeoutMs: 0 }, /timeoutMs must be a positive number/],
    ['a negative size cap', { maxResponseBytes: -1 }, /maxResponseBytes must be a positive number/],
    ['a route template it cannot match', { routes: { 'a/{b': { access: 'session' } } }, /upstream.routes/],
  ])('refuses %s with a TypeError at creation', (_name, upstream, message) => {
    const create = () => createAgoraServer({ upstream: { baseUrl: `${UPSTREAM}/api/v1`, credential: { v1ApiKey: 'k' }, ...upstream } })
    expect(create).toThrow(TypeError)
    expect(create).toThrow(message)
  })

  it('keeps sign-in on this server and serves none of the local demo routes itself', async () => {
    const { server, get, requests, sessionHeaders } = gatewayWith()
    expect((await get('auth/nonce')).status).toBe(200)
    // `spec` is not a gateway route by default: 404, not the local server's document.
    expect((await get('spec')).status).toBe(404)
    expect(requests).toHaveLength(0)
    // Nor the local Public API v0 (its demo data is not the upstream's).
    const v0 = await server.fetch(new Request('http://localhost/v0/metrics'))
    expect(v0.status).toBe(404)
    expect(await v0.json()).toMatchObject({ code: 'not_found' })
    const proposals = await get('proposals?limit=1', { headers: await sessionHeaders() })
    expect(proposals.status).toBe(200)
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual(['/api/v1/proposals'])
  })

  it("the app's routes: its own templates match before the defaults, a default is replaced or removed by its template", async () => {
    const { get, requests } = gatewayWith({
      routes: { 'proposals/{id}': { access: 'public' }, delegates: { access: 'public' }, votable_supply: false },
    })
    expect((await get('proposals/1')).status).not.toBe(401)
    expect((await get('delegates?limit=1')).status).toBe(200)
    expect((await get('votable_supply')).status).toBe(404)
    expect((await get('proposals')).status).toBe(401)
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual(['/api/v1/proposals/1', '/api/v1/delegates'])
  })

  it('the rate limiter is in front: an empty bucket answers 429 with Retry-After and asks no upstream', async () => {
    const { get, requests, sessionHeaders } = gatewayWith({}, { rateLimit: { capacity: 1, refillPerSecond: 0.01 } })
    const headers = await sessionHeaders()
    expect((await get('proposals', { headers })).status).toBe(200)
    const limited = await get('proposals', { headers })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(requests).toHaveLength(1)
  })

  it('HEAD is asked upstream as GET and answered without a body; a POST body and its Content-Type are passed on', async () => {
    const { get, requests, sessionHeaders } = gatewayWith()
    const head = await get('votable_supply', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    const headers = { ...(await sessionHeaders()), 'Content-Type': 'application/json' }
    const body = JSON.stringify({ allocations: [{ projectId: 'p1', amount: '5' }] })
    const posted = await get(`retrofunding/rounds/5/ballots/${alice.address}`, { method: 'POST', headers, body })
    // The upstream refuses an API key on a user's ballot; what matters here is what it was sent.
    expect(posted.status).toBe(403)
    const [asked, ballot] = requests
    expect(asked!.method).toBe('GET')
    expect(ballot!.method).toBe('POST')
    expect(ballot!.headers.get('content-type')).toBe('application/json')
    expect(await ballot!.text()).toBe(body)
  })

  it('passes on only the allowed response headers (stub: a local server sends no Set-Cookie)', async () => {
    // Stubbed: the upstream answer carries headers no Agora server sends, to prove the allow-list.
    const send: typeof fetch = async () =>
      new Response('{"votable_supply":"1"}', {
        headers: {
          'Content-Type': 'application/json',
          ETag: '"v1"',
          'Set-Cookie': 'upstream=1',
          'X-Powered-By': 'upstream',
          'Access-Control-Allow-Credentials': 'true',
          'Request-Id': 'req_upstream1',
        },
      })
    const { get } = gatewayWith({ fetch: send })
    const response = await get('votable_supply')
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('etag')).toBe('"v1"')
    expect(response.headers.get('upstream-request-id')).toBe('req_upstream1')
    expect(response.headers.get('request-id')).not.toBe('req_upstream1')
    for (const name of ['set-cookie', 'x-powered-by', 'access-control-allow-credentials']) expect(response.headers.get(name)).toBeNull()
  })

  it('an upstream redirect is a 502 upstream_redirect, its Location never passed on nor followed (stub)', async () => {
    // Stubbed: no local server redirects on demand.
    const asked: string[] = []
    const send: typeof fetch = async (input) => {
      asked.push(new Request(input).url)
      return new Response(null, { status: 302, headers: { Location: 'https://elsewhere.example/steal' } })
    }
    const { get, sessionHeaders } = gatewayWith({ fetch: send })
    const response = await get('proposals', { headers: await sessionHeaders() })
    expect(response.status).toBe(502)
    expect(((await response.json()) as { code: string }).code).toBe('upstream_redirect')
    expect(response.headers.get('location')).toBeNull()
    expect(asked).toEqual([`${UPSTREAM}/api/v1/proposals`])
  })

  it("a 429 on the v0 key exchange is a 429 upstream_rate_limited with the exchange's Retry-After (stub)", async () => {
    // Stubbed: the local server's exchange bucket cannot be emptied without spending it on data first.
    const send: typeof fetch = async () =>
      new Response(JSON.stringify({ code: 'rate_limit_exceeded', message: 'Slow down.' }), { status: 429, headers: { 'Retry-After': '30', 'Request-Id': 'req_x' } })
    const { get, sessionHeaders } = gatewayWith({ baseUrl: `${UPSTREAM}/v0`, credential: { v0ApiKey: 'a-v0-key' }, fetch: send })
    const response = await get('proposals', { headers: await sessionHeaders() })
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('30')
    expect(await response.json()).toMatchObject({ code: 'upstream_rate_limited', context: { retry_after: 30 } })
  })

  it("re-exchanges the v0 key once when the upstream says token_expired, and the user's request succeeds", async () => {
    let clockOffset = 0
    const upstreamWithClock = createAgoraServer({ rateLimit: false, now: () => Date.now() + clockOffset })
    await upstreamWithClock.jwks()
    const { key } = await upstreamWithClock.createApiKey({ email: 'ops@example.org', address: alice.address, chainId: 10, description: 'clock' })
    const exchanges: number[] = []
    const send: typeof fetch = async (input, init) => {
      const request = new Request(input, init)
      if (new URL(request.url).pathname.endsWith('/auth/token')) exchanges.push(clockOffset)
      return upstreamWithClock.fetch(request)
    }
    const { get, sessionHeaders } = gatewayWith({ baseUrl: `${UPSTREAM}/v0`, credential: { v0ApiKey: key }, fetch: send })
    const headers = await sessionHeaders()
    expect((await get('proposals', { headers })).status).toBe(200)
    // The upstream's clock passes the session JWT's 15 minutes; the gateway's own clock says it is still fresh.
    clockOffset = 1_000_000
    expect((await get('proposals', { headers })).status).toBe(200)
    expect(exchanges).toEqual([0, 1_000_000])
  })

  it('a silent key exchange gives up at the deadline (504), and the next request exchanges again instead of waiting on it', async () => {
    // Stubbed: the first exchange never answers (a silent upstream) until its signal aborts; later ones reach the upstream.
    let exchanges = 0
    let silentExchangeEnded: Promise<void> | undefined
    const send: typeof fetch = async (input, init) => {
      const request = new Request(input, init)
      const isExchange = new URL(request.url).pathname.endsWith('/auth/token')
      if (isExchange) exchanges++
      if (isExchange && exchanges === 1) {
        const silent = new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)))
        silentExchangeEnded = silent.then(() => undefined, () => undefined)
        return silent
      }
      return upstreamServer.fetch(request)
    }
    const { get, sessionHeaders } = gatewayWith({ baseUrl: `${UPSTREAM}/v0`, credential: { v0ApiKey: v1Key }, fetch: send, timeoutMs: 1_000 })
    const headers = await sessionHeaders()
    expect((await get('proposals', { headers })).status).toBe(504)
    // The silent exchange ends at its own deadline (without one it would never end, and every request would wait on it).
    await silentExchangeEnded
    // Its rejection settles the token source's shared exchange in microtasks: one macrotask later all of them have run.
    await new Promise((resolve) => setImmediate(resolve))
    expect((await get('proposals', { headers })).status).toBe(200)
    expect(exchanges).toBe(2)
  })
})

describe('a Redis cache shared by two gateway instances', () => {
  let redisServer: Awaited<ReturnType<typeof startRedis>>
  let redis: Redis
  beforeAll(async () => {
    redisServer = await startRedis()
    redis = new Redis({ port: redisServer.port, host: '127.0.0.1', maxRetriesPerRequest: 1 })
  })
  afterAll(async () => {
    await redis?.quit()
    await redisServer?.stop()
  })

  it("one instance's public answer is the other's hit: one upstream request for both", async () => {
    const store = createRedisGatewayCache(redis, { keyPrefix: 'shared:' })
    const first = gatewayWith({ cache: { store, ttlMs: 10_000 } })
    const second = gatewayWith({ cache: { store, ttlMs: 10_000 } })
    const answers = [await first.get('votable_supply'), await second.get('votable_supply')]
    expect(answers.map((answer) => answer.status)).toEqual([200, 200])
    expect(await answers[1]!.json()).toEqual(await answers[0]!.json())
    expect([first.requests.length, second.requests.length]).toEqual([1, 0])
  })

  it("gateways to different upstreams sharing one store never serve each other's answers", async () => {
    const store = createRedisGatewayCache(redis, { keyPrefix: 'two-upstreams:' })
    const first = gatewayWith({ cache: { store, ttlMs: 10_000 } })
    const other = gatewayWith({ baseUrl: 'http://localhost:9/api/v1', cache: { store, ttlMs: 10_000 } })
    expect((await first.get('votable_supply')).status).toBe(200)
    expect((await other.get('votable_supply')).status).toBe(200)
    expect([first.requests.length, other.requests.length]).toEqual([1, 1])
  })
})
