import type { UpstreamAnswer, UpstreamFailure } from './forwardToUpstream.js'
import type { GatewayCache } from './types.js'

type Load = () => Promise<UpstreamAnswer | UpstreamFailure>

/** The form an answer is cached in: text bodies only (what a JSON API answers), headers as pairs. */
type CacheEntry = { status: number; headers: [string, string][]; body: string; upstreamRequestId?: string }

/** Whether an answer may be served to others: a 200 with a text body, which the upstream did not mark private. */
function isCacheable(answer: UpstreamAnswer): boolean {
  const cacheControl = answer.headers.get('cache-control') ?? ''
  const contentType = answer.headers.get('content-type') ?? ''
  const isText = /^(application\/(.+\+)?json|text\/)/i.test(contentType)
  return answer.status === 200 && isText && !/no-store|private/i.test(cacheControl)
}

function toEntry(answer: UpstreamAnswer): string | undefined {
  let body: string
  try {
    body = new TextDecoder('utf-8', { fatal: true }).decode(answer.body)
  } catch {
    // Not UTF-8 after all: served, not cached.
    return undefined
  }
  const entry: CacheEntry = { status: answer.status, headers: [...answer.headers], body, upstreamRequestId: answer.upstreamRequestId }
  return JSON.stringify(entry)
}

function fromEntry(text: string): UpstreamAnswer | undefined {
  try {
    const entry = JSON.parse(text) as CacheEntry
    return { kind: 'answer', status: entry.status, headers: new Headers(entry.headers), body: new TextEncoder().encode(entry.body), upstreamRequestId: entry.upstreamRequestId }
  } catch {
    // A damaged or foreign entry (a shared Redis): asked again instead.
    return undefined
  }
}

/**
 * Reads public upstream answers through the cache (internal): a hit asks no upstream; concurrent misses of one key in
 * this process share one upstream request; a cache that fails is skipped, never the request.
 * @example const read = createGatewayCacheReader({ cache, ttlMs: 5_000 }); const answer = await read('metrics', load)
 */
export function createGatewayCacheReader({ cache, ttlMs }: { cache: GatewayCache; ttlMs: number }) {
  const inFlight = new Map<string, Promise<UpstreamAnswer | UpstreamFailure>>()

  async function loadAndKeep(key: string, load: Load): Promise<UpstreamAnswer | UpstreamFailure> {
    const cached = await cache.get(key).catch(() => undefined)
    const hit = cached === undefined ? undefined : fromEntry(cached)
    if (hit) return hit
    const result = await load()
    const entry = result.kind === 'answer' && isCacheable(result) ? toEntry(result) : undefined
    // A cache that cannot store costs the next caller one more upstream request, nothing else.
    if (entry !== undefined) await cache.set(key, entry, ttlMs).catch(() => undefined)
    return result
  }

  return function read(key: string, load: Load): Promise<UpstreamAnswer | UpstreamFailure> {
    const running = inFlight.get(key)
    if (running) return running
    const started = loadAndKeep(key, load).finally(() => inFlight.delete(key))
    inFlight.set(key, started)
    return started
  }
}
