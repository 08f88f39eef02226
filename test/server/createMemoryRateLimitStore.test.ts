// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createMemoryRateLimitStore } from '../../src/server/createMemoryRateLimitStore.js'

const LIMIT = { capacity: 2, refillPerSecond: 1 }
const NOW = 1_000_000

describe('createMemoryRateLimitStore', () => {
  it('a token bucket: capacity, then refused with retryAfter, then refilled by the clock', async () => {
    const store = createMemoryRateLimitStore()
    expect(await store.take('k', LIMIT, NOW)).toEqual({ allowed: true, remaining: 1, retryAfter: 0 })
    expect(await store.take('k', LIMIT, NOW)).toEqual({ allowed: true, remaining: 0, retryAfter: 0 })
    expect(await store.take('k', LIMIT, NOW)).toEqual({ allowed: false, remaining: 0, retryAfter: 1 })
    expect((await store.take('k', LIMIT, NOW + 1000)).allowed).toBe(true)
  })

  it('a flood of 60 000 new keys does not refill a bucket still in use (it used to clear every bucket)', async () => {
    const store = createMemoryRateLimitStore()
    await store.take('victim', LIMIT, NOW)
    await store.take('victim', LIMIT, NOW)
    for (let i = 0; i < 60_000; i++) {
      await store.take(`flood${i}`, LIMIT, NOW)
      if (i % 1_000 === 0) expect((await store.take('victim', LIMIT, NOW)).allowed, `after ${i} new keys`).toBe(false)
    }
    expect((await store.take('victim', LIMIT, NOW)).allowed).toBe(false)
  })

  it('when full, forgets the least recently used bucket only', async () => {
    const store = createMemoryRateLimitStore({ maxKeys: 3 })
    for (const key of ['a', 'b', 'c']) {
      await store.take(key, LIMIT, NOW)
      await store.take(key, LIMIT, NOW)
    }
    await store.take('d', LIMIT, NOW)
    expect((await store.take('b', LIMIT, NOW)).allowed).toBe(false)
    expect((await store.take('c', LIMIT, NOW)).allowed).toBe(false)
    // 'a' was the oldest: forgotten, so it starts again with a full bucket.
    expect(await store.take('a', LIMIT, NOW)).toEqual({ allowed: true, remaining: 1, retryAfter: 0 })
  })

  it('refuses a cap that is not a positive integer', () => {
    expect(() => createMemoryRateLimitStore({ maxKeys: -1 })).toThrow(TypeError)
  })
})
