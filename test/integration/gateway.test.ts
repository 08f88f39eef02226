// @vitest-environment node
// Gateway mode against an independent upstream: the upstream is a separate process on its own loopback port
// (test/server/gateway/upstreamProcess.ts: the local Agora server, both contracts, its own API keys); the gateways run
// in this process, and the dApp's side is the library's own session store + client with a counting wallet, so
// "no prompt" is a count. Every response the dApp side received is kept, to prove the key is in none of them.
import { decodeProtectedHeader } from 'jose'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ForbiddenError, HttpError, RateLimitedError, UnauthorizedError } from '../../src/core/errors/errors.js'
import { createAgoraClient } from '../../src/core/http/createAgoraClient.js'
import type { TokenSource } from '../../src/core/http/types.js'
import { createSessionStore } from '../../src/core/store/createSessionStore.js'
import { getDemoData } from '../../src/server/demoData.js'
import { paginate } from '../../src/server/paginate.js'
import { signAgoraJwt } from '../../src/server/signAgoraJwt.js'
import { createAgoraServer, type AgoraServerOptions, type AgoraUpstreamOptions, type GatewayErrorEvent } from '../../src/server.js'
import { listen } from '../../src/serverNode.js'
import { alice, bob, createCountingWallet } from '../helpers/countingWallet.js'
import { startUpstreamProcess, type UpstreamProcess } from '../server/gateway/startUpstreamProcess.js'

type Seen = { method: string; path: string; search: string; authorization: string | null; headerNames: string[] }
type Gateway = { url: string; host: string; jwtSecret: Uint8Array; events: GatewayErrorEvent[]; close(): Promise<void> }

let upstream: UpstreamProcess
const gateways: Gateway[] = []
/** Every response the dApp side received (status, headers, body), to search for the key at the end. */
const transcript: string[] = []

const control = (path: string, body?: unknown) => upstream.control(path, body)
const seen = async () => (await (await control('seen')).json()) as Seen[]
const resetUpstream = () => control('reset', {})
const scriptUpstream = (script: Record<string, unknown>) => control('script', script)

/** A gateway on its own loopback port; `upstream` options over a v0 gateway on key 0. */
async function startGateway(options: Partial<AgoraUpstreamOptions> = {}, serverOptions: AgoraServerOptions = {}): Promise<Gateway> {
  const events: GatewayErrorEvent[] = []
  const server = createAgoraServer({
    upstream: { baseUrl: `${upstream.url}/v0`, credential: { v0ApiKey: upstream.keys[0] }, onError: (event) => events.push(event), ...options },
    // Bob signs in with the base role only: no ballot.
    resolveRoles: (address) => (address === bob.address ? ['reader:public'] : ['reader:public', 'rf-demo-user']),
    ...serverOptions,
  })
  const running = await listen(server)
  const gateway = { url: running.url, host: new URL(running.url).host, jwtSecret: server.jwtSecret, events, close: running.close }
  gateways.push(gateway)
  return gateway
}

/** `fetch` that keeps a copy of every response in the transcript. */
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init)
  transcript.push(`${response.status} ${JSON.stringify([...response.headers])} ${await response.clone().text()}`)
  return response
}

/** One dApp page on the gateway's origin: a session store and a client, a wallet that counts its prompts. */
function openPage(gateway: Gateway, account = alice) {
  const wallet = createCountingWallet()
  const baseUrl = `${gateway.url}/api/v1`
  const chainAccount = { address: account.address, chainId: 10 }
  const store = createSessionStore({ baseUrl, signMessage: wallet.signMessage, storage: 'memory', sync: false, account: chainAccount, fetch: recordingFetch })
  const client = createAgoraClient({ baseUrl, tokenSource: store, fetch: recordingFetch, retry: { count: 0 } })
  return { wallet, store, client, baseUrl }
}

const rejectionOf = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('resolved'), (error: unknown) => error)

let v0: Gateway
let v1: Gateway
beforeAll(async () => {
  upstream = await startUpstreamProcess()
  v0 = await startGateway()
  v1 = await startGateway({ baseUrl: `${upstream.url}/api/v1`, credential: { v1ApiKey: upstream.keys[1] } })
}, 120_000)

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()))
  await upstream?.stop()
})

describe('gateway mode against an upstream process', { timeout: 60_000 }, () => {
  it("signs in for the gateway's own host (the page's origin); sign-in never reaches the upstream", async () => {
    await resetUpstream()
    const page = openPage(v0)
    const session = await page.store.signIn()
    expect(page.wallet.count).toBe(1)
    const signed = page.wallet.prompts[0]!.message
    expect(signed.startsWith(`${v0.host} wants you to sign in with your Ethereum account:`)).toBe(true)
    expect(signed).toContain(`URI: http://${v0.host}`)
    expect(session.address).toBe(alice.address)
    expect(session.roles).toEqual(['reader:public', 'rf-demo-user'])
    expect(await seen()).toEqual([])
  })

  it("serves a protected route with the upstream's data; the upstream sees the gateway's session JWT (one exchange), never the user's token, cookie or other headers", async () => {
    await resetUpstream()
    const page = openPage(v0)
    const { token } = await page.store.signIn()
    const first = await page.client.request('proposals', { params: { limit: 2 } })
    expect(first).toEqual(JSON.parse(JSON.stringify(paginate(getDemoData().proposals, 2, 0))))
    const raw = await recordingFetch(`${page.baseUrl}/proposals?limit=1`, {
      headers: {
        Authorization: `Bearer ${token}`,
        Cookie: 'session=the-users-cookie',
        'X-Forwarded-For': '203.0.113.9',
        'X-Custom-Secret': 'not-for-upstream',
        'Accept-Language': 'de',
      },
    })
    expect(raw.status).toBe(200)
    // The gateway's own Request-Id, and the upstream's kept apart under its own name.
    expect(raw.headers.get('request-id')).toMatch(/^req_/)
    expect(raw.headers.get('upstream-request-id')).toMatch(/^req_/)
    expect(raw.headers.get('upstream-request-id')).not.toBe(raw.headers.get('request-id'))
    expect(raw.headers.get('cache-control')).toBe('private, no-store')

    const requests = await seen()
    expect(requests.filter((request) => request.path === '/v0/auth/token')).toHaveLength(1)
    const data = requests.filter((request) => request.path === '/v0/proposals')
    expect(data.map((request) => request.search)).toEqual(['?limit=2', '?limit=1'])
    for (const request of data) {
      const bearer = request.authorization!.replace(/^Bearer /, '')
      expect(bearer).not.toBe(token)
      expect(decodeProtectedHeader(bearer).alg).toBe('RS256')
      expect(request.headerNames).not.toContain('cookie')
      expect(request.headerNames).not.toContain('x-forwarded-for')
      expect(request.headerNames).not.toContain('x-custom-secret')
    }
    expect(requests.some((request) => request.authorization?.includes(token))).toBe(false)
  })

  it('enforces the policy before the upstream: no session → the text 401, an unknown route → 404, a method not allowed → 405', async () => {
    await resetUpstream()
    const noToken = await recordingFetch(`${v0.url}/api/v1/proposals`)
    expect(noToken.status).toBe(401)
    expect(await noToken.text()).toBe("No token provided in 'Authorization' header")
    // The credential's own account is never forwarded (it would show the key owner's e-mail).
    expect((await recordingFetch(`${v0.url}/api/v1/accounts`)).status).toBe(404)
    expect((await recordingFetch(`${v0.url}/api/v1/proposals/..%2Faccounts`)).status).toBe(404)
    const post = await recordingFetch(`${v0.url}/api/v1/proposals`, { method: 'POST', body: '{}' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET')
    // Signed out, the client sends nothing at all.
    const signedOut = openPage(v0)
    signedOut.store.signOut()
    expect(await rejectionOf(signedOut.client.request('proposals'))).toBeInstanceOf(UnauthorizedError)
    expect(await seen()).toEqual([])
  })

  it("an expired session gets the gateway's text 401, and the client signs in again (one prompt) and reads the data", async () => {
    const page = openPage(v0)
    const issuedAt = Math.floor(Date.now() / 1000) - 90_000
    const expired = await signAgoraJwt({ address: alice.address, roles: ['reader:public'], chainId: 10, nonce: 'expired1', secret: v0.jwtSecret, issuedAt, ttl: 86_400 })
    const refused = await recordingFetch(`${page.baseUrl}/proposals`, { headers: { Authorization: `Bearer ${expired}` } })
    expect(refused.status).toBe(401)
    expect(await refused.text()).toBe('Invalid format for API Key or JWT')
    // The client's rule: a renewable 401 asks the token source once; here it signs in with the wallet.
    const renewing: TokenSource = {
      getToken: async () => expired,
      renewToken: async () => (await page.store.signIn()).token,
    }
    const client = createAgoraClient({ baseUrl: page.baseUrl, tokenSource: renewing, fetch: recordingFetch })
    const answer = await client.request<{ data: unknown[] }>('proposals', { params: { limit: 1 } })
    expect(answer.data).toHaveLength(1)
    expect(page.wallet.count).toBe(1)
  })

  it("caches public answers briefly: the second read asks no upstream; the upstream's public route gets no credential", async () => {
    await resetUpstream()
    const first = await recordingFetch(`${v0.url}/api/v1/metrics`)
    const second = await recordingFetch(`${v0.url}/api/v1/metrics`)
    expect(first.status).toBe(200)
    expect(await second.json()).toEqual(await first.json())
    const requests = await seen()
    expect(requests.map((request) => request.path)).toEqual(['/v0/metrics'])
    expect(requests[0]!.authorization).toBeNull()
  })

  it("a v1 upstream: the API key as bearer on data, none on its public routes; the user's token stays at the gateway", async () => {
    await resetUpstream()
    const page = openPage(v1)
    const { token } = await page.store.signIn()
    const delegates = await page.client.request<{ data: { address: string }[] }>('delegates', { params: { limit: 3 } })
    expect(delegates.data.map((delegate) => delegate.address)).toEqual(getDemoData().delegates.slice(0, 3).map((delegate) => delegate.address))
    expect(await page.client.request('votable_supply')).toEqual({ votable_supply: getDemoData().votableSupply })
    const requests = await seen()
    expect(requests.map((request) => [request.path, request.authorization])).toEqual([
      ['/api/v1/delegates', `Bearer ${upstream.keys[1]}`],
      ['/api/v1/votable_supply', null],
    ])
    expect(requests.some((request) => request.authorization?.includes(token))).toBe(false)
  })

  it("the ballot: only a ballot role's own address reaches the upstream; the upstream's 403 comes back as ForbiddenError, no prompt", async () => {
    await resetUpstream()
    const page = openPage(v1)
    await page.store.signIn()
    const others = await rejectionOf(page.client.request(`retrofunding/rounds/5/ballots/${bob.address}`))
    expect(others).toBeInstanceOf(ForbiddenError)
    const bobsPage = openPage(v1, bob)
    expect((await bobsPage.store.signIn()).roles).toEqual(['reader:public'])
    expect(await rejectionOf(bobsPage.client.request(`retrofunding/rounds/5/ballots/${bob.address}`))).toBeInstanceOf(ForbiddenError)
    expect(await seen()).toEqual([])
    // Alice's own ballot passes the gateway; the upstream refuses an API key there (a ballot is a user's), faithfully passed on.
    const own = await rejectionOf(page.client.request(`retrofunding/rounds/5/ballots/${alice.address}`))
    expect(own).toBeInstanceOf(ForbiddenError)
    expect(own).toMatchObject({ status: 403, reason: 'Unauthorized' })
    expect((await seen()).map((request) => request.path)).toEqual([`/api/v1/retrofunding/rounds/5/ballots/${alice.address}`])
    expect(page.wallet.count).toBe(1)
    expect(bobsPage.wallet.count).toBe(1)
  })
})

describe('upstream failures reach the client as the right typed error, with no wallet prompt', { timeout: 60_000 }, () => {
  it("an upstream 429 comes back as RateLimitedError with the upstream's Retry-After", async () => {
    const page = openPage(v0)
    await page.store.signIn()
    await resetUpstream()
    const envelope = { code: 'rate_limit_exceeded', message: 'Too many requests.', docs_url: 'https://docs.agora.xyz/errors#rate_limit_exceeded' }
    await scriptUpstream({ status: 429, body: JSON.stringify(envelope), headers: { 'Retry-After': '7' }, times: 2 })
    const error = await rejectionOf(page.client.request('proposals'))
    expect(error).toBeInstanceOf(RateLimitedError)
    expect(error).toMatchObject({ status: 429, retryAfter: 7, reason: 'rate_limit_exceeded' })
    const raw = await recordingFetch(`${page.baseUrl}/proposals`, { headers: { Authorization: `Bearer ${(await page.store.getToken())!}` } })
    expect(raw.headers.get('retry-after')).toBe('7')
    expect(raw.headers.get('upstream-request-id')).toMatch(/^req_scripted/)
    expect(await raw.json()).toEqual(envelope)
    expect(page.wallet.count).toBe(1)
  })

  it("an upstream 403 envelope comes back as ForbiddenError with the upstream's reason", async () => {
    const page = openPage(v0)
    await page.store.signIn()
    await resetUpstream()
    const envelope = { code: 'forbidden', message: 'Not eligible.', docs_url: 'https://docs.agora.xyz/errors#forbidden', context: { reason: 'account_not_eligible' } }
    await scriptUpstream({ status: 403, body: JSON.stringify(envelope) })
    const error = await rejectionOf(page.client.request('proposals'))
    expect(error).toBeInstanceOf(ForbiddenError)
    expect(error).toMatchObject({ status: 403, reason: 'account_not_eligible' })
    expect(page.wallet.count).toBe(1)
  })

  it('a dead upstream is a 502 upstream_unreachable; a silent one a 504 upstream_timeout; an oversized answer a 502', async () => {
    // A port that just stopped listening: nothing answers there.
    const closed = await listen(createAgoraServer())
    await closed.close()
    const dead = await startGateway({ baseUrl: `${closed.url}/api/v1`, credential: { v1ApiKey: upstream.keys[2] } })
    const deadPage = openPage(dead)
    await deadPage.store.signIn()
    const unreachable = await rejectionOf(deadPage.client.request('proposals'))
    expect(unreachable).toBeInstanceOf(HttpError)
    expect(unreachable).toMatchObject({ status: 502, reason: 'upstream_unreachable' })
    expect(dead.events).toEqual([{ code: 'upstream_unreachable', status: 502, upstreamRequestId: undefined, route: 'proposals' }])

    const bounded = await startGateway({ baseUrl: `${upstream.url}/api/v1`, credential: { v1ApiKey: upstream.keys[2] }, timeoutMs: 1_000, maxResponseBytes: 1_024 })
    const page = openPage(bounded)
    await page.store.signIn()
    await resetUpstream()
    // The upstream holds its answer for 30 s; the gateway gives up after its 1 s (a real wait for real I/O).
    await scriptUpstream({ status: 200, body: '{}', delayMs: 30_000 })
    expect(await rejectionOf(page.client.request('proposals'))).toMatchObject({ code: 'HTTP_ERROR', status: 504, reason: 'upstream_timeout' })
    await scriptUpstream({ status: 200, bodyBytes: 4_096 })
    expect(await rejectionOf(page.client.request('proposals'))).toMatchObject({ code: 'HTTP_ERROR', status: 502, reason: 'upstream_response_too_large' })
    expect([deadPage.wallet.count, page.wallet.count]).toEqual([1, 1])
    expect(page.store.getSnapshot().status).toBe('authenticated')
  })

  it("a revoked key (the upstream's 401 for the gateway's own credential) is a 502 upstream_unauthorized, never a 401: no prompt, the session stays", async () => {
    const pages = [openPage(v0), openPage(v1)]
    for (const page of pages) await page.store.signIn()
    // Both work first (the v0 gateway holds a session JWT of its key), then the operator revokes both keys upstream.
    for (const page of pages) await page.client.request('proposals', { params: { limit: 1 } })
    await control('revoke', { index: 0 })
    await control('revoke', { index: 1 })
    for (const page of pages) {
      const error = await rejectionOf(page.client.request('proposals'))
      expect(error).toBeInstanceOf(HttpError)
      expect(error).toMatchObject({ status: 502, reason: 'upstream_unauthorized' })
      expect(page.wallet.count).toBe(1)
      expect(page.store.getSnapshot().status).toBe('authenticated')
    }
    expect(v0.events.at(-1)).toMatchObject({ code: 'upstream_unauthorized', status: 502, route: 'proposals', upstreamRequestId: expect.stringMatching(/^req_/) })
    expect(v1.events.at(-1)).toMatchObject({ code: 'upstream_unauthorized', status: 502, route: 'proposals' })
  })

  it('the default report of a failure is one console line naming the code, the route and the upstream Request-Id, never the key', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      // The v0 key was revoked above: this server's first exchange of it is refused.
      const server = createAgoraServer({ upstream: { baseUrl: `${upstream.url}/v0`, credential: { v0ApiKey: upstream.keys[0] } } })
      const issuedAt = Math.floor(Date.now() / 1000)
      const token = await signAgoraJwt({ address: alice.address, roles: ['reader:public'], chainId: 10, nonce: 'console1', secret: server.jwtSecret, issuedAt, ttl: 600 })
      const response = await server.fetch(new Request('http://localhost/api/v1/proposals', { headers: { Authorization: `Bearer ${token}` } }))
      transcript.push(await response.clone().text())
      expect(response.status).toBe(502)
      expect(warn).toHaveBeenCalledTimes(1)
      const line = String(warn.mock.calls[0]![0])
      expect(line).toMatch(/^agora-auth gateway: upstream_unauthorized \(answered 502\) on proposals, upstream Request-Id req_\w+$/)
      for (const key of upstream.keys) expect(line).not.toContain(key)
    } finally {
      warn.mockRestore()
    }
  })
})

describe('the key in no response and no report', () => {
  it('no response the dApp side received, and no failure report, holds any of the keys', () => {
    expect(transcript.length).toBeGreaterThan(20)
    const reports = JSON.stringify(gateways.map((gateway) => gateway.events))
    for (const key of upstream.keys) {
      expect(transcript.filter((entry) => entry.includes(key))).toEqual([])
      expect(reports).not.toContain(key)
    }
  })
})
