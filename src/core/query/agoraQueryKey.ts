/** Query-string parameters of an Agora request; `null`/`undefined` values are left out of the URL. */
export type AgoraQueryParams = Record<string, string | number | boolean | null | undefined>

/** What an Agora query key names: the API, the path and parameters, and whose session may read the answer. */
export type AgoraQueryKeyParameters = {
  /** The client's normalised `baseUrl`. */
  baseUrl: string
  /** The path below `baseUrl`; omit it to name every query of that API. */
  path?: string
  params?: AgoraQueryParams
  /**
   * The address whose token fetched the answer, `null` for a public route; omit it to match any account. Part of the
   * key so that one account never reads another's cached answer.
   */
  subject?: string | null
}

/** A TanStack query key of the data hooks: a fixed scope, then one object (matched partially by TanStack). */
export type AgoraQueryKey = readonly ['agora-auth', AgoraQueryKeyParameters]

/**
 * The query key the data hooks use, or a prefix of it for `invalidateQueries`/`removeQueries` (leave out what
 * should match anything).
 * @example queryClient.invalidateQueries({ queryKey: agoraQueryKey({ baseUrl: client.baseUrl, path: 'proposals' }) })
 */
export function agoraQueryKey(parameters: AgoraQueryKeyParameters): AgoraQueryKey {
  return ['agora-auth', parameters]
}
