/**
 * Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date); undefined when absent or garbage.
 * @example parseRetryAfter(response.headers.get('retry-after')) // 3
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined
  const isDeltaSeconds = /^\s*\d+\s*$/.test(value)
  const seconds = isDeltaSeconds ? Number(value) : Math.max(0, Math.ceil((Date.parse(value) - now) / 1000))
  return Number.isNaN(seconds) ? undefined : seconds
}
