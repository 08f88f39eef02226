'use client'
import { type Query, useQueryClient } from '@tanstack/react-query'
import { type AgoraQueryParams, agoraQueryKey } from '../../core/query/agoraQueryKey.js'
import { type AgoraRetryOption, agoraRetry } from '../../core/query/agoraRetry.js'
import { getAgoraQuerySubject } from '../../core/query/getAgoraQuerySubject.js'
import { useAgoraAuthContext, useSessionSelector } from '../context.js'

export type AgoraParams = AgoraQueryParams

type Placeholder = (previous: unknown, previousQuery?: Query) => unknown

export type UseAgoraQueryOptionsParameters = {
  path: string
  params: AgoraParams | undefined
  enabled: boolean | ((query: never) => boolean) | undefined
  placeholderData: unknown
  /** The caller's own `retry`, which wins over the auth rule. */
  retry: AgoraRetryOption | undefined
}

/**
 * Internal: what the query hooks share: the client, a key that carries the session's subject (so one account never
 * reads another's cache), `enabled` that holds protected routes back until there is a session, and a `retry` that
 * never retries an auth error (each retry could prompt the wallet again).
 * @example const shared = useAgoraQueryOptions({ path, params, enabled, placeholderData, retry })
 */
export function useAgoraQueryOptions({ path, params, enabled, placeholderData, retry }: UseAgoraQueryOptionsParameters) {
  const { client } = useAgoraAuthContext()
  const queryClient = useQueryClient()
  const isProtected = client.isProtected(path.replace(/^\/+/, ''))
  const subject = useSessionSelector((state) => (isProtected ? (state.session?.address ?? null) : null))
  const ready = !isProtected || subject !== null
  // Placeholder data from a previous key is only shown while the subject is the same: never A's data to B.
  const sameSubjectPlaceholder = (previous: unknown, previousQuery?: Query) => {
    const isOtherSubject = previousQuery !== undefined && getAgoraQuerySubject(previousQuery.queryKey) !== subject
    return isOtherSubject ? undefined : (placeholderData as Placeholder)(previous, previousQuery)
  }
  return {
    client,
    queryKey: agoraQueryKey({ baseUrl: client.baseUrl, path, params: params ?? {}, subject }),
    enabled: (query: never) => ready && (typeof enabled === 'function' ? enabled(query) : enabled !== false),
    placeholderData: typeof placeholderData === 'function' ? sameSubjectPlaceholder : placeholderData,
    retry: retry ?? agoraRetry(queryClient.getDefaultOptions().queries?.retry as AgoraRetryOption | undefined),
  }
}
