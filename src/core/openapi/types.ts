// Named types for the data the Agora governance API answers, taken from the generated document types so they
// cannot drift from spec/agora-v1.yaml (types only: nothing here reaches a bundle).
import type { components } from './generated.js'

type Schemas = components['schemas']

/**
 * A governance proposal, as `proposals/{proposalId}` answers it and `proposals` lists it.
 * @example const title: string = proposal.markdowntitle
 */
export type Proposal = Schemas['Proposal']

/**
 * A proposal's lifecycle state (`ACTIVE`, `SUCCEEDED`, …).
 * @example const open = proposal.status === ('ACTIVE' satisfies ProposalStatus)
 */
export type ProposalStatus = Schemas['ProposalStatus']

/**
 * A proposal's voting module (`STANDARD`, `APPROVAL`, `OPTIMISTIC`, `SNAPSHOT`, or an `OFFCHAIN_*` type).
 * @example const isApproval = proposal.proposalType === ('APPROVAL' satisfies ProposalType)
 */
export type ProposalType = Schemas['ProposalType']

/**
 * One vote on a proposal, as `proposals/{proposalId}/votes` lists it.
 * @example const heavy = votes.filter((vote: Vote) => BigInt(vote.weight) > 10n ** 24n)
 */
export type Vote = Schemas['Vote']

/**
 * Which way a vote went: `FOR`, `AGAINST` or `ABSTAIN`.
 * @example const against = vote.support === ('AGAINST' satisfies VoteSupport)
 */
export type VoteSupport = Schemas['VoteSupport']

/**
 * One delegate with statistics, as `delegates/{addressOrEnsName}` answers it.
 * @example const power = BigInt(delegate.votingPower.total)
 */
export type Delegate = Schemas['Delegate']

/**
 * A delegate as the `delegates` list holds it: address, voting power, statement and participation.
 * @example const addresses = page.data.map((chunk: DelegateChunk) => chunk.address)
 */
export type DelegateChunk = Schemas['DelegateChunk']

/**
 * Where a page sits in its list: `has_next`, `total_returned`, and `next_offset` (0 on the last page).
 * @example const nextOffset = meta.has_next ? meta.next_offset : undefined
 */
export type AgoraPageMeta = Schemas['PageMeta']

/**
 * One page of an Agora list: `{ meta, data }`, with no total count.
 * @example const page: AgoraPage<Proposal> = await agora.request('proposals')
 */
export type AgoraPage<T> = { meta: AgoraPageMeta; data: T[] }

/**
 * A page of proposals (`GET proposals`).
 * @example const titles = page.data.map((proposal) => proposal.markdowntitle)
 */
export type ProposalPage = Schemas['ProposalPage']

/**
 * A page of a proposal's votes (`GET proposals/{proposalId}/votes`).
 * @example const voters = page.data.map((vote) => vote.address)
 */
export type VotePage = Schemas['VotePage']

/**
 * A page of delegates (`GET delegates`).
 * @example const top = page.data[0]?.address
 */
export type DelegatePage = Schemas['DelegatePage']

/**
 * The votable supply in wei, as a decimal string (`GET votable_supply`, public).
 * @example const supply = BigInt(answer.votable_supply)
 */
export type VotableSupply = Schemas['VotableSupply']

/**
 * A retro-funding ballot of the signed-in badgeholder (role-gated: `badgeholder` or `rf-demo-user`).
 * @example const total = ballot.allocations.reduce((sum, allocation) => sum + BigInt(allocation.amount), 0n)
 */
export type RetroFundingBallot = Schemas['RetroFundingBallot']

/**
 * The body that saves a retro-funding ballot (`POST retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}`).
 * @example const input: RetroFundingBallotInput = { allocations: [{ projectId: 'p1', amount: '100' }] }
 */
export type RetroFundingBallotInput = Schemas['RetroFundingBallotInput']
