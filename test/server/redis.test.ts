// @vitest-environment node
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createAgoraServer,
  createRedisApiKeyStore,
  createRedisNonceStore,
  createRedisRateLimitStore,
  hashApiKey,
  type AgoraServer,
} from '../../src/server.js'
import { expectOneOfFiftyVerifies, message, newAccount, start, type Running } from './helpers.js'
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
  it('nonce store: put, consume once → host, then used; unknown nonces; a TTL of the given length', async () => {
    const store = createRedisNonceStore(redis, { keyPrefix: 't1:' })
    await store.put('abcdefgh1', 'api.test:8080', 600)
    expect(await redis.ttl('t1:nonce:abcdefgh1')).toBeGreaterThan(590)
    expect(await store.consume('abcdefgh1')).toEqual({ host: 'api.test:8080' })
    expect(await store.consume('abcdefgh1')).toBe('used')
    expect(await store.consume('neverput1')).toBe('unknown')
    // A host that looks like the marker is still a host.
    await store.put('abcdefgh2', 'used', 60)
    expect(await store.consume('abcdefgh2')).toEqual({ host: 'used' })
  })

  it('nonce store: 200 concurrent consumes of one nonce from two clients → exactly one host', async () => {
    const other = new Redis({ port: redisServer.port, host: '127.0.0.1' })
    try {
      const stores = [createRedisNonceStore(redis), createRedisNonceStore(other)]
      await stores[0]!.put('racenonce1', 'h', 60)
      const results = await Promise.all(Array.from({ length: 200 }, (_, i) => stores[i % 2]!.consume('racenonce1')))
      expect(results.filter((r) => typeof r === 'object')).toHaveLength(1)
      expect(results.filter((r) => r === 'used')).toHaveLength(199)
    } finally {
      await other.quit()
    }
  })

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

  it('rate-limit store: a shared token bucket that refills with the given clock', async () => {
    const store = createRedisRateLimitStore(redis)
    const limit = { capacity: 2, refillPerSecond: 1 }
    const now = 1_000_000
    expect((await store.take('k', limit, now)).allowed).toBe(true)
    expect((await store.take('k', limit, now)).allowed).toBe(true)
    expect(await store.take('k', limit, now)).toEqual({ allowed: false, remaining: 0, retryAfter: 1 })
    expect((await store.take('k', limit, now + 1000)).allowed).toBe(true)
  })
})

describe('SIWE over Redis', () => {
  let running: Running
  beforeAll(async () => {
    running = await start({ nonceStore: createRedisNonceStore(redis), apiKeyStore: createRedisApiKeyStore(redis), rateLimit: false })
  })
  afterAll(() => running.close())

  it('50 concurrent verifies of one signed message over loopback → exactly one success', async () => {
    await expectOneOfFiftyVerifies(running)
  })

  it('two instances behind one host share nonces: issued by one, spent once across both', async () => {
    const instances: AgoraServer[] = [0, 1].map(() => createAgoraServer({ nonceStore: createRedisNonceStore(redis) }))
    const account = newAccount()
    const { nonce } = (await (await instances[0]!.fetch(new Request('http://api.agora.test/api/v1/auth/nonce'))).json()) as { nonce: string }
    const text = message({ host: 'api.agora.test', address: account.address, nonce })
    const body = JSON.stringify({ message: text, signature: await account.signMessage({ message: text }) })
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => instances[i % 2]!.fetch(new Request('http://api.agora.test/api/v1/auth/verify', { method: 'POST', body }))),
    )
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1)
    expect(responses.filter((r) => r.status === 401)).toHaveLength(49)
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
