import { QueryClient, type UseMutationResult } from '@tanstack/react-query'
import { act, waitFor } from '@testing-library/react'
import { beforeEach, expect, it } from 'vitest'
import type { AgoraAuthError } from '../../../src/core/errors/AgoraAuthError.js'
import { UnauthorizedError } from '../../../src/core/errors/errors.js'
import type { RetroFundingBallot, RetroFundingBallotInput } from '../../../src/core/openapi/types.js'
import { useAgoraMutation } from '../../../src/react/hooks/useAgoraMutation.js'
import { useSession } from '../../../src/react/hooks/useSession.js'
import { freshPage, refusingFetch, renderSignedIn, serverRequests } from '../harness.js'

beforeEach(freshPage)

type Allocations = { allocations: { projectId: string; amount: string }[] }

it('posts the variables as JSON to the path made from them, with the token', async () => {
  const seen: { save?: (variables: Allocations & { address: string }) => Promise<unknown>; saved?: string } = {}
  function Ballot() {
    const save = useAgoraMutation<{ status: string }, Allocations & { address: string }>(
      ({ address }) => `retrofunding/rounds/5/ballots/${address}`,
    )
    seen.save = save.mutateAsync
    seen.saved = save.data?.status
    return null
  }
  const { session } = await renderSignedIn(<Ballot />)
  await serverRequests()
  await act(async () => {
    await seen.save!({ address: session.address, allocations: [{ projectId: 'p1', amount: '100' }] })
  })
  await waitFor(() => expect(seen.saved).toBe('SUBMITTED'))
  expect(await serverRequests()).toEqual([`POST /api/v1/retrofunding/rounds/5/ballots/${session.address}`])
})

it("an auth error is not retried even when the app's QueryClient retries mutations", async () => {
  // The local server has no route that refuses every token: the stub is that route.
  const refusing = refusingFetch('ballots/refused', { status: 401, body: { message: 'Unauthorized' } })
  const seen: { save?: () => Promise<unknown>; error?: unknown } = {}
  function Save() {
    const save = useAgoraMutation<unknown>('ballots/refused') // undocumented: typed by hand
    seen.save = () => save.mutateAsync({})
    seen.error = save.error
    return null
  }
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: 3, retryDelay: 0 } } })
  const { wagmi } = await renderSignedIn(<Save />, { provider: { fetch: refusing.fetch }, queryClient })
  await act(async () => {
    await seen.save!().catch(() => undefined)
  })
  await waitFor(() => expect(seen.error).toBeInstanceOf(UnauthorizedError))
  expect(wagmi.wallet.signatureCount).toBe(2) // the sign-in, and the one re-authentication on the 401
  expect(refusing.calls).toBe(2)
})

it('a documented template: the body is the document’s ballot input, the path is filled in when it runs, data is the ballot', async () => {
  const seen: { save?: UseMutationResult<RetroFundingBallot, AgoraAuthError, RetroFundingBallotInput>['mutateAsync']; saved?: RetroFundingBallot } = {}
  function Ballot() {
    // The address is not known before sign-in: the hook renders anyway, and fills the path in when it runs.
    const { session } = useSession()
    const save = useAgoraMutation('retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', {
      path: { roundId: 5, addressOrEnsName: session?.address ?? '' },
    })
    seen.save = save.mutateAsync
    seen.saved = save.data
    return null
  }
  const { session } = await renderSignedIn(<Ballot />)
  await serverRequests()
  await act(async () => {
    await seen.save!({ allocations: [{ projectId: 'p1', amount: '100' }] })
  })
  await waitFor(() => expect(seen.saved?.status).toBe('SUBMITTED'))
  expect(seen.saved).toMatchObject({ roundId: 5, allocations: [{ projectId: 'p1', amount: '100' }] })
  expect(seen.saved!.address.toLowerCase()).toBe(session.address.toLowerCase())
  expect(await serverRequests()).toEqual([`POST /api/v1/retrofunding/rounds/5/ballots/${session.address}`])
})

it('a path parameter still missing when the mutation runs rejects it with a TypeError, and nothing is sent', async () => {
  const seen: { save?: () => Promise<unknown> } = {}
  function Ballot() {
    const save = useAgoraMutation('retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', { path: { roundId: 5, addressOrEnsName: '' } })
    seen.save = () => save.mutateAsync({ allocations: [] })
    return null
  }
  await renderSignedIn(<Ballot />)
  await serverRequests()
  let rejection: unknown
  await act(async () => {
    rejection = await seen.save!().catch((error: unknown) => error)
  })
  expect(rejection).toBeInstanceOf(TypeError)
  expect((rejection as TypeError).message).toMatch(/'addressOrEnsName'/)
  expect(await serverRequests()).toEqual([])
})
