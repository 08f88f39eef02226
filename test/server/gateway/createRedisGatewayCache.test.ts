// @vitest-environment node
import type { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import { createRedisGatewayCache } from '../../../src/server/gateway/createRedisGatewayCache.js'
import { useRedisServer } from '../redisServer.js'

let redis: Redis
useRedisServer((client) => {
  redis = client
})

describe('createRedisGatewayCache against a real redis-server', () => {
  it('stores with its TTL in one command and is read by another instance', async () => {
    const cache = createRedisGatewayCache(redis, { keyPrefix: 'g1:' })
    await cache.set('metrics?x=1', '{"a":1}', 5_000)
    const ttl = await redis.pttl('g1:gateway-cache:metrics?x=1')
    expect(ttl).toBeGreaterThan(4_000)
    expect(ttl).toBeLessThanOrEqual(5_000)
    const other = redis.duplicate() // a second connection, as a second server instance has
    try {
      expect(await createRedisGatewayCache(other, { keyPrefix: 'g1:' }).get('metrics?x=1')).toBe('{"a":1}')
    } finally {
      await other.quit()
    }
    expect(await cache.get('never')).toBeUndefined()
  })

  it('expires in Redis (a TTL of 1 ms is gone once Redis says so); a TTL of 0 stores nothing', async () => {
    const cache = createRedisGatewayCache(redis, { keyPrefix: 'g2:' })
    await cache.set('short', 'v', 1)
    // Real I/O: Redis expires the key on its own clock; poll it instead of sleeping a guessed time.
    await expect.poll(() => cache.get('short'), { timeout: 5_000 }).toBeUndefined()
    await cache.set('none', 'v', 0)
    expect(await redis.exists('g2:gateway-cache:none')).toBe(0)
  })
})
