'use client'
import { type Query, useQueryClient } from '@tanstack/react-query'
import { type ResolveAgoraPathParameters, resolveAgoraPath } from '../../core/openapi/resolveAgoraPath.js'
import { type AgoraQueryParams, agoraQueryKey } from '../../core/query/agoraQueryKey.js'
import { type AgoraRetryOption, agoraRetry } from '../../core/query/agoraRetry.js'
import { getAgoraQuerySubject } from '../../core/query/getAgoraQuerySubject.js'
import { useAgoraAuthContext, useSessionSelector } from '../context.js'

export type AgoraParams = AgoraQueryParams

type Placeholder = (previous: unknown, previousQuery?: Query) => unknown

/** The options of either query hook that this hook reads; the rest are TanStack's and pass through unchanged. */
type AgoraHookOptions = {
  /** The template's `{…}` parameters (checked by the hooks' overloads). */
  path?: ResolveAgoraPathParameters
  params?: AgoraParams
  enabled?: boolean | ((query: never) => boolean)
  placeholderData?: unknown
  /** The caller's own `retry`, which wins over the auth rule. */
  retry?: AgoraRetryOption
}

/**
 * Internal: what the query hooks share: the client, the filled-in path and the query-string `params` to request,
 * and TanStack's options with a key that carries the session's subject (so one account never reads another's
 * cache), `enabled` that holds protected routes back until there is a session, and a `retry` that never retries an
 * auth error (each retry could prompt the wallet again).
 * @example const { client, path, params, queryOptions } = useAgoraQueryOptions('proposals/{proposalId}', options)
 */
export function useAgoraQueryOptions(template: string, options: object) {
  // `object`: TanStack's options differ between the two hooks; only the fields above are read here.
  const { path: pathParameters, params, enabled, placeholderData, retry, ...queryOptions } = options as AgoraHookOptions
  const { client } = useAgoraAuthContext()
  const path = resolvePath(template, pathParameters, enabled)
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
    path,
    params,
    queryOptions: {
      ...queryOptions,
      queryKey: agoraQueryKey({ baseUrl: client.baseUrl, path, params: params ?? {}, subject }),
      enabled: (query: never) => ready && (typeof enabled === 'function' ? enabled(query) : enabled !== false),
      placeholderData: typeof placeholderData === 'function' ? sameSubjectPlaceholder : placeholderData,
      retry: retry ?? agoraRetry(queryClient.getDefaultOptions().queries?.retry as AgoraRetryOption | undefined),
    },
  }
}

/**
 * The filled-in path, which the key, the protected-route check and the request all use. A query held back with
 * `enabled: false` may still lack a parameter (it waits for it): its key keeps the template, and nothing is sent.
 */
function resolvePath(template: string, pathParameters: ResolveAgoraPathParameters | undefined, enabled: unknown) {
  try {
    return resolveAgoraPath(template, pathParameters)
  } catch (error) {
    const isWaitingForParameters = enabled === false
    if (isWaitingForParameters) return template
    throw error
  }
}
