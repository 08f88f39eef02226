// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createMemoryGatewayCache } from '../../../src/server/gateway/createMemoryGatewayCache.js'

describe('createMemoryGatewayCache', () => {
  it('keeps an answer for its TTL on the given clock, then forgets it', async () => {
    let time = 1_000
    const cache = createMemoryGatewayCache({ now: () => time })
    await cache.set('metrics', 'a', 5_000)
    time += 4_999
    expect(await cache.get('metrics')).toBe('a')
    time += 1
    expect(await cache.get('metrics')).toBeUndefined()
    await cache.set('zero', 'b', 0)
    expect(await cache.get('zero')).toBeUndefined()
  })

  it('is bounded in entries and in size: the oldest go first; a value larger than the cache is not kept', async () => {
    const cache = createMemoryGatewayCache({ maxEntries: 2, maxSize: 10 })
    await cache.set('a', '1', 60_000)
    await cache.set('b', '2', 60_000)
    await cache.set('c', '3', 60_000)
    expect([await cache.get('a'), await cache.get('b'), await cache.get('c')]).toEqual([undefined, '2', '3'])
    // 1 + 1 characters kept; 9 more need room for 10 of 10: only the oldest (b) goes.
    await cache.set('d', '123456789', 60_000)
    expect([await cache.get('b'), await cache.get('c'), await cache.get('d')]).toEqual([undefined, '3', '123456789'])
    await cache.set('e', '12345678901', 60_000)
    expect(await cache.get('e')).toBeUndefined()
    // Replacing a key frees its old size.
    await cache.set('d', '1', 60_000)
    await cache.set('f', '12345', 60_000)
    expect([await cache.get('d'), await cache.get('f')]).toEqual(['1', '12345'])
  })

  it('refuses bounds that are not positive integers', () => {
    expect(() => createMemoryGatewayCache({ maxEntries: 0 })).toThrow(TypeError)
    expect(() => createMemoryGatewayCache({ maxSize: 1.5 })).toThrow(TypeError)
  })
})
