'use client'
import type { Query } from '@tanstack/react-query'
import { agoraQueryKey } from '../AgoraAuthProvider.js'
import { useAgoraAuthContext, useSessionSelector } from '../context.js'

export type AgoraParams = Record<string, string | number | boolean | null | undefined>

type Enabled = boolean | ((query: never) => boolean) | undefined
type Placeholder = unknown

/**
 * What the data hooks share: the client, a key that carries the session's subject (so one account never reads
 * another's cache), and `enabled` that holds protected routes back until there is a session.
 */
export function useAgoraQueryOptions(
  path: string,
  params: AgoraParams | undefined,
  enabled: Enabled,
  placeholderData: Placeholder,
) {
  const { client } = useAgoraAuthContext()
  const isProtected = client.isProtected(path.replace(/^\/+/, ''))
  const subject = useSessionSelector((state) => (isProtected ? (state.session?.address ?? null) : null))
  const queryKey = [agoraQueryKey, client.baseUrl, path, params ?? {}, subject] as const
  const ready = !isProtected || subject !== null
  return {
    client,
    queryKey,
    enabled: (query: never) => ready && (typeof enabled === 'function' ? enabled(query) : enabled !== false),
    // Placeholder data from a previous key is only shown while the subject is the same: never A's data to B.
    placeholderData:
      typeof placeholderData === 'function'
        ? (previous: unknown, previousQuery?: Query) =>
            previousQuery && previousQuery.queryKey[4] !== subject
              ? undefined
              : (placeholderData as (p: unknown, q?: Query) => unknown)(previous, previousQuery)
        : placeholderData,
  }
}
