'use client'
import {
  type InfiniteData,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query'
import type { AgoraAuthError } from '../../core/errors/AgoraAuthError.js'
import type { AgoraRetryOption } from '../../core/query/agoraRetry.js'
import { type AgoraParams, useAgoraQueryOptions } from './useAgoraQueryOptions.js'

/** One page of an Agora list: `next_offset` is 0 on the last page, and there is no total count. */
export type AgoraPage<T> = {
  meta: { has_next: boolean; total_returned: number; next_offset: number }
  data: T[]
}

type InfiniteOptions<T> = UseInfiniteQueryOptions<
  AgoraPage<T>,
  AgoraAuthError,
  InfiniteData<AgoraPage<T>, number>,
  readonly unknown[],
  number
>

export type UseAgoraInfiniteQueryOptions<T> = Omit<
  InfiniteOptions<T>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'
> & {
  /** Query-string parameters besides `offset` (e.g. `limit`, `sort`). */
  params?: AgoraParams
}

/**
 * Pages through an Agora list (`{ meta, data }`) by `offset`, with the same auth and retry rules as `useAgoraQuery`.
 * @example const { data, fetchNextPage, hasNextPage } = useAgoraInfiniteQuery<Delegate>('delegates', { params: { limit: 20 } })
 */
export function useAgoraInfiniteQuery<T = unknown>(
  path: string,
  { params, enabled, placeholderData, retry, ...options }: UseAgoraInfiniteQueryOptions<T> = {},
): UseInfiniteQueryResult<InfiniteData<AgoraPage<T>, number>, AgoraAuthError> {
  const { client, ...shared } = useAgoraQueryOptions({
    path,
    params,
    enabled,
    placeholderData,
    retry: retry as AgoraRetryOption | undefined,
  })
  return useInfiniteQuery({
    ...options,
    ...shared,
    initialPageParam: 0,
    getNextPageParam: (last: AgoraPage<T>) => (last.meta.has_next ? last.meta.next_offset : undefined),
    queryFn: ({ signal, pageParam }: { signal: AbortSignal; pageParam: number }) =>
      client.request<AgoraPage<T>>(path, { params: { ...params, offset: pageParam }, signal }),
  } as unknown as InfiniteOptions<T>)
}
