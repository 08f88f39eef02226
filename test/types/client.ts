// Type tests of the REAL client (`client.request` from agora-auth/core), run by `tsc -p test/types` (npm run typecheck):
// documented paths are checked and typed; a path the document does not have answers `unknown` until you name a type.
import { type AgoraPage, createAgoraClient, type Delegate, type Proposal, type RetroFundingBallot } from '../../src/core.js'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const expectType = <T extends true>(_proof: T) => {}

const agora = createAgoraClient({ baseUrl: 'https://vote.example/api/v1' })
export async function typed(proposalId: string, address: string) {
  const proposal = await agora.request('proposals/{proposalId}', { path: { proposalId }, signal: AbortSignal.timeout(5_000) })
  expectType<Equal<typeof proposal, Proposal>>(true)
  const page = await agora.request('proposals', { params: { limit: 10, filter: 'relevant' } })
  expectType<Equal<typeof page.data, Proposal[]>>(true)
  const delegate: Delegate = await agora.request('delegates/{addressOrEnsName}', { path: { addressOrEnsName: address } })
  const saved = await agora.request('retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', {
    method: 'POST',
    path: { roundId: 5, addressOrEnsName: address },
    body: { allocations: [{ projectId: 'p1', amount: '100' }] },
  })
  expectType<Equal<typeof saved, RetroFundingBallot>>(true)
  const token = await agora.request('auth/verify', { method: 'POST', body: { message: 'm', signature: '0x' } })
  expectType<Equal<typeof token.access_token, string>>(true)

  // @ts-expect-error a wrong path (its path parameters give it away)
  await agora.request('proposal/{proposalId}', { path: { proposalId } })
  // @ts-expect-error a missing path parameter
  await agora.request('proposals/{proposalId}')
  // @ts-expect-error a misspelled path parameter
  await agora.request('proposals/{proposalId}', { path: { id: proposalId } })
  // @ts-expect-error a misspelled query parameter
  await agora.request('proposals', { params: { limt: 10 } })
  // @ts-expect-error a query value the document does not allow
  await agora.request('proposals', { params: { filter: 'all' } })
  // @ts-expect-error the body is typed: verify needs a signature
  await agora.request('auth/verify', { method: 'POST', body: { message: 'm' } })
  // @ts-expect-error data is typed: a proposal has no `title`
  const wrongField = proposal.title

  // Paths the document does not have: `unknown` until you name the type; a documented path read as your own type.
  const me = await agora.request('me')
  expectType<Equal<typeof me, unknown>>(true)
  const own = await agora.request<AgoraPage<{ id: string }>>('proposals', { params: { limit: 1 } })
  const sent = await agora.request<{ ok: boolean }>('auth/verify', { method: 'POST', body: {} })
  return [page, delegate, saved, token, wrongField, me, own, sent]
}
