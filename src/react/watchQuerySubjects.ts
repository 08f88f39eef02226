'use client'
import type { QueryClient } from '@tanstack/react-query'
import { agoraQueryKey } from '../core/query/agoraQueryKey.js'
import { getAgoraQuerySubject } from '../core/query/getAgoraQuerySubject.js'
import type { SessionState } from '../core/store/types.js'

type WatchedStore = {
  getSnapshot(): SessionState
  subscribe(listener: () => void): () => void
}

/**
 * Internal: drops an account's cached answers once its session ends, so they never outlive it. (Keys carry the
 * subject, so the next account never reads them in the meantime either.)
 * @example const unwatch = watchQuerySubjects(store, client.baseUrl, queryClient)
 */
export function watchQuerySubjects(store: WatchedStore, baseUrl: string, queryClient: QueryClient): () => void {
  return store.subscribe(() => {
    const subject = store.getSnapshot().session?.address
    queryClient.removeQueries({
      queryKey: agoraQueryKey({ baseUrl }),
      predicate: ({ queryKey }) => {
        const owner = getAgoraQuerySubject(queryKey)
        return !!owner && owner !== subject
      },
    })
  })
}
