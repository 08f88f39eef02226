// Type tests for the OpenAPI helpers (src/core/openapi): checked by `tsc -p test/types` (npm run typecheck).
// The declared functions below have the signatures proposed for useAgoraQuery, useAgoraInfiniteQuery,
// useAgoraMutation and client.request, so the helpers are proven in the shape the hooks will use them.
import type {
  AgoraGetPath,
  AgoraListPath,
  AgoraListRequestArguments,
  AgoraPageItem,
  AgoraPath,
  AgoraPathFor,
  AgoraPathParameters,
  AgoraQueryParameters,
  AgoraRequestArguments,
  AgoraRequestBody,
  AgoraRequestParameters,
  AgoraResponse,
  AgoraUntyped,
  AgoraUntypedPath,
} from '../../src/core/openapi/paths.js'
import type { AgoraPage, Delegate, DelegateChunk, Proposal, ProposalPage, RetroFundingBallot, Vote } from '../../src/core/openapi/types.js'
import type { paths } from '../../src/core/openapi/generated.js'
import type { AgoraPage as EntryAgoraPage } from '../../src/index.js'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const expectType = <T extends true>(_proof: T) => {}

// --- the helpers on their own ----------------------------------------------------------------------------
expectType<Equal<AgoraResponse<'proposals/{proposalId}'>, Proposal>>(true)
expectType<Equal<AgoraResponse<'proposals'>, ProposalPage>>(true)
expectType<Equal<AgoraResponse<'delegates/{addressOrEnsName}'>, Delegate>>(true)
expectType<Equal<AgoraPathParameters<'proposals/{proposalId}'>, { proposalId: string }>>(true)
expectType<Equal<AgoraPathParameters<'proposals'>, never>>(true)
expectType<Equal<AgoraQueryParameters<'proposals/{proposalId}'>, never>>(true)
expectType<Equal<AgoraQueryParameters<'proposals'>['filter'], 'relevant' | 'everything' | undefined>>(true)
expectType<Equal<AgoraPageItem<'proposals'>, Proposal>>(true)
expectType<Equal<AgoraPageItem<'proposals/{proposalId}/votes'>, Vote>>(true)
expectType<Equal<AgoraPageItem<'delegates'>, DelegateChunk>>(true)
expectType<Equal<AgoraListPath, 'proposals' | 'proposals/{proposalId}/votes' | 'delegates'>>(true)
expectType<Equal<AgoraRequestBody<'auth/verify'>, { message: string; signature: string }>>(true)
expectType<Equal<AgoraResponse<'retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', 'post'>, RetroFundingBallot>>(true)
expectType<Equal<AgoraPathFor<'post'>, 'auth/verify' | 'retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}'>>(true)
// The pages are the AgoraPage the React entry exports (core's, re-exported): one can stand for the other.
expectType<Equal<ProposalPage, AgoraPage<Proposal>>>(true)
expectType<Equal<AgoraPage<Vote>, EntryAgoraPage<Vote>>>(true)
// Every documented path is relative (the client's baseUrl holds /api/v1), and `paths` is keyed absolutely.
const relative: AgoraPath = 'votable_supply'
const absolute: keyof paths = `/${relative}`
// @ts-expect-error a path with a leading slash is not a documented relative path
const leadingSlash: AgoraPath = '/proposals'
// @ts-expect-error a path the document does not have
type _Misspelled = AgoraResponse<'proposal/{proposalId}'>
// @ts-expect-error POST-only: there is nothing to GET at auth/verify
type _NotReadable = AgoraResponse<'auth/verify'>
// @ts-expect-error a path parameter the template does not have
const wrongName: AgoraPathParameters<'proposals/{proposalId}'> = { id: '1' }

// --- the proposed typed hook: useAgoraQuery(path, { path, params }) ---------------------------------------
type QueryResult<T> = { data: T | undefined; error: Error | null }
declare function useAgoraQuery<P extends AgoraGetPath>(path: P, ...options: AgoraRequestArguments<P, 'get', { enabled?: boolean }>): QueryResult<AgoraResponse<P>>
declare function useAgoraQuery<T = AgoraUntyped, P extends string = string>(
  path: AgoraUntypedPath<T, P>,
  options?: { params?: Record<string, string | number | boolean | null | undefined>; enabled?: boolean },
): QueryResult<T>

export function Typed({ id }: { id: string }) {
  const { data: proposal } = useAgoraQuery('proposals/{proposalId}', { path: { proposalId: id } })
  expectType<Equal<typeof proposal, Proposal | undefined>>(true)
  const title: string | undefined = proposal?.markdowntitle
  const { data: page } = useAgoraQuery('proposals', { params: { limit: 20, filter: 'everything', type: 'APPROVAL' }, enabled: true })
  const first: Proposal | undefined = page?.data[0]
  const { data: supply } = useAgoraQuery('votable_supply')
  const votable: string | undefined = supply?.votable_supply
  const { data: votes } = useAgoraQuery('proposals/{proposalId}/votes', { path: { proposalId: id }, params: { sort: 'block_number' } })
  const support: 'FOR' | 'AGAINST' | 'ABSTAIN' | undefined = votes?.data[0]?.support

  // @ts-expect-error a wrong path (no such documented path, and no explicit type)
  useAgoraQuery('proposal/{proposalId}', { path: { proposalId: id } })
  // @ts-expect-error a missing path parameter: the options are required
  useAgoraQuery('proposals/{proposalId}')
  // @ts-expect-error a missing path parameter: `path` is required
  useAgoraQuery('proposals/{proposalId}', { params: {} })
  // @ts-expect-error a misspelled path parameter
  useAgoraQuery('proposals/{proposalId}', { path: { proposalID: id } })
  // @ts-expect-error a misspelled query parameter
  useAgoraQuery('proposals', { params: { limt: 20 } })
  // @ts-expect-error a query value the document does not allow
  useAgoraQuery('proposals', { params: { filter: 'all' } })
  // @ts-expect-error query parameters where the path has none
  useAgoraQuery('votable_supply', { params: { limit: 1 } })
  // @ts-expect-error data is typed: a proposal has no `title`
  const wrongField = proposal?.title

  // The escape hatch: an undocumented path works once the caller names the type.
  type Round = { roundId: number; name: string }
  const { data: round } = useAgoraQuery<Round>('retrofunding/rounds/5', { params: { limit: 1 } })
  const roundName: string | undefined = round?.name
  return [title, first, votable, support, wrongField, roundName]
}

// --- the proposed typed infinite query, mutation and client.request ------------------------------------
declare function useAgoraInfiniteQuery<P extends AgoraListPath>(
  path: P,
  ...options: AgoraListRequestArguments<P, { enabled?: boolean }>
): { data: { pages: AgoraPage<AgoraPageItem<P>>[] } | undefined }
const { data: delegatePages } = useAgoraInfiniteQuery('delegates', { params: { limit: 50 }, enabled: true })
const chunk: DelegateChunk | undefined = delegatePages?.pages[0]?.data[0]
const { data: votePages } = useAgoraInfiniteQuery('proposals/{proposalId}/votes', { path: { proposalId: '1' }, params: { sort: 'weight' } })
const firstVote: Vote | undefined = votePages?.pages[0]?.data[0]
// @ts-expect-error the query walks `offset` itself
useAgoraInfiniteQuery('proposals', { params: { offset: 10 } })
// @ts-expect-error a missing path parameter
useAgoraInfiniteQuery('proposals/{proposalId}/votes')
// @ts-expect-error a single proposal is not a list
useAgoraInfiniteQuery('proposals/{proposalId}', { path: { proposalId: '1' } })

declare function useAgoraMutation<P extends AgoraPathFor<'post'>>(
  path: P,
  ...options: AgoraRequestArguments<P, 'post'>
): { mutateAsync(body: AgoraRequestBody<P>): Promise<AgoraResponse<P, 'post'>> }
const save = useAgoraMutation('retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', { path: { roundId: 5, addressOrEnsName: '0xabc' } })
const saved: Promise<RetroFundingBallot> = save.mutateAsync({ allocations: [{ projectId: 'p', amount: '1' }] })
// @ts-expect-error the body is typed: an allocation needs an amount
void save.mutateAsync({ allocations: [{ projectId: 'p' }] })
// @ts-expect-error a mutation needs a path that takes POST
useAgoraMutation('proposals')

type Init = { signal?: AbortSignal; headers?: HeadersInit }
declare function request<P extends AgoraGetPath>(path: P, ...options: AgoraRequestArguments<P, 'get', Init>): Promise<AgoraResponse<P>>
declare function request<P extends AgoraPathFor<'post'>>(
  path: P,
  options: AgoraRequestParameters<P, 'post'> & { method: 'POST'; body: AgoraRequestBody<P> } & Init,
): Promise<AgoraResponse<P, 'post'>>
declare function request<T = AgoraUntyped, P extends string = string>(
  path: AgoraUntypedPath<T, P>,
  options?: { params?: Record<string, string | number | boolean | null | undefined>; method?: string; body?: unknown } & Init,
): Promise<T>
const delegate: Promise<Delegate> = request('delegates/{addressOrEnsName}', { path: { addressOrEnsName: 'delegate1.eth' } })
const token: Promise<{ access_token: string; token_type: 'JWT'; expires_in: number }> = request('auth/verify', {
  method: 'POST',
  body: { message: 'm', signature: '0x' },
})
// @ts-expect-error the body is typed: verify needs a signature
void request('auth/verify', { method: 'POST', body: { message: 'm' } })
// Today's untyped calls keep compiling: an explicit type selects the escape hatch.
const page: Promise<AgoraPage<Proposal>> = request<AgoraPage<Proposal>>('proposals', { params: { limit: 10 } })
// @ts-expect-error a typo without an explicit type is not silently untyped
void request('proposal', { params: { limit: 10 } })

export const used = [relative, absolute, leadingSlash, wrongName, chunk, firstVote, saved, delegate, token, page]
