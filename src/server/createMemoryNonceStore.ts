import type { NonceStore } from './types.js'

export type CreateMemoryNonceStoreParameters = {
  /** Clock in milliseconds. Default: `Date.now`. */
  now?: () => number
  /** Most nonces (issued or used) kept at once; past it the oldest is forgotten. Default: 100 000. */
  maxNonces?: number
}

/** How long a used nonce is remembered at least, so a replay is told "already used" rather than "unknown". */
const USED_MARKER_MS = 600_000

/**
 * An in-memory nonce store for a single server instance, bounded in memory and in work per call.
 * @example createAgoraServer({ nonceStore: createMemoryNonceStore({ maxNonces: 50_000 }) })
 */
export function createMemoryNonceStore(options: CreateMemoryNonceStoreParameters = {}): NonceStore {
  const now = options.now ?? Date.now
  const maxNonces = options.maxNonces ?? 100_000
  if (!Number.isInteger(maxNonces) || maxNonces < 1) throw new TypeError('maxNonces must be a positive integer.')
  // A Map iterates in insertion order and an entry is re-inserted whenever its lifetime grows, so (with one TTL,
  // as the routes use) the first to expire sit at the front: expiry and the cap only ever look at the front. An
  // expired entry behind a longer-lived one waits for it; the cap still bounds the total.
  const entries = new Map<string, { host: string | null; expires: number }>()

  /** Drops expired entries from the front; each entry is dropped once, so the work is O(1) amortised. */
  const dropExpired = (time: number) => {
    for (const [nonce, entry] of entries) {
      if (entry.expires > time) return
      entries.delete(nonce)
    }
  }

  /** Forgets the oldest entries until there is room for one more. */
  const makeRoom = () => {
    for (const oldest of entries.keys()) {
      if (entries.size < maxNonces) return
      entries.delete(oldest)
    }
  }

  return {
    async put(nonce, host, ttlSeconds) {
      const time = now()
      dropExpired(time)
      entries.delete(nonce)
      makeRoom()
      entries.set(nonce, { host, expires: time + ttlSeconds * 1000 })
    },
    async consume(nonce) {
      // Synchronous from lookup to mark: JavaScript runs it without interleaving, so it is atomic.
      const entry = entries.get(nonce)
      const time = now()
      if (!entry || entry.expires <= time) return 'unknown'
      if (entry.host === null) return 'used'
      // Re-inserted at the back: the marker now outlives the nonces issued before it.
      entries.delete(nonce)
      entries.set(nonce, { host: null, expires: Math.max(entry.expires, time + USED_MARKER_MS) })
      return { host: entry.host }
    },
  }
}
