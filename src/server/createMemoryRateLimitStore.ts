import type { RateLimitStore } from './types.js'

export type CreateMemoryRateLimitStoreParameters = {
  /** Most buckets kept at once; past it the least recently used is forgotten (it refills). Default: 50 000. */
  maxKeys?: number
}

/**
 * In-memory token buckets for a single server instance, bounded in memory.
 * @example createAgoraServer({ rateLimitStore: createMemoryRateLimitStore(), rateLimit: { capacity: 2, refillPerSecond: 1 } })
 */
export function createMemoryRateLimitStore(options: CreateMemoryRateLimitStoreParameters = {}): RateLimitStore {
  const maxKeys = options.maxKeys ?? 50_000
  if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new TypeError('maxKeys must be a positive integer.')
  // Insertion order is use order: every take re-inserts its bucket at the back, so the front is the least
  // recently used. A flood of new keys forgets only those, never the buckets still being drained.
  const buckets = new Map<string, { tokens: number; at: number }>()

  const remember = (key: string, bucket: { tokens: number; at: number }) => {
    buckets.delete(key)
    for (const oldest of buckets.keys()) {
      if (buckets.size < maxKeys) break
      buckets.delete(oldest)
    }
    buckets.set(key, bucket)
  }

  return {
    async take(key, { capacity, refillPerSecond }, now) {
      const bucket = buckets.get(key) ?? { tokens: capacity, at: now }
      const tokens = Math.min(capacity, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * refillPerSecond)
      if (tokens >= 1) {
        remember(key, { tokens: tokens - 1, at: now })
        return { allowed: true, remaining: Math.floor(tokens - 1), retryAfter: 0 }
      }
      remember(key, { tokens, at: now })
      return { allowed: false, remaining: 0, retryAfter: Math.max(1, Math.ceil((1 - tokens) / refillPerSecond)) }
    },
  }
}
