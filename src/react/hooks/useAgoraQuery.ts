'use client'
import { type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query'
import type { AgoraAuthError } from '../../core/errors/AgoraAuthError.js'
import type { AgoraRetryOption } from '../../core/query/agoraRetry.js'
import { type AgoraParams, useAgoraQueryOptions } from './useAgoraQueryOptions.js'

export type UseAgoraQueryOptions<T> = Omit<UseQueryOptions<T, AgoraAuthError>, 'queryKey' | 'queryFn'> & {
  /** Query-string parameters; `null`/`undefined` values are left out. */
  params?: AgoraParams
}

/**
 * GETs `path` below the provider's `baseUrl` with the session's token (re-authenticating once on a 401); a
 * protected route waits while signed out, and each account has its own cache entry. Auth errors are never retried
 * (network errors and 5xx are, as TanStack's default says); your own `retry` wins.
 * @example const { data } = useAgoraQuery<Proposal>(`proposals/${id}`)
 */
export function useAgoraQuery<T = unknown>(
  path: string,
  { params, enabled, placeholderData, retry, ...options }: UseAgoraQueryOptions<T> = {},
): UseQueryResult<T, AgoraAuthError> {
  const { client, ...shared } = useAgoraQueryOptions({
    path,
    params,
    enabled,
    placeholderData,
    retry: retry as AgoraRetryOption | undefined,
  })
  return useQuery<T, AgoraAuthError>({
    ...options,
    ...shared,
    queryFn: ({ signal }: { signal: AbortSignal }) => client.request<T>(path, { params, signal }),
  } as unknown as UseQueryOptions<T, AgoraAuthError>)
}
