import { NetworkError } from '../errors/NetworkError.js'
import { abortable } from './abortable.js'

/**
 * `promise`, with a failure to get any answer as `NetworkError` and an abort as `AbortedError` (internal).
 * @example const response = await withNetworkErrors(fetch(url), signal)
 */
export function withNetworkErrors<T>(promise: Promise<T>, signal?: AbortSignal | null): Promise<T> {
  const typed = promise.catch((cause: unknown) => {
    throw new NetworkError({ cause })
  })
  return abortable(typed, signal)
}
