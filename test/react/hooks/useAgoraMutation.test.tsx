import { QueryClient } from '@tanstack/react-query'
import { act, waitFor } from '@testing-library/react'
import { beforeEach, expect, it } from 'vitest'
import { UnauthorizedError } from '../../../src/core/errors/errors.js'
import { useAgoraMutation } from '../../../src/react/hooks/useAgoraMutation.js'
import { apiBase, makeSignIn, makeWagmi, refusingFetch, renderAgora, serverRequests } from '../harness.js'

let baseUrl: string
beforeEach(async () => {
  baseUrl = await apiBase()
  localStorage.clear()
  await serverRequests()
})

type Allocations = { allocations: { projectId: string; amount: string }[] }

it('posts the variables as JSON to the path made from them, with the token', async () => {
  const wagmi = makeWagmi()
  const { SignIn, api } = makeSignIn()
  const seen: { save?: (variables: Allocations & { address: string }) => Promise<unknown>; saved?: string } = {}
  function Ballot() {
    const save = useAgoraMutation<{ status: string }, Allocations & { address: string }>(
      ({ address }) => `retrofunding/rounds/5/ballots/${address}`,
    )
    seen.save = save.mutateAsync
    seen.saved = save.data?.status
    return null
  }
  renderAgora(
    <>
      <SignIn />
      <Ballot />
    </>,
    { wagmi, provider: { baseUrl } },
  )
  await wagmi.connect()
  const session = await act(() => api.signIn!.signInAsync())
  await serverRequests()
  await act(async () => {
    await seen.save!({ address: session.address, allocations: [{ projectId: 'p1', amount: '100' }] })
  })
  await waitFor(() => expect(seen.saved).toBe('SUBMITTED'))
  expect(await serverRequests()).toEqual([`POST /api/v1/retrofunding/rounds/5/ballots/${session.address}`])
})

it("an auth error is not retried even when the app's QueryClient retries mutations", async () => {
  const wagmi = makeWagmi()
  const { SignIn, api } = makeSignIn()
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
  renderAgora(
    <>
      <SignIn />
      <Save />
    </>,
    { wagmi, provider: { baseUrl, fetch: refusing.fetch }, queryClient },
  )
  await wagmi.connect()
  await act(() => api.signIn!.signInAsync())
  await act(async () => {
    await seen.save!().catch(() => undefined)
  })
  await waitFor(() => expect(seen.error).toBeInstanceOf(UnauthorizedError))
  expect(wagmi.wallet.signatureCount).toBe(2) // the sign-in, and the one re-authentication on the 401
  expect(refusing.calls).toBe(2)
})
