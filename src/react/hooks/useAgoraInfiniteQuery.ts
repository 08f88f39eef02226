'use client'
import {
  type InfiniteData,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query'
import type { AgoraAuthError } from '../../core/errors/AgoraAuthError.js'
import type {
  AgoraListPath,
  AgoraListRequestArguments,
  AgoraPageItem,
  AgoraUntyped,
  AgoraUntypedPath,
} from '../../core/openapi/paths.js'
import type { AgoraPage } from '../../core/openapi/types.js'
import { type AgoraParams, useAgoraQueryOptions } from './useAgoraQueryOptions.js'

type InfiniteOptions<T> = UseInfiniteQueryOptions<
  AgoraPage<T>,
  AgoraAuthError,
  InfiniteData<AgoraPage<T>, number>,
  readonly unknown[],
  number
>

/**
 * TanStack's infinite-query options without what the hook owns: the key, the function and the paging by `offset`.
 * @example const options: AgoraInfiniteQueryOptions<Delegate> = { staleTime: 60_000 }
 */
export type AgoraInfiniteQueryOptions<T> = Omit<
  InfiniteOptions<T>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'
>

/**
 * The options of an untyped infinite query (a list the document does not have, or one you type yourself).
 * @example const options: UseAgoraInfiniteQueryOptions<Grant> = { params: { limit: 20 } }
 */
export type UseAgoraInfiniteQueryOptions<T> = AgoraInfiniteQueryOptions<T> & {
  /** Query-string parameters besides `offset` (e.g. `limit`, `sort`). */
  params?: AgoraParams
}

/**
 * Pages through a documented Agora list (`{ meta, data }`) by `offset`, with the same auth and retry rules as
 * `useAgoraQuery`: the path, its `{…}` parameters and its query (without `offset`, which the hook walks) are checked
 * against the document, and each page's items are typed from it.
 * @example const { data, fetchNextPage, hasNextPage } = useAgoraInfiniteQuery('delegates', { params: { limit: 20 } })
 */
export function useAgoraInfiniteQuery<P extends AgoraListPath>(
  path: P,
  ...options: AgoraListRequestArguments<P, AgoraInfiniteQueryOptions<AgoraPageItem<P>>>
): UseInfiniteQueryResult<InfiniteData<AgoraPage<AgoraPageItem<P>>, number>, AgoraAuthError>
/**
 * Pages through a list the document does not have: name the item type, and the path is any string.
 * @example const { data } = useAgoraInfiniteQuery<Grant>('retrofunding/rounds/5/projects', { params: { limit: 20 } })
 */
export function useAgoraInfiniteQuery<T = AgoraUntyped, P extends string = string>(
  path: AgoraUntypedPath<T, P>,
  options?: UseAgoraInfiniteQueryOptions<T>,
): UseInfiniteQueryResult<InfiniteData<AgoraPage<T>, number>, AgoraAuthError>
export function useAgoraInfiniteQuery(
  template: string,
  // `object`: TanStack's options are invariant in the item type, so no one type takes both overloads' options.
  options: object = {},
): UseInfiniteQueryResult<InfiniteData<AgoraPage<unknown>, number>, AgoraAuthError> {
  const { client, path, params, queryOptions } = useAgoraQueryOptions(template, options)
  return useInfiniteQuery({
    ...queryOptions,
    initialPageParam: 0,
    getNextPageParam: (last: AgoraPage<unknown>) => (last.meta.has_next ? last.meta.next_offset : undefined),
    queryFn: ({ signal, pageParam }: { signal: AbortSignal; pageParam: number }) =>
      client.request<AgoraPage<unknown>>(path, { params: { ...params, offset: pageParam }, signal }),
  } as unknown as InfiniteOptions<unknown>)
}
