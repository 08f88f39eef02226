// @vitest-environment node
// The session store against the local Agora server (src/server) over loopback: real HTTP, real signatures, the
// server's own JWTs; requests go through createAgoraClient as an app's would.
import { jwtVerify } from 'jose'
import { afterEach, describe, expect, it } from 'vitest'
import { createAgoraClient } from '../../../src/core/http/createAgoraClient.js'
import { createSessionStore, RENEWED_TOKEN_REFUSED } from '../../../src/core/store/createSessionStore.js'
import { createMemoryStorage } from '../../../src/core/store/createMemoryStorage.js'
import type { CreateSessionStoreParameters } from '../../../src/core/store/types.js'
import { listen } from '../../../src/server/node/listen.js'
import type { AgoraServer } from '../../../src/server/types.js'
import { createAgoraServer, createMemoryNonceStore } from '../../../src/server.js'
import { alice, createCountingWallet } from '../../helpers/countingWallet.js'
import { A, pathOf } from './helpers.js'

const running: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()))
})

/** Serves `answer` on 127.0.0.1 (with the real server's prefixes and limits); resolves with the API base URL. */
async function serve(agora: AgoraServer, answer: AgoraServer['fetch'] = agora.fetch): Promise<string> {
  const server = await listen({ ...agora, fetch: answer })
  running.push(server)
  return `${server.url}/api/v1`
}

/** A store and a client over `baseUrl`, signing with a counting wallet; counts every request the app sends. */
function app(baseUrl: string, overrides: Partial<CreateSessionStoreParameters> = {}) {
  const wallet = createCountingWallet()
  const requests: string[] = []
  const countingFetch: typeof fetch = (input, init) => {
    requests.push(pathOf(input))
    return fetch(input, init)
  }
  const store = createSessionStore({ baseUrl, signMessage: wallet.signMessage, fetch: countingFetch, storage: 'memory', sync: false, account: A, ...overrides })
  const client = createAgoraClient({ baseUrl, tokenSource: store, fetch: countingFetch })
  return { wallet, requests, store, client }
}

const count = (requests: string[], path: string) => requests.filter((request) => request === path).length

describe('createSessionStore against the local Agora server', () => {
  it('signs in once for 20 callers, with a token the server signed, and restores it in a second store offline', async () => {
    const agora = createAgoraServer({ demoRoles: { [alice.address]: ['badgeholder'] } })
    const baseUrl = await serve(agora)
    const storage = createMemoryStorage()
    const one = app(baseUrl, { storage })
    const sessions = await Promise.all(Array.from({ length: 20 }, () => one.store.signIn()))
    expect(one.requests).toEqual(['/api/v1/auth/nonce', '/api/v1/auth/verify'])
    expect(one.wallet.count).toBe(1)
    const session = sessions[0]!
    expect(session).toMatchObject({ address: alice.address, chainId: 10 })
    expect(session.roles).toEqual(expect.arrayContaining(['reader:public', 'rf-demo-user', 'badgeholder']))
    const { payload } = await jwtVerify(session.token, agora.jwtSecret, { algorithms: ['HS256'] })
    expect(payload.sub).toBe(alice.address)

    const two = app(baseUrl, { storage })
    expect(await two.store.getToken()).toBe(session.token)
    expect(two.requests).toEqual([])
    expect(two.wallet.count).toBe(0)
  })

  it("carries the server's refusal reason (a chain the deployment does not know)", async () => {
    const { store } = app(await serve(createAgoraServer()), { account: { ...A, chainId: 424242 } })
    await expect(store.signIn()).rejects.toMatchObject({ code: 'VERIFICATION_FAILED', status: 401, reason: 'Invalid SIWE chain id.' })
    expect(store.getSnapshot().status).toBe('error')
  })
})

describe('no prompt loops, through createAgoraClient', () => {
  it('a route that answers 401 to every token: 5 requests give 1 prompt, and the other routes keep working', async () => {
    const agora = createAgoraServer({ rateLimit: false })
    // Contract A: some routes answer 401 `{"message":"Unauthorized"}` whatever the token.
    const refusing: AgoraServer['fetch'] = async (request, context) =>
      new URL(request.url).pathname === '/api/v1/refusing'
        ? Response.json({ message: 'Unauthorized' }, { status: 401 })
        : agora.fetch(request, context)
    const { wallet, store, client, requests } = app(await serve(agora, refusing))
    await store.signIn() // the user's own sign-in
    const outcomes: unknown[] = []
    for (let request = 0; request < 5; request++) outcomes.push(await client.request('refusing').catch((error: unknown) => error))
    expect(wallet.count - 1).toBe(1)
    expect(count(requests, '/api/v1/auth/verify')).toBe(2)
    expect(outcomes.map((error) => (error as { code?: string }).code)).toEqual(Array(5).fill('UNAUTHORIZED'))
    expect(outcomes.slice(1).map((error) => (error as { reason?: string }).reason)).toEqual(Array(4).fill(RENEWED_TOKEN_REFUSED))
    await expect(client.request('proposals', { params: { limit: 1 } })).resolves.toMatchObject({ data: expect.any(Array) })
    expect(wallet.count - 1).toBe(1)
  })

  it('two servers with different secrets behind one baseUrl: 1 prompt', async () => {
    // A round-robin balancer over two instances that share the nonce store but not the JWT secret: a token is
    // good on one instance only.
    const nonceStore = createMemoryNonceStore()
    const instances = [
      createAgoraServer({ rateLimit: false, nonceStore, jwtSecret: 'instance-one-secret-of-at-least-32-bytes' }),
      createAgoraServer({ rateLimit: false, nonceStore, jwtSecret: 'instance-two-secret-of-at-least-32-bytes' }),
    ] as const
    let turn = 0
    const balance: AgoraServer['fetch'] = (request, context) => instances[turn++ % 2]!.fetch(request, context)
    const { wallet, store, client } = app(await serve(instances[0], balance))
    await store.signIn()
    const outcomes: unknown[] = []
    for (let request = 0; request < 6; request++)
      outcomes.push(await client.request('proposals', { params: { limit: 1 } }).catch((error: unknown) => error))
    expect(wallet.count - 1).toBe(1)
    expect(outcomes.some((outcome) => (outcome as { reason?: string }).reason === RENEWED_TOKEN_REFUSED)).toBe(true)
  })

  it('100 concurrent requests whose token the server no longer accepts: 1 prompt, 1 verify, 100 successes', async () => {
    let agora = createAgoraServer({ rateLimit: false })
    const restartable: AgoraServer['fetch'] = (request, context) => agora.fetch(request, context)
    const { wallet, store, client, requests } = app(await serve(agora, restartable))
    await store.signIn()
    // A restart with a new secret: the client's token still looks valid to it, the server refuses it.
    agora = createAgoraServer({ rateLimit: false })
    const pages = await Promise.all(
      Array.from({ length: 100 }, (_, offset) => client.request<{ data: unknown[] }>('proposals', { params: { limit: 1, offset } })),
    )
    expect(pages).toHaveLength(100)
    expect(wallet.count - 1).toBe(1)
    expect(count(requests, '/api/v1/auth/nonce')).toBe(2)
    expect(count(requests, '/api/v1/auth/verify')).toBe(2)
    expect(count(requests, '/api/v1/proposals')).toBe(200) // each refused once, each retried once
  })
})
