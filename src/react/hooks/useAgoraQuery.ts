'use client'
import { type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query'
import type { AgoraAuthError } from '../../core/errors/AgoraAuthError.js'
import { type AgoraParams, useAgoraQueryOptions } from './useAgoraQueryOptions.js'

export type UseAgoraQueryOptions<T> = Omit<UseQueryOptions<T, AgoraAuthError>, 'queryKey' | 'queryFn'> & {
  /** Query-string parameters; `null`/`undefined` values are left out. */
  params?: AgoraParams
}

/**
 * GETs `path` below the provider's `baseUrl` with the session's token (re-authenticating once on a 401); a
 * protected route waits while signed out, and each account has its own cache entry.
 * @example const { data } = useAgoraQuery<Proposal>(`proposals/${id}`)
 */
export function useAgoraQuery<T = unknown>(
  path: string,
  { params, enabled, placeholderData, ...options }: UseAgoraQueryOptions<T> = {},
): UseQueryResult<T, AgoraAuthError> {
  const shared = useAgoraQueryOptions(path, params, enabled, placeholderData)
  return useQuery<T, AgoraAuthError>({
    ...options,
    ...(shared as Omit<typeof shared, 'client'>),
    queryFn: ({ signal }: { signal: AbortSignal }) => shared.client.request<T>(path, { params, signal }),
  } as unknown as UseQueryOptions<T, AgoraAuthError>)
}
