import { expect, it } from 'vitest'
import { agoraQueryKey } from '../../../src/core/query/agoraQueryKey.js'
import { getAgoraQuerySubject } from '../../../src/core/query/getAgoraQuerySubject.js'

const baseUrl = 'https://vote.example/api/v1/'
const alice = '0x00000000000000000000000000000000000a11ce'

it('reads the subject of a data-hook key by name: the address, null for a public route', () => {
  expect(getAgoraQuerySubject(agoraQueryKey({ baseUrl, path: 'ballot', subject: alice }))).toBe(alice)
  expect(getAgoraQuerySubject(agoraQueryKey({ baseUrl, path: 'votable_supply', subject: null }))).toBeNull()
  expect(getAgoraQuerySubject(agoraQueryKey({ baseUrl }))).toBeNull()
})

it('is undefined for keys that are not the data hooks\' own', () => {
  expect(getAgoraQuerySubject(['todos', 1])).toBeUndefined()
  expect(getAgoraQuerySubject(['agora-auth'])).toBeUndefined()
  expect(getAgoraQuerySubject(['agora-auth', null])).toBeUndefined()
  expect(getAgoraQuerySubject([])).toBeUndefined()
})
