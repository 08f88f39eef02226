// @vitest-environment node
// createAgoraClient with both token sources against the local Agora server (src/server) over loopback: real HTTP,
// real SIWE signatures, the server's own HS256 and RS256 JWTs.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createApiKeyTokenSource } from '../../../src/core/apiKey/createApiKeyTokenSource.js'
import { ForbiddenError, RateLimitedError, TokenRevokedError } from '../../../src/core/errors/errors.js'
import { createAgoraClient } from '../../../src/core/http/createAgoraClient.js'
import { createSessionStore } from '../../../src/core/store/createSessionStore.js'
import { createMemoryApiKeyStore } from '../../../src/server/createMemoryApiKeyStore.js'
import { alice, bob, createCountingWallet } from '../../helpers/countingWallet.js'
import { startAgoraServer } from './realServer.js'

type Page = { meta: { has_next: boolean }; data: unknown[] }

let agora: Awaited<ReturnType<typeof startAgoraServer>>
const apiKeyStore = createMemoryApiKeyStore()
beforeAll(async () => {
  agora = await startAgoraServer({ apiKeyStore })
})
afterAll(() => agora.close())
afterEach(() => {
  agora.log.length = 0
  agora.clock(0)
  vi.useRealTimers()
})

/** A store signing as alice and a client over it; `send` is the fetch the client sends with (default: global). */
function signedInClient(send?: typeof fetch) {
  const wallet = createCountingWallet()
  const store = createSessionStore({
    baseUrl: agora.v1,
    signMessage: wallet.signMessage,
    storage: 'memory',
    sync: false,
  })
  store.setAccount({ address: alice.address, chainId: 10 })
  const client = createAgoraClient({ baseUrl: agora.v1, tokenSource: store, fetch: send })
  return { store, client, signatures: () => wallet.count }
}

describe('contract A (SIWE session store) against the local server', () => {
  it('signs in, reads a protected list with the bearer, and sends none to public routes', async () => {
    const { store, client, signatures } = signedInClient()
    const session = await store.signIn()
    const page = await client.request<Page>('proposals', { params: { limit: 2 } })
    expect(page.data).toHaveLength(2)
    expect(await client.request('votable_supply')).toHaveProperty('votable_supply')
    expect(agora.log.map((l) => [l.request, l.bearer])).toEqual([
      ['GET /api/v1/auth/nonce', undefined],
      ['POST /api/v1/auth/verify', undefined],
      ['GET /api/v1/proposals', `Bearer ${session.token}`],
      ['GET /api/v1/votable_supply', undefined],
    ])
    expect(signatures()).toBe(1)
  })

  it('requests made while a sign-in is in flight wait for it, then carry the new token', async () => {
    const { store, client, signatures } = signedInClient()
    const signingIn = store.signIn()
    const results = await Promise.all(Array.from({ length: 5 }, () => client.request<Page>('proposals')))
    const session = await signingIn
    expect(results).toHaveLength(5)
    expect(signatures()).toBe(1)
    expect(agora.log.filter((l) => l.request === 'GET /api/v1/proposals').map((l) => l.bearer)).toEqual(
      Array(5).fill(`Bearer ${session.token}`),
    )
  })

  it('100 concurrent requests after the server rejected every token: one signature, one verify, 100 successes', async () => {
    const { store, client, signatures } = signedInClient()
    await store.signIn()
    agora.restart() // new secret: the token the client trusts gets a 401
    agora.log.length = 0
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => client.request<Page>('proposals', { params: { offset: i } })))
    expect(results.every((r) => Array.isArray(r.data))).toBe(true)
    expect(signatures()).toBe(2)
    const count = (request: string) => agora.log.filter((l) => l.request === request).length
    expect([count('GET /api/v1/auth/nonce'), count('POST /api/v1/auth/verify')]).toEqual([1, 1])
    expect(count('GET /api/v1/proposals')).toBe(200) // each request: one refused, one retried
  })

  it('the wallet switches while a request is out and the 401 comes back: AbortedError, no prompt, no retry as B', async () => {
    // The real server answers; this wrapper only times the switch: the wallet becomes bob while the request is out.
    const { store, client, signatures } = signedInClient(async (input, init) => {
      const response = await fetch(input, init)
      store.setAccount({ address: bob.address, chainId: 10 })
      return response
    })
    await store.signIn()
    agora.restart() // the server refuses alice's token from now on
    await expect(client.request('proposals')).rejects.toMatchObject({ code: 'ABORTED', reason: 'account_changed' })
    expect(signatures()).toBe(1)
    expect(agora.log.filter((l) => l.request === 'GET /api/v1/proposals')).toHaveLength(1)
  })

  it('an expired token (server clock ahead) is renewed and the request retried once', async () => {
    const { store, client, signatures } = signedInClient()
    await store.signIn()
    agora.clock(86_400_000 + 60_000)
    // The fresh SIWE message would be "expired" for a server two days ahead: move it back before re-signing.
    const renew = store.renewToken.bind(store)
    store.renewToken = (stale, options) => (agora.clock(0), renew(stale, options))
    await expect(client.request<Page>('proposals')).resolves.toHaveProperty('data')
    expect(signatures()).toBe(2)
    expect(agora.log.filter((l) => l.request === 'GET /api/v1/proposals')).toHaveLength(2)
  })
})

describe('contract B (API key) against the local server', () => {
  async function keyed() {
    const { key } = await agora.server.createApiKey({ email: 'a@b.c', address: alice.address, chainId: 10, description: 'test' })
    const tokenSource = createApiKeyTokenSource({ baseUrl: agora.v0, apiKey: key })
    return { key, client: createAgoraClient({ baseUrl: agora.v0, tokenSource }), tokenSource }
  }
  const exchanges = () => agora.log.filter((l) => l.request === 'POST /v0/auth/token').length

  it('exchanges once, reads protected routes, and reads metrics without any token or exchange', async () => {
    const { client, key } = await keyed()
    expect(await client.request('metrics/total-supply')).toHaveProperty('total_supply')
    expect(exchanges()).toBe(0)
    const results = await Promise.all(Array.from({ length: 50 }, () => client.request<{ address: string }>('me')))
    expect(results.every((r) => r.address === alice.address)).toBe(true)
    expect(exchanges()).toBe(1)
    expect(agora.log.find((l) => l.request === 'POST /v0/auth/token')!.bearer).toBe(`Bearer ${key}`)
    expect(agora.log.filter((l) => l.request.startsWith('GET /v0/metrics')).map((l) => l.bearer)).toEqual([undefined])
  })

  it('re-exchanges when the server no longer accepts the JWT (new signing key), once for all', async () => {
    const { client } = await keyed()
    await client.request('me')
    agora.restart() // the API key store survives; the RS256 key does not
    const results = await Promise.all(Array.from({ length: 20 }, () => client.request('me')))
    expect(results).toHaveLength(20)
    expect(exchanges()).toBe(2)
  })

  it('re-exchanges on token_expired (server clock past the 15 minutes)', async () => {
    const { client } = await keyed()
    await client.request('me')
    agora.clock(15 * 60_000)
    await expect(client.request('me')).resolves.toHaveProperty('address')
    expect(exchanges()).toBe(2)
  })

  it('a client clock 1,000 s ahead of the server: one exchange for 30 requests, not one each', async () => {
    const { client } = await keyed()
    agora.clock(-1_000_000) // the server's clock, 1,000 s behind ours: its 15-minute JWTs look expired to us
    for (let i = 0; i < 30; i++) await client.request('me')
    expect(exchanges()).toBe(1)
  })

  it('a revoked key: TokenRevokedError, and the source stops for good', async () => {
    const { client, key, tokenSource } = await keyed()
    await client.request('me')
    await agora.server.revokeApiKey(key)
    await expect(client.request('me')).rejects.toBeInstanceOf(TokenRevokedError)
    await expect(tokenSource.getToken()).rejects.toBeInstanceOf(TokenRevokedError)
    expect(exchanges()).toBe(1)
  })

  it('403 account_not_eligible is not retried', async () => {
    const { client } = await keyed()
    await expect(client.request('retrofunding/badgeholder')).rejects.toBeInstanceOf(ForbiddenError)
    expect(agora.log.filter((l) => l.request === 'GET /v0/retrofunding/badgeholder')).toHaveLength(1)
  })
})

describe('429 from the local server', () => {
  it("waits the server's Retry-After (fake clock shared with the server) and succeeds", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const limited = await startAgoraServer({ rateLimit: { capacity: 2, refillPerSecond: 1 } })
    try {
      let answered = 0
      const client = createAgoraClient({ baseUrl: limited.v1, fetch: (input, init) => fetch(input, init).finally(() => answered++) })
      await client.request('votable_supply')
      await client.request('votable_supply')
      const third = client.request('votable_supply')
      while (answered < 3) await new Promise((resolve) => setImmediate(resolve))
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve))
      expect(limited.log).toHaveLength(3)
      await vi.advanceTimersByTimeAsync(1_000)
      await expect(third).resolves.toHaveProperty('votable_supply')
      expect(limited.log).toHaveLength(4)

      const impatient = createAgoraClient({ baseUrl: limited.v1, retry: { count: 0 } })
      await impatient.request('votable_supply').catch(() => {})
      const error = await impatient.request('votable_supply').catch((e: unknown) => e)
      expect(error).toBeInstanceOf(RateLimitedError)
      expect((error as RateLimitedError).retryAfter).toBeGreaterThan(0)
    } finally {
      await limited.close()
    }
  })
})
