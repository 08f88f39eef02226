// @vitest-environment node
import type { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import { createRedisRateLimitStore } from '../../src/server/createRedisRateLimitStore.js'
import { useRedisServer } from './redisServer.js'

let redis: Redis
useRedisServer((client) => {
  redis = client
})

describe('createRedisRateLimitStore against a real redis-server', () => {
  it('a shared token bucket that refills with the given clock', async () => {
    const store = createRedisRateLimitStore(redis)
    const limit = { capacity: 2, refillPerSecond: 1 }
    const now = 1_000_000
    expect((await store.take('k', limit, now)).allowed).toBe(true)
    expect((await store.take('k', limit, now)).allowed).toBe(true)
    expect(await store.take('k', limit, now)).toEqual({ allowed: false, remaining: 0, retryAfter: 1 })
    expect((await store.take('k', limit, now + 1000)).allowed).toBe(true)
  })

  it('a bucket lives only as long as it takes to refill, so memory is bounded by the request rate', async () => {
    const store = createRedisRateLimitStore(redis, { keyPrefix: 'rl:' })
    await store.take('k', { capacity: 10, refillPerSecond: 5 }, 1_000_000)
    const ttl = await redis.pttl('rl:ratelimit:k')
    expect(ttl).toBeGreaterThan(2_000)
    expect(ttl).toBeLessThanOrEqual(3_000)
  })
})
