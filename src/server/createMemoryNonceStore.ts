import type { NonceStore } from './types.js'

/**
 * An in-memory nonce store for a single server instance; expired entries are dropped as they are met.
 * @example createAgoraServer({ nonceStore: createMemoryNonceStore() })
 */
export function createMemoryNonceStore(options: { now?: () => number } = {}): NonceStore {
  const now = options.now ?? Date.now
  // A used nonce keeps a marker so a replay is told "already used" rather than "unknown".
  const entries = new Map<string, { host: string | null; expires: number }>()
  const sweep = () => {
    const t = now()
    for (const [nonce, entry] of entries) if (entry.expires <= t) entries.delete(nonce)
  }
  return {
    async put(nonce, host, ttlSeconds) {
      if (entries.size > 10_000) sweep()
      // A flood of nonce requests must not grow memory without bound: past 100 000 the oldest go first.
      for (const oldest of entries.keys()) {
        if (entries.size < 100_000) break
        entries.delete(oldest)
      }
      entries.set(nonce, { host, expires: now() + ttlSeconds * 1000 })
    },
    async consume(nonce) {
      // Synchronous from lookup to mark: JavaScript runs it without interleaving, so it is atomic.
      const entry = entries.get(nonce)
      const t = now()
      if (!entry || entry.expires <= t) return 'unknown'
      if (entry.host === null) return 'used'
      const { host } = entry
      entries.set(nonce, { host: null, expires: Math.max(entry.expires, t + 600_000) })
      return { host }
    },
  }
}
