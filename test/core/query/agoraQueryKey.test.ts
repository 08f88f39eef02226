import { QueryClient } from '@tanstack/react-query'
import { expect, it } from 'vitest'
import { agoraQueryKey } from '../../../src/core/query/agoraQueryKey.js'

const baseUrl = 'https://vote.example/api/v1/'
const alice = '0x00000000000000000000000000000000000a11ce'

it('is the fixed scope and one object, so a prefix of it matches every query below (TanStack partial match)', () => {
  const queryClient = new QueryClient()
  const proposals = agoraQueryKey({ baseUrl, path: 'proposals', params: { limit: 5 }, subject: alice })
  const delegates = agoraQueryKey({ baseUrl, path: 'delegates', params: {}, subject: null })
  const otherApi = agoraQueryKey({ baseUrl: 'https://other.example/api/v1/', path: 'proposals', params: {}, subject: null })
  for (const queryKey of [proposals, delegates, otherApi]) queryClient.setQueryData(queryKey, 'cached')
  expect(proposals).toEqual(['agora-auth', { baseUrl, path: 'proposals', params: { limit: 5 }, subject: alice }])

  const cachedKeys = (queryKey: readonly unknown[]) => queryClient.getQueryCache().findAll({ queryKey }).map((query) => query.queryKey)
  expect(cachedKeys(agoraQueryKey({ baseUrl }))).toEqual([proposals, delegates])
  expect(cachedKeys(agoraQueryKey({ baseUrl, path: 'proposals' }))).toEqual([proposals])
  expect(cachedKeys(agoraQueryKey({ baseUrl, path: 'proposals', params: { limit: 6 } }))).toEqual([])
})

it('the same request for two accounts is two cache entries', () => {
  const queryClient = new QueryClient()
  const forAlice = agoraQueryKey({ baseUrl, path: 'ballot', params: {}, subject: alice })
  const forBob = agoraQueryKey({ baseUrl, path: 'ballot', params: {}, subject: '0x0000000000000000000000000000000000000b0b' })
  queryClient.setQueryData(forAlice, 'alice')
  expect(queryClient.getQueryData(forBob)).toBeUndefined()
  expect(queryClient.getQueryData(forAlice)).toBe('alice')
})
