import type { AgoraQueryKey } from './agoraQueryKey.js'

const isAgoraQueryKey = (queryKey: readonly unknown[]): queryKey is AgoraQueryKey =>
  queryKey[0] === 'agora-auth' && typeof queryKey[1] === 'object' && queryKey[1] !== null

/**
 * The account a cached Agora answer belongs to: its address, `null` for a public route, `undefined` when the key is
 * not one of the data hooks' keys.
 * @example queryClient.removeQueries({ predicate: (query) => !!getAgoraQuerySubject(query.queryKey) })
 */
export function getAgoraQuerySubject(queryKey: readonly unknown[]): string | null | undefined {
  if (!isAgoraQueryKey(queryKey)) return undefined
  return queryKey[1].subject ?? null
}
