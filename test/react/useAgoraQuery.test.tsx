import { keepPreviousData } from '@tanstack/react-query'
import { act, waitFor } from '@testing-library/react'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { commands } from 'vitest/browser'
import { beforeEach, describe, expect, it } from 'vitest'
import { ForbiddenError } from '../../src/core/errors/errors.js'
import type { Session } from '../../src/core/session/types.js'
import { type AgoraPage, useAgoraInfiniteQuery } from '../../src/react/hooks/useAgoraInfiniteQuery.js'
import { useAgoraMutation } from '../../src/react/hooks/useAgoraMutation.js'
import { useAgoraQuery } from '../../src/react/hooks/useAgoraQuery.js'
import { useSession } from '../../src/react/hooks/useSession.js'
import { useSignIn, type UseSignInReturnType } from '../../src/react/hooks/useSignIn.js'
import { apiBase, makeWagmi, renderAgora, serverRequests } from './harness.js'

let baseUrl: string
beforeEach(async () => {
  baseUrl = await apiBase()
  localStorage.clear()
  await serverRequests()
})

const count = (requests: string[], line: string) => requests.filter((r) => r === line).length

/** Signs in from inside the tree and exposes the session, for tests that act like a user. */
function makeSignIn() {
  const api: { signIn?: UseSignInReturnType; session?: Session | null; status?: string } = {}
  function SignIn() {
    api.signIn = useSignIn()
    const { session, status } = useSession()
    api.session = session
    api.status = status
    return null
  }
  return { SignIn, api }
}

describe('useAgoraQuery', () => {
  it('100 concurrent queries whose token the server no longer accepts → one prompt, one verify, 100 successes', async () => {
    const wagmi = makeWagmi()
    const { SignIn, api } = makeSignIn()
    const results: Record<number, { status: string; count?: number }> = {}
    function Row({ i }: { i: number }) {
      const { status, data } = useAgoraQuery<AgoraPage<unknown>>('proposals', { params: { limit: 1, offset: i } })
      results[i] = { status, count: data?.meta.total_returned }
      return null
    }
    const view = renderAgora(<SignIn />, { wagmi, provider: { baseUrl } })
    await wagmi.connect()
    await act(() => api.signIn!.signInAsync())
    // The server restarts with a new secret: the client's token still looks valid to it, the server refuses it.
    await commands.agoraServerRestart()
    await serverRequests()

    view.rerender(
      <>
        <SignIn />
        {Array.from({ length: 100 }, (_, i) => (
          <Row key={i} i={i} />
        ))}
      </>,
    )
    await waitFor(() => expect(Object.values(results).filter((r) => r.status === 'success')).toHaveLength(100), {
      timeout: 10_000,
    })
    const requests = await serverRequests()
    expect(wagmi.wallet.signatureCount).toBe(2) // the first sign-in, and exactly one re-authentication
    expect(count(requests, 'GET /api/v1/auth/nonce')).toBe(1)
    expect(count(requests, 'POST /api/v1/auth/verify')).toBe(1)
    expect(count(requests, 'GET /api/v1/proposals')).toBe(200) // each refused once, each retried once
    expect(Object.values(results).every((r) => r.status === 'success')).toBe(true)
  })

  it('a protected query waits while signed out; a public one does not', async () => {
    const wagmi = makeWagmi()
    const { SignIn, api } = makeSignIn()
    const seen: { supply?: unknown; proposals?: string } = {}
    function Data() {
      seen.supply = useAgoraQuery<{ votable_supply: string }>('votable_supply').data?.votable_supply
      seen.proposals = useAgoraQuery('proposals', { params: { limit: 2 } }).fetchStatus
      return null
    }
    renderAgora(
      <>
        <SignIn />
        <Data />
      </>,
      { wagmi, provider: { baseUrl } },
    )
    await wagmi.connect()
    await waitFor(() => expect(seen.supply).toMatch(/^\d+$/))
    expect(seen.proposals).toBe('idle')
    expect(await serverRequests()).toEqual(['GET /api/v1/votable_supply'])

    await act(() => api.signIn!.signInAsync())
    await waitFor(() => expect(seen.proposals).toBe('idle'))
    const requests = await serverRequests()
    expect(requests).toContain('GET /api/v1/proposals')
  })

  it("account B never sees account A's cached data, not even as placeholder data, and A's cache is dropped", async () => {
    const keyA = generatePrivateKey()
    const a = privateKeyToAccount(keyA).address
    const wagmi = makeWagmi({ privateKey: keyA })
    const { SignIn, api } = makeSignIn()
    const renders: { session?: string; ballotOf?: string }[] = []
    const path = `retrofunding/rounds/5/ballots/${a}`
    function Ballot() {
      const { data } = useAgoraQuery<{ address: string }>(path, { placeholderData: keepPreviousData })
      renders.push({ session: api.session?.address, ballotOf: data?.address })
      return null
    }
    const view = renderAgora(
      <>
        <SignIn />
        <Ballot />
      </>,
      { wagmi, provider: { baseUrl, accountChangePolicy: 'switch' } },
    )
    await wagmi.connect()
    await act(() => api.signIn!.signInAsync())
    await waitFor(() => expect(renders.at(-1)!.ballotOf).toBe(a))

    act(() => wagmi.wallet.setAccount(generatePrivateKey()))
    await waitFor(() => expect(api.status).toBe('unauthenticated'))
    await act(() => api.signIn!.signInAsync())
    const b = api.session!.address
    await waitFor(() => expect(view.queryClient.isFetching()).toBe(0))
    expect(renders.filter((r) => r.session === b && r.ballotOf === a)).toEqual([])
    const subjects = view.queryClient.getQueryCache().getAll().map((q) => q.queryKey[4])
    expect(subjects).not.toContain(a)
  })

  it('403 is a ForbiddenError, never a re-authentication', async () => {
    const wagmi = makeWagmi()
    const { SignIn, api } = makeSignIn()
    const seen: { error?: unknown } = {}
    const other = privateKeyToAccount(generatePrivateKey()).address
    function Other() {
      seen.error = useAgoraQuery(`retrofunding/rounds/5/ballots/${other}`).error
      return null
    }
    renderAgora(
      <>
        <SignIn />
        <Other />
      </>,
      { wagmi, provider: { baseUrl } },
    )
    await wagmi.connect()
    await act(() => api.signIn!.signInAsync())
    await waitFor(() => expect(seen.error).toBeInstanceOf(ForbiddenError))
    expect(seen.error).toMatchObject({ code: 'FORBIDDEN', status: 403, reason: 'Unauthorized' })
    expect(wagmi.wallet.signatureCount).toBe(1)
  })

  it('useAgoraInfiniteQuery pages by offset until next_offset ends; useAgoraMutation posts JSON', async () => {
    const wagmi = makeWagmi()
    const { SignIn, api } = makeSignIn()
    const seen: { pages?: number; items?: number; distinct?: number; hasNext?: boolean; fetchNext?: () => unknown; save?: (v: unknown) => unknown; saved?: unknown } = {}
    function Lists() {
      const delegates = useAgoraInfiniteQuery<{ address: string }>('delegates', { params: { limit: 20 } })
      seen.pages = delegates.data?.pages.length
      seen.items = delegates.data?.pages.flatMap((p) => p.data).length
      seen.distinct = new Set(delegates.data?.pages.flatMap((p) => p.data.map((d) => d.address))).size
      seen.hasNext = delegates.hasNextPage
      seen.fetchNext = delegates.fetchNextPage
      const address = api.session?.address
      const save = useAgoraMutation<{ status: string }, { allocations: { projectId: string; amount: string }[] }>(
        `retrofunding/rounds/5/ballots/${address}`,
      )
      seen.save = save.mutateAsync as (v: unknown) => unknown
      seen.saved = save.data?.status
      return null
    }
    renderAgora(
      <>
        <SignIn />
        <Lists />
      </>,
      { wagmi, provider: { baseUrl } },
    )
    await wagmi.connect()
    await act(() => api.signIn!.signInAsync())
    await waitFor(() => expect(seen.pages).toBe(1))
    expect(seen.items).toBe(20)
    let guard = 0
    while (seen.hasNext && guard++ < 50) {
      const before = seen.pages!
      await act(async () => void (await seen.fetchNext!()))
      await waitFor(() => expect(seen.pages).toBe(before + 1))
    }
    expect(seen.hasNext).toBe(false)
    expect(seen.pages).toBeGreaterThan(1)
    expect(seen.distinct).toBe(seen.items) // pages follow next_offset: no delegate twice, none skipped by overlap

    await act(async () => void (await seen.save!({ allocations: [{ projectId: 'p1', amount: '100' }] })))
    await waitFor(() => expect(seen.saved).toBe('SUBMITTED'))
  })
})
