import { QueryClient } from '@tanstack/react-query'
import { act, waitFor } from '@testing-library/react'
import { beforeEach, expect, it } from 'vitest'
import { UnauthorizedError } from '../../../src/core/errors/errors.js'
import type { Vote } from '../../../src/core/openapi/types.js'
import { useAgoraInfiniteQuery } from '../../../src/react/hooks/useAgoraInfiniteQuery.js'
import { useAgoraQuery } from '../../../src/react/hooks/useAgoraQuery.js'
import { freshPage, refusingFetch, renderSignedIn, serverRequests } from '../harness.js'

beforeEach(freshPage)

it('pages by offset until next_offset ends', async () => {
  const seen: { pages?: number; items?: number; distinct?: number; hasNext?: boolean; fetchNext?: () => Promise<unknown> } = {}
  function Delegates() {
    const delegates = useAgoraInfiniteQuery('delegates', { params: { limit: 20 } })
    const items = delegates.data?.pages.flatMap((page) => page.data) ?? []
    seen.pages = delegates.data?.pages.length
    seen.items = items.length
    seen.distinct = new Set(items.map((delegate) => delegate.address)).size
    seen.hasNext = delegates.hasNextPage
    seen.fetchNext = delegates.fetchNextPage
    return null
  }
  await renderSignedIn(<Delegates />)
  await waitFor(() => expect(seen.pages).toBe(1))
  expect(seen.items).toBe(20)
  let guard = 0
  while (seen.hasNext && guard++ < 50) {
    const before = seen.pages!
    await act(async () => {
      await seen.fetchNext!()
    })
    await waitFor(() => expect(seen.pages).toBe(before + 1))
  }
  expect(seen.hasNext).toBe(false)
  expect(seen.pages).toBeGreaterThan(1)
  expect(seen.distinct).toBe(seen.items) // pages follow next_offset: no delegate twice, none skipped by overlap
})

it("a list that answers 401 to every token under TanStack's default retry: 3 → one prompt, no retries", async () => {
  // The local server has no route that refuses every token: the stub is that route.
  const refusing = refusingFetch('delegates/refused', { status: 401, body: { message: 'Unauthorized' } })
  const seen: { status?: string; error?: unknown } = {}
  function Refused() {
    const { status, error } = useAgoraInfiniteQuery<unknown>('delegates/refused') // undocumented: typed by hand
    seen.status = status
    seen.error = error
    return null
  }
  const { wagmi, rerender } = await renderSignedIn(null, { provider: { fetch: refusing.fetch }, queryClient: new QueryClient() })
  rerender(<Refused />)
  await waitFor(() => expect(seen.status).toBe('error'), { timeout: 20_000 })
  expect(seen.error).toBeInstanceOf(UnauthorizedError)
  expect(wagmi.wallet.signatureCount).toBe(2) // the sign-in, and the one re-authentication on the 401
  expect(refusing.calls).toBe(2)
}, 30_000)

it("a documented list template with its path parameter: every page is the filled-in path's, items typed as votes", async () => {
  const seen: { proposalId?: string; votes?: Vote[]; hasNext?: boolean; fetchNext?: () => Promise<unknown> } = {}
  function Latest() {
    // The newest proposals are PENDING (no votes): the last of the first page has some.
    seen.proposalId = useAgoraQuery('proposals', { params: { limit: 50 } }).data?.data.filter((proposal) => proposal.status !== 'PENDING').at(-1)?.id
    return null
  }
  function Votes({ proposalId }: { proposalId: string }) {
    const votes = useAgoraInfiniteQuery('proposals/{proposalId}/votes', { path: { proposalId }, params: { limit: 2 } })
    seen.votes = votes.data?.pages.flatMap((page) => page.data)
    seen.hasNext = votes.hasNextPage
    seen.fetchNext = votes.fetchNextPage
    return null
  }
  const { rerender } = await renderSignedIn()
  rerender(<Latest />)
  await waitFor(() => expect(seen.proposalId).toMatch(/^\d+$/))
  const proposalId = seen.proposalId!
  await serverRequests()
  rerender(<Latest />, <Votes proposalId={proposalId} />)
  await waitFor(() => expect(seen.votes).toHaveLength(2))
  await act(async () => {
    await seen.fetchNext!()
  })
  await waitFor(() => expect(seen.votes).toHaveLength(4))
  expect(seen.votes!.every((vote) => vote.proposalId === proposalId && ['FOR', 'AGAINST', 'ABSTAIN'].includes(vote.support))).toBe(true)
  expect(await serverRequests()).toEqual([`GET /api/v1/proposals/${proposalId}/votes`, `GET /api/v1/proposals/${proposalId}/votes`])
})
