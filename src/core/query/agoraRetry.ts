import { AgoraAuthError, type AgoraAuthErrorCode } from '../errors/AgoraAuthError.js'

/** TanStack Query's `retry` option: a number of retries, always or never, or a function that decides. */
export type AgoraRetryOption = boolean | number | ((failureCount: number, error: unknown) => boolean)

export type AgoraRetryReturnType = (failureCount: number, error: unknown) => boolean

// Failures a retry cannot fix, or could fix only by asking the wallet for another signature: each retry of a
// query that the server refuses would prompt the user again.
const authCodes: ReadonlySet<AgoraAuthErrorCode> = new Set<AgoraAuthErrorCode>([
  'UNAUTHORIZED',
  'SESSION_EXPIRED',
  'INVALID_TOKEN',
  'TOKEN_REVOKED',
  'FORBIDDEN',
  'USER_REJECTED',
  'VERIFICATION_FAILED',
  'NO_WALLET',
  'ABORTED',
])

// TanStack's own default count.
const defaultRetries = 3

const isAuthError = (error: unknown) => error instanceof AgoraAuthError && authCodes.has(error.code)

// No answer at all, or a server error: the next attempt may well succeed.
const isTransient = (error: unknown) =>
  error instanceof AgoraAuthError &&
  (error.code === 'NETWORK_ERROR' || (error.code === 'HTTP_ERROR' && (error.status ?? 0) >= 500))

const allows = (retry: AgoraRetryOption, failureCount: number, error: unknown) => {
  if (typeof retry === 'function') return retry(failureCount, error)
  if (typeof retry === 'number') return failureCount < retry
  return retry
}

/**
 * The data hooks' `retry`: never an auth error (401-class, 403, a rejected or failed sign-in); otherwise what
 * `fallback` (the QueryClient's default) says, or, without one, up to 3 retries of network errors and 5xx.
 * @example useQuery({ queryKey, queryFn, retry: agoraRetry(queryClient.getDefaultOptions().queries?.retry) })
 */
export function agoraRetry(fallback?: AgoraRetryOption): AgoraRetryReturnType {
  return (failureCount, error) => {
    if (isAuthError(error)) return false
    if (fallback === undefined) return isTransient(error) && failureCount < defaultRetries
    return allows(fallback, failureCount, error)
  }
}
