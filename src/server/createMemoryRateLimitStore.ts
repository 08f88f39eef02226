import type { RateLimitStore } from './types.js'

/**
 * In-memory token buckets for a single server instance.
 * @example createAgoraServer({ rateLimitStore: createMemoryRateLimitStore(), rateLimit: { capacity: 2, refillPerSecond: 1 } })
 */
export function createMemoryRateLimitStore(): RateLimitStore {
  const buckets = new Map<string, { tokens: number; at: number }>()
  return {
    async take(key, { capacity, refillPerSecond }, now) {
      const bucket = buckets.get(key) ?? { tokens: capacity, at: now }
      const tokens = Math.min(capacity, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * refillPerSecond)
      if (buckets.size > 50_000) buckets.clear()
      if (tokens >= 1) {
        buckets.set(key, { tokens: tokens - 1, at: now })
        return { allowed: true, remaining: Math.floor(tokens - 1), retryAfter: 0 }
      }
      buckets.set(key, { tokens, at: now })
      return { allowed: false, remaining: 0, retryAfter: Math.max(1, Math.ceil((1 - tokens) / refillPerSecond)) }
    },
  }
}
