// Type tests of the REAL data hooks, imported from the public entry as a user would (`tsc -p test/types`, run by
// `npm run typecheck`): a wrong path, a missing path parameter or a misspelled query parameter is a compile error,
// and data, pages, bodies and errors are typed from the Agora API document. Nothing here runs.
import {
  type AgoraAuthError,
  type AgoraPage,
  type Delegate,
  type DelegateChunk,
  type Proposal,
  type RetroFundingBallot,
  useAgoraInfiniteQuery,
  useAgoraMutation,
  useAgoraQuery,
  type Vote,
} from '../../src/index.js'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const expectType = <T extends true>(_proof: T) => {}

export function Queries({ id, address }: { id: string; address: string }) {
  const proposal = useAgoraQuery('proposals/{proposalId}', { path: { proposalId: id }, staleTime: 60_000 })
  expectType<Equal<typeof proposal.data, Proposal | undefined>>(true)
  expectType<Equal<typeof proposal.error, AgoraAuthError | null>>(true)
  const page = useAgoraQuery('proposals', { params: { limit: 20, filter: 'everything', type: 'APPROVAL' } })
  const first: Proposal | undefined = page.data?.data[0]
  const supply: string | undefined = useAgoraQuery('votable_supply').data?.votable_supply
  const delegate: Delegate | undefined = useAgoraQuery('delegates/{addressOrEnsName}', { path: { addressOrEnsName: address } }).data
  const votes = useAgoraQuery('proposals/{proposalId}/votes', { path: { proposalId: id }, params: { sort: 'weight' } })
  expectType<Equal<NonNullable<typeof votes.data>['data'][number], Vote>>(true)
  const ballot = useAgoraQuery('retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', { path: { roundId: 5, addressOrEnsName: address } })
  expectType<Equal<typeof ballot.data, RetroFundingBallot | undefined>>(true)

  // @ts-expect-error a wrong path (no such documented path, and no explicit type)
  useAgoraQuery('proposal/{proposalId}', { path: { proposalId: id } })
  // @ts-expect-error a filled-in path is not a documented template: name its type or use the template
  useAgoraQuery(`proposals/${id}`)
  // @ts-expect-error a missing path parameter: the options are required
  useAgoraQuery('proposals/{proposalId}')
  // @ts-expect-error a missing path parameter: `path` is required
  useAgoraQuery('proposals/{proposalId}', { params: {} })
  // @ts-expect-error a misspelled path parameter
  useAgoraQuery('proposals/{proposalId}', { path: { proposalID: id } })
  // @ts-expect-error a path parameter of the wrong type (roundId is a number)
  useAgoraQuery('retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', { path: { roundId: [5], addressOrEnsName: address } })
  // @ts-expect-error a misspelled query parameter
  useAgoraQuery('proposals', { params: { limt: 20 } })
  // @ts-expect-error a query value the document does not allow
  useAgoraQuery('proposals', { params: { filter: 'all' } })
  // @ts-expect-error query parameters where the path has none
  useAgoraQuery('votable_supply', { params: { limit: 1 } })
  // @ts-expect-error path parameters where the path has none
  useAgoraQuery('proposals', { path: { proposalId: id } })
  // @ts-expect-error POST-only: nothing to GET at auth/verify
  useAgoraQuery('auth/verify')
  // @ts-expect-error data is typed: a proposal has no `title`
  const wrongField = proposal.data?.title

  // The escape hatch: an undocumented path (or a documented one read as your own type) compiles with a type argument.
  type Round = { roundId: number; name: string }
  const round: Round | undefined = useAgoraQuery<Round>('retrofunding/rounds/5', { params: { limit: 1 } }).data
  const own: AgoraPage<{ id: string }> | undefined = useAgoraQuery<AgoraPage<{ id: string }>>(`proposals?x=${id}`).data
  return [first, supply, delegate, votes, ballot, wrongField, round, own]
}

export function InfiniteQueries({ id }: { id: string }) {
  const delegates = useAgoraInfiniteQuery('delegates', { params: { limit: 50, sort: 'voting_power' }, enabled: true })
  const chunk: DelegateChunk | undefined = delegates.data?.pages[0]?.data[0]
  expectType<Equal<typeof delegates.error, AgoraAuthError | null>>(true)
  const votes = useAgoraInfiniteQuery('proposals/{proposalId}/votes', { path: { proposalId: id }, params: { limit: 10 } })
  expectType<Equal<NonNullable<typeof votes.data>['pages'][number], AgoraPage<Vote>>>(true)
  // @ts-expect-error the query walks `offset` itself
  useAgoraInfiniteQuery('proposals', { params: { offset: 10 } })
  // @ts-expect-error a misspelled query parameter
  useAgoraInfiniteQuery('delegates', { params: { sortBy: 'weight' } })
  // @ts-expect-error a missing path parameter
  useAgoraInfiniteQuery('proposals/{proposalId}/votes')
  // @ts-expect-error a single proposal is not a list
  useAgoraInfiniteQuery('proposals/{proposalId}', { path: { proposalId: id } })
  // An undocumented list compiles with its item type.
  const grants = useAgoraInfiniteQuery<{ grantId: string }>('retrofunding/rounds/5/projects', { params: { limit: 20 } })
  const grant: { grantId: string } | undefined = grants.data?.pages[0]?.data[0]
  return [chunk, votes, grant]
}

export function Mutations({ address }: { address: string }) {
  const save = useAgoraMutation('retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', { path: { roundId: 5, addressOrEnsName: address } })
  const saved: Promise<RetroFundingBallot> = save.mutateAsync({ allocations: [{ projectId: 'p', amount: '1' }] })
  expectType<Equal<typeof save.error, AgoraAuthError | null>>(true)
  // @ts-expect-error the body is typed: an allocation needs an amount
  save.mutate({ allocations: [{ projectId: 'p' }] })
  // @ts-expect-error a missing path parameter
  useAgoraMutation('retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', { path: { roundId: 5 } })
  // @ts-expect-error a mutation needs a path that takes POST (or an explicit type)
  useAgoraMutation('proposals')
  // The untyped forms: an explicit type for a path of your own, or a path made from the variables.
  const vote = useAgoraMutation<{ ok: boolean }, { support: 'FOR' | 'AGAINST' }>('proposals/42/vote')
  const voted: Promise<{ ok: boolean }> = vote.mutateAsync({ support: 'FOR' })
  const byVariables = useAgoraMutation<RetroFundingBallot, { address: string }>((variables) => `retrofunding/rounds/5/ballots/${variables.address}`)
  const ballot: RetroFundingBallot | undefined = byVariables.data
  return [saved, voted, ballot]
}
