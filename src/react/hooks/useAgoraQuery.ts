'use client'
import { type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query'
import type { AgoraAuthError } from '../../core/errors/AgoraAuthError.js'
import type {
  AgoraGetPath,
  AgoraRequestArguments,
  AgoraResponse,
  AgoraUntyped,
  AgoraUntypedPath,
} from '../../core/openapi/paths.js'
import { type AgoraParams, useAgoraQueryOptions } from './useAgoraQueryOptions.js'

/**
 * TanStack's query options without the key and the function, which the hook makes from the path.
 * @example const options: AgoraQueryOptions<Proposal> = { staleTime: 60_000 }
 */
export type AgoraQueryOptions<T> = Omit<UseQueryOptions<T, AgoraAuthError>, 'queryKey' | 'queryFn'>

/**
 * The options of an untyped query (a path the document does not have, or one you type yourself).
 * @example const options: UseAgoraQueryOptions<Round> = { params: { limit: 1 }, staleTime: 60_000 }
 */
export type UseAgoraQueryOptions<T> = AgoraQueryOptions<T> & {
  /** Query-string parameters; `null`/`undefined` values are left out. */
  params?: AgoraParams
}

/**
 * GETs a documented path below the provider's `baseUrl` with the session's token (re-authenticating once on a 401):
 * the path, its `{…}` parameters (`path`) and its query (`params`) are checked against the Agora API document, and
 * `data` is typed from it. A protected route waits while signed out, and each account has its own cache entry. Auth
 * errors are never retried (network errors and 5xx are, as TanStack's default says); your own `retry` wins.
 * @example const { data: proposal } = useAgoraQuery('proposals/{proposalId}', { path: { proposalId } })
 */
export function useAgoraQuery<P extends AgoraGetPath>(
  path: P,
  ...options: AgoraRequestArguments<P, 'get', AgoraQueryOptions<AgoraResponse<P>>>
): UseQueryResult<AgoraResponse<P>, AgoraAuthError>
/**
 * GETs a path the document does not have (or reads one as a type of your own): name the type, and the path is any
 * string. Without a type argument only documented paths compile, so a typo cannot pass silently untyped.
 * @example const { data } = useAgoraQuery<Round>(`retrofunding/rounds/${roundId}`)
 */
export function useAgoraQuery<T = AgoraUntyped, P extends string = string>(
  path: AgoraUntypedPath<T, P>,
  options?: UseAgoraQueryOptions<T>,
): UseQueryResult<T, AgoraAuthError>
export function useAgoraQuery(
  template: string,
  // `object`: the overloads' options, of which the shared hook reads its own.
  options: object = {},
): UseQueryResult<unknown, AgoraAuthError> {
  const { client, path, params, queryOptions } = useAgoraQueryOptions(template, options)
  return useQuery<unknown, AgoraAuthError>({
    ...queryOptions,
    queryFn: ({ signal }: { signal: AbortSignal }) => client.request<unknown>(path, { params, signal }),
  } as unknown as UseQueryOptions<unknown, AgoraAuthError>)
}
