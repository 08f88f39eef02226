// The typed form of useAgoraQuery against the local server: a documented path template, its `{…}` parameters
// filled in for the request and the cache key, and data typed from the document (the compile-time side is in
// test/types/hooks.ts).
import { waitFor } from '@testing-library/react'
import { beforeEach, expect, it } from 'vitest'
import type { Proposal, Vote } from '../../../src/core/openapi/types.js'
import { agoraQueryKey } from '../../../src/core/query/agoraQueryKey.js'
import { useAgoraFetch } from '../../../src/react/hooks/useAgoraFetch.js'
import { useAgoraQuery } from '../../../src/react/hooks/useAgoraQuery.js'
import { freshPage, renderSignedIn, serverRequests } from '../harness.js'

beforeEach(freshPage)

it('a documented template with its path parameters: the filled-in path is requested and keyed, data is the document type', async () => {
  const seen: { first?: Proposal; proposal?: Proposal; votes?: Vote[]; clientBase?: string } = {}
  function Latest() {
    seen.first = useAgoraQuery('proposals', { params: { limit: 1, filter: 'everything' } }).data?.data[0]
    return null
  }
  function Detail({ proposalId }: { proposalId: string }) {
    seen.clientBase = useAgoraFetch().baseUrl
    seen.proposal = useAgoraQuery('proposals/{proposalId}', { path: { proposalId } }).data
    seen.votes = useAgoraQuery('proposals/{proposalId}/votes', { path: { proposalId }, params: { limit: 3, sort: 'weight' } }).data?.data
    return null
  }
  const { session, queryClient, rerender } = await renderSignedIn()
  rerender(<Latest />)
  await waitFor(() => expect(seen.first?.id).toMatch(/^\d+$/))
  const proposalId = seen.first!.id
  await serverRequests()

  rerender(<Latest />, <Detail proposalId={proposalId} />)
  await waitFor(() => expect(seen.proposal?.id).toBe(proposalId))
  await waitFor(() => expect(seen.votes).toBeDefined())
  expect(seen.proposal!.markdowntitle).toBe(seen.first!.markdowntitle)
  expect(seen.votes!.every((vote) => vote.proposalId === proposalId)).toBe(true)
  expect((await serverRequests()).sort()).toEqual([`GET /api/v1/proposals/${proposalId}`, `GET /api/v1/proposals/${proposalId}/votes`])
  const detailKey = agoraQueryKey({ baseUrl: seen.clientBase!, path: `proposals/${proposalId}`, params: {}, subject: session.address })
  expect(queryClient.getQueryData(detailKey)).toEqual(seen.proposal)
})

it('a missing path parameter is a TypeError while rendering, before any request; with enabled: false the query waits for it', async () => {
  const seen: { thrown?: unknown; waiting?: string; supply?: string } = {}
  function Missing() {
    try {
      useAgoraQuery('proposals/{proposalId}', { path: { proposalId: '' } })
    } catch (error) {
      seen.thrown = error
    }
    return null
  }
  function Waiting() {
    seen.waiting = useAgoraQuery('proposals/{proposalId}', { path: { proposalId: '' }, enabled: false }).fetchStatus
    // A query that does run, rendered with the two above: once it has answered, they had their chance to send.
    seen.supply = useAgoraQuery('votable_supply').data?.votable_supply
    return null
  }
  const { rerender } = await renderSignedIn()
  await serverRequests()
  rerender(<Missing />, <Waiting />)
  await waitFor(() => expect(seen.supply).toMatch(/^\d+$/))
  expect(seen.thrown).toBeInstanceOf(TypeError)
  expect((seen.thrown as TypeError).message).toMatch(/'proposalId'/)
  expect(seen.waiting).toBe('idle')
  expect(await serverRequests()).toEqual(['GET /api/v1/votable_supply'])
})
