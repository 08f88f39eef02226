// Type helpers that turn a documented path literal ('proposals/{proposalId}') into what a request to it takes
// and answers. They only read the generated `paths` map; the hooks and `client.request` build on them.
import type { paths } from './generated.js'
import type { AgoraPage } from './types.js'

/**
 * The HTTP methods the document can describe, in the lower case `paths` uses.
 * @example const method: AgoraMethod = 'post'
 */
export type AgoraMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

/**
 * Every documented path, relative to the client's `baseUrl` and written as a template: `'proposals/{proposalId}'`.
 * @example const path: AgoraPath = 'delegates/{addressOrEnsName}'
 */
export type AgoraPath = { [Key in keyof paths]: Key extends `/${infer Relative}` ? Relative : never }[keyof paths]

type PathItem<P extends string> = `/${P}` extends keyof paths ? paths[`/${P}`] : never

type Operation<P extends string, M extends AgoraMethod> = M extends keyof PathItem<P> ? NonNullable<PathItem<P>[M]> : never

/**
 * The documented paths that answer method `M` (an absent method is `never` in `paths`).
 * @example const path: AgoraPathFor<'post'> = 'auth/verify'
 */
export type AgoraPathFor<M extends AgoraMethod> = {
  [P in AgoraPath]: [Operation<P, M>] extends [never] ? never : P
}[AgoraPath]

/**
 * The documented paths a GET can read.
 * @example const path: AgoraGetPath = 'proposals'
 */
export type AgoraGetPath = AgoraPathFor<'get'>

/**
 * The path parameters of `P` (`{ proposalId: string }` for `'proposals/{proposalId}'`); `never` when it has none.
 * @example const path: AgoraPathParameters<'proposals/{proposalId}'> = { proposalId: '1' }
 */
export type AgoraPathParameters<P extends AgoraPathFor<M>, M extends AgoraMethod = 'get'> =
  Operation<P, M> extends { parameters: { path: infer Parameters } } ? Parameters : never

/**
 * The query parameters of `P` (`{ limit?, offset?, filter?, type? }` for `'proposals'`); `never` when it has none.
 * @example const params: AgoraQueryParameters<'proposals'> = { limit: 20, filter: 'everything' }
 */
export type AgoraQueryParameters<P extends AgoraPathFor<M>, M extends AgoraMethod = 'get'> = NonNullable<
  Operation<P, M> extends { parameters: { query?: infer Query } } ? Query : never
>

/**
 * The JSON body `P` takes for method `M` (default POST); `never` when it takes none.
 * @example const body: AgoraRequestBody<'auth/verify'> = { message, signature }
 */
export type AgoraRequestBody<P extends AgoraPathFor<M>, M extends AgoraMethod = 'post'> =
  Operation<P, M> extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : never

/**
 * The JSON a successful (200 or 201) request to `P` answers.
 * @example const proposal: AgoraResponse<'proposals/{proposalId}'> = await agora.request('proposals/1')
 */
export type AgoraResponse<P extends AgoraPathFor<M>, M extends AgoraMethod = 'get'> =
  Operation<P, M> extends { responses: infer Responses }
    ? Responses extends { 200: { content: { 'application/json': infer Data } } }
      ? Data
      : Responses extends { 201: { content: { 'application/json': infer Data } } }
        ? Data
        : unknown
    : never

/**
 * What a typed request to `P` takes besides the path: `path` (required exactly when the template has parameters)
 * and `params` (its documented query parameters, nothing else).
 * @example const options: AgoraRequestParameters<'proposals/{proposalId}/votes'> = { path: { proposalId: '1' }, params: { sort: 'weight' } }
 */
export type AgoraRequestParameters<P extends AgoraPathFor<M>, M extends AgoraMethod = 'get'> = ([AgoraPathParameters<P, M>] extends [never]
  ? { path?: never }
  : { path: AgoraPathParameters<P, M> }) &
  ([AgoraQueryParameters<P, M>] extends [never] ? { params?: never } : { params?: AgoraQueryParameters<P, M> })

/**
 * The options argument of a typed call as a tuple, for a rest parameter: required when `P` has path parameters,
 * optional otherwise; `Extra` adds the caller's own options (e.g. TanStack's).
 * @example declare function get<P extends AgoraGetPath>(path: P, ...options: AgoraRequestArguments<P>): Promise<AgoraResponse<P>>
 */
export type AgoraRequestArguments<P extends AgoraPathFor<M>, M extends AgoraMethod = 'get', Extra = unknown> = [
  AgoraPathParameters<P, M>,
] extends [never]
  ? [options?: AgoraRequestParameters<P, M> & Extra]
  : [options: AgoraRequestParameters<P, M> & Extra]

/**
 * The documented GET paths that answer a page (`{ meta, data }`), which an infinite query can walk.
 * @example const path: AgoraListPath = 'delegates'
 */
export type AgoraListPath = {
  [P in AgoraGetPath]: AgoraResponse<P> extends AgoraPage<unknown> ? P : never
}[AgoraGetPath]

type ListOptions<P extends AgoraListPath, Extra> = ([AgoraPathParameters<P>] extends [never]
  ? { path?: never }
  : { path: AgoraPathParameters<P> }) & { params?: Omit<AgoraQueryParameters<P>, 'offset'> } & Extra

/**
 * The options argument of a typed infinite query over list path `P`, as a tuple: like `AgoraRequestArguments`, but
 * `params` has no `offset`, which the query itself walks.
 * @example declare function useList<P extends AgoraListPath>(path: P, ...options: AgoraListRequestArguments<P>): void
 */
export type AgoraListRequestArguments<P extends AgoraListPath, Extra = unknown> = [AgoraPathParameters<P>] extends [never]
  ? [options?: ListOptions<P, Extra>]
  : [options: ListOptions<P, Extra>]

/**
 * The item type of a list path's pages (`Proposal` for `'proposals'`).
 * @example const first: AgoraPageItem<'proposals'> | undefined = page.data[0]
 */
export type AgoraPageItem<P extends AgoraListPath> = AgoraResponse<P> extends AgoraPage<infer Item> ? Item : never

/**
 * The default response type of the untyped overload: a call to an undocumented path must name its type
 * (`useAgoraQuery<Ballot>('retrofunding/…')`), so a typo in a documented path cannot slip through untyped.
 * @example declare function get<T = AgoraUntyped, P extends string = string>(path: AgoraUntypedPath<T, P>): Promise<T>
 */
export type AgoraUntyped = { readonly '~agoraUntyped': never }

/**
 * The path parameter type of the untyped overload: any string once the caller named the response type, else `never`.
 * @example const path: AgoraUntypedPath<Ballot, string> = 'retrofunding/rounds/5/projects'
 */
export type AgoraUntypedPath<T, P extends string> = [T] extends [AgoraUntyped] ? never : P

/**
 * The path type of `client.request`'s untyped overload: any string once you name the type; without one, any path the
 * document does not have (answered as `unknown`), so a documented path always goes through its checked overload and
 * a misspelled query parameter or a wrong body on it cannot pass silently untyped.
 * @example declare function get<T = AgoraUntyped, P extends string = string>(path: AgoraUndocumentedPath<T, P>): Promise<AgoraUntypedResponse<T>>
 */
export type AgoraUndocumentedPath<T, P extends string> = [T] extends [AgoraUntyped] ? (P extends AgoraPath ? never : P) : P

/**
 * What the untyped overload answers: the type you named, else `unknown` (never `any`).
 * @example const me: AgoraUntypedResponse<AgoraUntyped> = await agora.request('me') // unknown
 */
export type AgoraUntypedResponse<T> = [T] extends [AgoraUntyped] ? unknown : T
