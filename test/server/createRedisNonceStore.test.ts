// @vitest-environment node
import type { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import { createRedisNonceStore } from '../../src/server/createRedisNonceStore.js'
import { useRedisServer } from './redisServer.js'

let redis: Redis
useRedisServer((client) => {
  redis = client
})

describe('createRedisNonceStore against a real redis-server', () => {
  it('put, consume once → host, then used; unknown nonces; a TTL of the given length', async () => {
    const store = createRedisNonceStore(redis, { keyPrefix: 't1:' })
    await store.put('abcdefgh1', 'api.test:8080', 600)
    expect(await redis.ttl('t1:{nonce}:abcdefgh1')).toBeGreaterThan(590)
    expect(await store.consume('abcdefgh1')).toEqual({ host: 'api.test:8080' })
    expect(await store.consume('abcdefgh1')).toBe('used')
    expect(await store.consume('neverput1')).toBe('unknown')
    // A host that looks like the marker is still a host.
    await store.put('abcdefgh2', 'used', 60)
    expect(await store.consume('abcdefgh2')).toEqual({ host: 'used' })
  })

  it('200 concurrent consumes of one nonce from two clients → exactly one host', async () => {
    const other = redis.duplicate() // a second connection, as a second server instance has
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

  it('past maxNonces the soonest to expire is deleted, key and all: the count in Redis stays bounded', async () => {
    const store = createRedisNonceStore(redis, { keyPrefix: 'cap:', maxNonces: 3 })
    for (const [i, nonce] of ['n1', 'n2', 'n3', 'n4', 'n5'].entries()) await store.put(nonce, 'api.test', 600 + i)
    expect(await redis.keys('cap:{nonce}:*')).toHaveLength(3)
    expect(await redis.zcard('cap:{nonce}')).toBe(3)
    expect(await store.consume('n1')).toBe('unknown')
    expect(await store.consume('n2')).toBe('unknown')
    expect(await store.consume('n5')).toEqual({ host: 'api.test' })
    // A used marker counts too (it keeps a replay answered "used"), and is kept longer than the nonces before it.
    await store.put('n6', 'api.test', 600)
    expect(await store.consume('n3')).toBe('unknown')
    expect(await store.consume('n5')).toBe('used')
  })

  it('prunes the index of nonces Redis expired by their TTL, so they stop counting', async () => {
    const store = createRedisNonceStore(redis, { keyPrefix: 'ttl:', maxNonces: 2 })
    await store.put('short1', 'api.test', 1)
    // Real I/O: wait (generously) for Redis to expire the key on its own clock.
    for (let tries = 0; tries < 100 && (await redis.exists('ttl:{nonce}:short1')); tries++) await new Promise((resolve) => setTimeout(resolve, 100))
    await store.put('long1', 'api.test', 600)
    await store.put('long2', 'api.test', 600)
    // Had the expired entry still counted, the cap of 2 would have deleted long1.
    expect(await redis.zrange('ttl:{nonce}', 0, -1)).toEqual(['long1', 'long2'])
    expect(await store.consume('long1')).toEqual({ host: 'api.test' })
  })

  it('refuses a cap that is not a positive integer', () => {
    expect(() => createRedisNonceStore(redis, { maxNonces: 1.5 })).toThrow(TypeError)
  })
})
