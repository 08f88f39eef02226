'use client'
import {
  type InfiniteData,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query'
import type { AgoraAuthError } from '../../core/errors/AgoraAuthError.js'
import { type AgoraParams, useAgoraQueryOptions } from './useAgoraQueryOptions.js'

/** One page of an Agora list: `next_offset` is 0 on the last page, and there is no total count. */
export type AgoraPage<T> = {
  meta: { has_next: boolean; total_returned: number; next_offset: number }
  data: T[]
}

export type UseAgoraInfiniteQueryOptions<T> = Omit<
  UseInfiniteQueryOptions<AgoraPage<T>, AgoraAuthError, InfiniteData<AgoraPage<T>, number>, readonly unknown[], number>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'
> & {
  /** Query-string parameters besides `offset` (e.g. `limit`, `sort`). */
  params?: AgoraParams
}

/**
 * Pages through an Agora list (`{ meta, data }`) by `offset`, with the same auth rules as `useAgoraQuery`.
 * @example const { data, fetchNextPage, hasNextPage } = useAgoraInfiniteQuery<Delegate>('delegates', { params: { limit: 20 } })
 */
export function useAgoraInfiniteQuery<T = unknown>(
  path: string,
  { params, enabled, placeholderData, ...options }: UseAgoraInfiniteQueryOptions<T> = {},
): UseInfiniteQueryResult<InfiniteData<AgoraPage<T>, number>, AgoraAuthError> {
  const shared = useAgoraQueryOptions(path, params, enabled, placeholderData)
  return useInfiniteQuery({
    ...options,
    ...(shared as Omit<typeof shared, 'client'>),
    initialPageParam: 0,
    getNextPageParam: (last: AgoraPage<T>) => (last.meta.has_next ? last.meta.next_offset : undefined),
    queryFn: ({ signal, pageParam }: { signal: AbortSignal; pageParam: number }) =>
      shared.client.request<AgoraPage<T>>(path, { params: { ...params, offset: pageParam }, signal }),
  } as unknown as UseInfiniteQueryOptions<AgoraPage<T>, AgoraAuthError, InfiniteData<AgoraPage<T>, number>, readonly unknown[], number>)
}
