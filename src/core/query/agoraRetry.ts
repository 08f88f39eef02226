import { AgoraAuthError, type AgoraAuthErrorCode } from '../errors/AgoraAuthError.js'

/** TanStack Query's `retry` option: a number of retries, always or never, or a function that decides. */
export type AgoraRetryOption = boolean | number | ((failureCount: number, error: unknown) => boolean)

export type AgoraRetryReturnType = (failureCount: number, error: unknown) => boolean

// The failures a new attempt may fix without the wallet. Every other agora-auth error is final for the query: an
// auth error (401-class, 403, revoked), a rejected or failed sign-in, an abort — retrying those could only ask
// the wallet for another signature, or fail the same way.
const retryableCodes: readonly AgoraAuthErrorCode[] = ['NETWORK_ERROR', 'HTTP_ERROR', 'INVALID_RESPONSE', 'RATE_LIMITED']

// TanStack's own default count.
const defaultRetries = 3

// Without a fallback: no answer at all, or a server error, where the next attempt may well succeed.
const retriesTransient = (failureCount: number, error: unknown) =>
  error instanceof AgoraAuthError &&
  (error.code === 'NETWORK_ERROR' || (error.code === 'HTTP_ERROR' && (error.status ?? 0) >= 500)) &&
  failureCount < defaultRetries

/**
 * The data hooks' `retry`: never an auth error (401-class, 403, a rejected or failed sign-in); otherwise what
 * `fallback` (the QueryClient's default) says, or, without one, up to 3 retries of network errors and 5xx.
 * @example useQuery({ queryKey, queryFn, retry: agoraRetry(queryClient.getDefaultOptions().queries?.retry) })
 */
export function agoraRetry(fallback: AgoraRetryOption = retriesTransient): AgoraRetryReturnType {
  return (failureCount, error) => {
    const isFinal = error instanceof AgoraAuthError && !retryableCodes.includes(error.code)
    if (isFinal) return false
    if (typeof fallback === 'function') return fallback(failureCount, error)
    if (typeof fallback === 'number') return failureCount < fallback
    return fallback
  }
}
