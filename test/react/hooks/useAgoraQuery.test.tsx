import { keepPreviousData, QueryClient } from '@tanstack/react-query'
import { act, waitFor } from '@testing-library/react'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { commands } from 'vitest/browser'
import { beforeEach, describe, expect, it } from 'vitest'
import { ForbiddenError, UnauthorizedError } from '../../../src/core/errors/errors.js'
import { getAgoraQuerySubject } from '../../../src/core/query/getAgoraQuerySubject.js'
import { useAgoraQuery } from '../../../src/react/hooks/useAgoraQuery.js'
import { useSession } from '../../../src/react/hooks/useSession.js'
import { count, freshPage, refusingFetch, renderConnected, renderSignedIn, serverRequests, urlOf } from '../harness.js'

beforeEach(freshPage)

describe('useAgoraQuery', () => {
  it('100 concurrent queries whose token the server no longer accepts → one prompt, one verify, 100 successes', async () => {
    const results: Record<number, { status: string; count?: number }> = {}
    function Row({ i }: { i: number }) {
      const { status, data } = useAgoraQuery('proposals', { params: { limit: 1, offset: i } })
      results[i] = { status, count: data?.meta.total_returned }
      return null
    }
    const { wagmi, rerender } = await renderSignedIn()
    // The server restarts with a new secret: the client's token still looks valid to it, the server refuses it.
    await commands.agoraServerRestart()
    await serverRequests()

    rerender(Array.from({ length: 100 }, (_, i) => <Row key={i} i={i} />))
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
    const seen: { supply?: unknown; proposals?: string } = {}
    function Data() {
      seen.supply = useAgoraQuery('votable_supply').data?.votable_supply
      seen.proposals = useAgoraQuery('proposals', { params: { limit: 2 } }).fetchStatus
      return null
    }
    const { api } = await renderConnected(<Data />)
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
    const renders: { session?: string; ballotOf?: string }[] = []
    function Ballot() {
      const { session } = useSession()
      const { data } = useAgoraQuery('retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', {
        path: { roundId: 5, addressOrEnsName: a },
        placeholderData: keepPreviousData,
      })
      renders.push({ session: session?.address, ballotOf: data?.address })
      return null
    }
    const { wagmi, api, queryClient } = await renderSignedIn(<Ballot />, {
      wallet: { privateKey: keyA },
      provider: { accountChangePolicy: 'switch' },
    })
    await waitFor(() => expect(renders.at(-1)!.ballotOf).toBe(a))

    act(() => wagmi.wallet.setAccount(generatePrivateKey()))
    await waitFor(() => expect(api.status).toBe('unauthenticated'))
    await act(() => api.signIn!.signInAsync())
    const b = api.session!.address
    await waitFor(() => expect(queryClient.isFetching()).toBe(0))
    expect(renders.filter((r) => r.session === b && r.ballotOf === a)).toEqual([])
    const subjects = queryClient.getQueryCache().getAll().map((query) => getAgoraQuerySubject(query.queryKey))
    expect(subjects).toContain(b) // the accessor reads real subjects, so the next line can fail
    expect(subjects).not.toContain(a)
  })

  it('403 is a ForbiddenError, never a re-authentication', async () => {
    const seen: { error?: unknown } = {}
    const other = privateKeyToAccount(generatePrivateKey()).address
    function Other() {
      seen.error = useAgoraQuery('retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', {
        path: { roundId: 5, addressOrEnsName: other },
      }).error
      return null
    }
    const { wagmi } = await renderSignedIn(<Other />)
    await waitFor(() => expect(seen.error).toBeInstanceOf(ForbiddenError))
    expect(seen.error).toMatchObject({ code: 'FORBIDDEN', status: 403, reason: 'Unauthorized' })
    expect(wagmi.wallet.signatureCount).toBe(1)
  })

  describe('retries', () => {
    it("a route that answers 401 to every token under TanStack's default retry: 3 → one prompt, no retries", async () => {
      const refusing = refusingFetch('proposals/refused', { status: 401, body: { message: 'Unauthorized' } })
      const seen: { status?: string; error?: unknown; attempts?: number } = {}
      function Refused() {
        const { status, error, failureCount } = useAgoraQuery<unknown>('proposals/refused') // undocumented: typed by hand
        seen.status = status
        seen.error = error
        seen.attempts = failureCount
        return null
      }
      const { wagmi, rerender } = await renderSignedIn(null, { provider: { fetch: refusing.fetch }, queryClient: new QueryClient() })
      expect(wagmi.wallet.signatureCount).toBe(1)

      rerender(<Refused />)
      // 'error' comes only once TanStack has given up: every retry it would make happens before it.
      await waitFor(() => expect(seen.status).toBe('error'), { timeout: 20_000 })
      expect(seen.error).toBeInstanceOf(UnauthorizedError)
      expect(wagmi.wallet.signatureCount - 1).toBe(1) // the one re-authentication the client makes on a 401
      expect(refusing.calls).toBe(2) // the request, and its one retry with the renewed token
      expect(seen.attempts).toBe(1)
    }, 30_000)

    it('a 5xx is retried under the default rule; the hook\'s own retry wins over the rule', async () => {
      // A server error on demand is something the local server cannot produce: the stub answers 500 once.
      const flaky = refusingFetch('votable_supply', { status: 500, body: { message: 'Internal error' }, times: 1 })
      const refusing = refusingFetch('proposals/refused', { status: 401, body: { message: 'Unauthorized' } })
      const seen: { supply?: string; refused?: string; refusedAttempts?: number } = {}
      function Data() {
        seen.supply = useAgoraQuery('votable_supply', { retryDelay: 0 }).status
        // The app's choice: retry even auth errors once.
        const refused = useAgoraQuery<unknown>('proposals/refused', { retry: 1, retryDelay: 0 })
        seen.refused = refused.status
        seen.refusedAttempts = refused.failureCount
        return null
      }
      const fetch: typeof window.fetch = (input, init) =>
        urlOf(input).endsWith('votable_supply') ? flaky.fetch(input, init) : refusing.fetch(input, init)
      const { rerender } = await renderSignedIn(null, { provider: { fetch }, queryClient: new QueryClient() })
      rerender(<Data />)
      await waitFor(() => expect(seen).toMatchObject({ supply: 'success', refused: 'error' }), { timeout: 20_000 })
      expect(flaky.calls).toBe(2) // the 500, then the success
      expect(seen.refusedAttempts).toBe(2) // the app's retry: 1 was applied
    }, 30_000)
  })
})
