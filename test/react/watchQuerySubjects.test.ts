import { QueryClient } from '@tanstack/react-query'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { optimism } from 'viem/chains'
import { beforeEach, expect, it } from 'vitest'
import { agoraQueryKey } from '../../src/core/query/agoraQueryKey.js'
import { createSessionStore } from '../../src/core/store/createSessionStore.js'
import { watchQuerySubjects } from '../../src/react/watchQuerySubjects.js'
import { apiBase } from './harness.js'

let baseUrl: string
beforeEach(async () => {
  baseUrl = await apiBase()
  localStorage.clear()
})

it("drops an account's cached answers when its session ends; public answers and other APIs' stay", async () => {
  const wallet = privateKeyToAccount(generatePrivateKey())
  const store = createSessionStore({ baseUrl, sync: false, signMessage: ({ message }) => wallet.signMessage({ message }) })
  store.setAccount({ address: wallet.address, chainId: optimism.id })
  const { address } = await store.signIn()
  const queryClient = new QueryClient()
  const ballot = agoraQueryKey({ baseUrl, path: 'ballot', params: {}, subject: address })
  const supply = agoraQueryKey({ baseUrl, path: 'votable_supply', params: {}, subject: null })
  const elsewhere = agoraQueryKey({ baseUrl: 'https://other.example/api/v1/', path: 'ballot', params: {}, subject: address })
  for (const queryKey of [ballot, supply, elsewhere]) queryClient.setQueryData(queryKey, 'cached')
  const unwatch = watchQuerySubjects(store, baseUrl, queryClient)

  await store.reauthenticate() // a new token for the same account: its answers stay
  expect(queryClient.getQueryData(ballot)).toBe('cached')

  store.signOut()
  expect(queryClient.getQueryData(ballot)).toBeUndefined()
  expect(queryClient.getQueryData(supply)).toBe('cached')
  expect(queryClient.getQueryData(elsewhere)).toBe('cached')
  unwatch()
})
