import { parseRetryAfter } from './parseRetryAfter.js'

export type RetryDelayParameters = {
  /** The 429 answer, whose `Retry-After` wins when present. */
  response: Response
  /** How many retries came before this one (0 for the first). */
  retriesSoFar: number
  /** First backoff without `Retry-After`, in ms, doubled each time. */
  delay: number
  /** The longest wait, in ms. */
  maxDelay: number
}

/**
 * How long to wait before retrying a 429, in ms: `Retry-After` when the server gave one, else `delay`, 2 × `delay`, …
 * up to `maxDelay`; undefined when the server asks for longer than `maxDelay` (not worth waiting for).
 * @example retryDelay({ response, retriesSoFar: 0, delay: 1000, maxDelay: 30_000 }) // 3000 for `Retry-After: 3`
 */
export function retryDelay({ response, retriesSoFar, delay, maxDelay }: RetryDelayParameters): number | undefined {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'))
  const backoff = Math.min(delay * 2 ** retriesSoFar, maxDelay)
  const wait = retryAfter === undefined ? backoff : retryAfter * 1000
  return wait <= maxDelay ? wait : undefined
}
