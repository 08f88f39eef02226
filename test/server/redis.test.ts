// @vitest-environment node
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createAgoraServer,
  createRedisApiKeyStore,
  createRedisNonceStore,
  hashApiKey,
  type AgoraServer,
} from '../../src/server.js'
import { expectOneOfManyVerifies, message, newAccount, start, type Running } from './helpers.js'
import { startRedis } from './redisServer.js'

let redisServer: Awaited<ReturnType<typeof startRedis>>
let redis: Redis
beforeAll(async () => {
  redisServer = await startRedis()
  redis = new Redis({ port: redisServer.port, host: '127.0.0.1', lazyConnect: false, maxRetriesPerRequest: 1 })
})
afterAll(async () => {
  await redis?.quit()
  await redisServer?.stop()
})

describe('Redis stores against a real redis-server', () => {
  it('API key store: records by hash, enable/disable, unknown → undefined/false', async () => {
    const store = createRedisApiKeyStore(redis)
    const hash = await hashApiKey(crypto.randomUUID())
    const record = { email: 'a@b.c', address: newAccount().address, chainId: 10, description: 'd', enabled: true, createdAt: new Date(0).toISOString() }
    await store.put(hash, record)
    expect(await store.get(hash)).toEqual(record)
    expect(await store.setEnabled(hash, false)).toBe(true)
    expect(await store.get(hash)).toEqual({ ...record, enabled: false })
    expect(await store.get('0'.repeat(64))).toBeUndefined()
    expect(await store.setEnabled('0'.repeat(64), false)).toBe(false)
  })
})

describe('SIWE over Redis', () => {
  let running: Running
  beforeAll(async () => {
    running = await start({ nonceStore: createRedisNonceStore(redis), apiKeyStore: createRedisApiKeyStore(redis), rateLimit: false })
  })
  afterAll(() => running.close())

  it('200 concurrent verifies of one signed message over loopback → exactly one success', { timeout: 60_000 }, async () => {
    await expectOneOfManyVerifies(running)
  })

  it('two instances behind one host share nonces: issued by one, spent once across both', { timeout: 60_000 }, async () => {
    // Rate limits would refuse most of 200 verifies from one client: this is about atomic consumption only.
    const options = { nonceStore: createRedisNonceStore(redis), origins: ['api.agora.test'], authRateLimit: false } as const
    const instances: AgoraServer[] = [0, 1].map(() => createAgoraServer(options))
    const account = newAccount()
    const { nonce } = (await (await instances[0]!.fetch(new Request('http://api.agora.test/api/v1/auth/nonce'))).json()) as { nonce: string }
    const text = message({ host: 'api.agora.test', address: account.address, nonce })
    const body = JSON.stringify({ message: text, signature: await account.signMessage({ message: text }) })
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => instances[i % 2]!.fetch(new Request('http://api.agora.test/api/v1/auth/verify', { method: 'POST', body }))),
    )
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1)
    expect(responses.filter((r) => r.status === 401)).toHaveLength(199)
  })

  it('a disabled key in the Redis key store is refused with "User disabled"', async () => {
    const { key } = await running.server.createApiKey({ email: 'r@b.c', address: newAccount().address, chainId: 10, description: 'redis' })
    expect((await fetch(`${running.url}/api/v1/delegates?limit=1`, { headers: { Authorization: `Bearer ${key}` } })).status).toBe(200)
    await running.server.revokeApiKey(key)
    const response = await fetch(`${running.url}/api/v1/delegates?limit=1`, { headers: { Authorization: `Bearer ${key}` } })
    expect(response.status).toBe(401)
    expect(await response.text()).toBe('User disabled')
  })
})
