import type { GatewayCache } from './types.js'

export type CreateMemoryGatewayCacheParameters = {
  /** Most answers kept at once; past it the oldest go first. Default: 1 000. */
  maxEntries?: number
  /** Most characters kept in all answers together; past it the oldest go first. Default: 16 777 216. */
  maxSize?: number
  /** Clock in milliseconds. Default: `Date.now`. */
  now?: () => number
}

/**
 * The gateway's cache of public upstream answers in this process's memory (one server instance), bounded in entries
 * and in size.
 * @example createAgoraServer({ upstream: { baseUrl, credential, cache: { ttlMs: 10_000, store: createMemoryGatewayCache({ maxEntries: 200 }) } } })
 */
export function createMemoryGatewayCache(parameters: CreateMemoryGatewayCacheParameters = {}): GatewayCache {
  const { maxEntries = 1_000, maxSize = 16 * 1024 * 1024, now = Date.now } = parameters
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new TypeError('maxEntries must be a positive integer.')
  if (!Number.isInteger(maxSize) || maxSize < 1) throw new TypeError('maxSize must be a positive integer.')
  // Insertion order is age order: `set` re-inserts, so the front of the map is always the oldest entry.
  const entries = new Map<string, { value: string; expiresAt: number }>()
  let size = 0

  const forget = (key: string) => {
    const entry = entries.get(key)
    if (!entry) return
    size -= entry.value.length
    entries.delete(key)
  }

  return {
    async get(key) {
      const entry = entries.get(key)
      if (!entry) return undefined
      const isExpired = now() >= entry.expiresAt
      if (isExpired) forget(key)
      return isExpired ? undefined : entry.value
    },
    async set(key, value, ttlMs) {
      forget(key)
      // An answer larger than the whole cache is not kept: it would only push everything else out.
      if (value.length > maxSize || !(ttlMs > 0)) return
      for (const oldest of entries.keys()) {
        const hasRoom = entries.size < maxEntries && size + value.length <= maxSize
        if (hasRoom) break
        forget(oldest)
      }
      entries.set(key, { value, expiresAt: now() + ttlMs })
      size += value.length
    },
  }
}
