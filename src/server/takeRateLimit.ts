import type { ServerContext } from './context.js'
import type { RateLimit } from './types.js'

/**
 * Takes one token from the bucket `key` of the server's rate-limit store (internal): the seconds to wait when the
 * bucket is empty, undefined when the request may go on (or `limit` is `false`).
 * @example const retryAfter = await takeRateLimit(context, `auth:ip:${clientAddress}`, context.authRateLimit)
 */
export async function takeRateLimit(context: ServerContext, key: string, limit: RateLimit | false): Promise<number | undefined> {
  if (!limit) return undefined
  const taken = await context.rateLimitStore.take(key, limit, context.now())
  return taken.allowed ? undefined : taken.retryAfter
}
