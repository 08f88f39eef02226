// @vitest-environment node
import { expect, it } from 'vitest'
import { resolveAgoraPath } from '../../src/core/openapi/resolveAgoraPath.js'

it('fills each placeholder with its URI-encoded parameter', () => {
  expect(resolveAgoraPath('proposals/{proposalId}/votes', { proposalId: '42' })).toBe('proposals/42/votes')
  expect(resolveAgoraPath('retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', { roundId: 5, addressOrEnsName: '0xAbC' })).toBe(
    'retrofunding/rounds/5/ballots/0xAbC',
  )
  expect(resolveAgoraPath('delegates/{addressOrEnsName}', { addressOrEnsName: 'a/b?c' })).toBe('delegates/a%2Fb%3Fc')
  expect(resolveAgoraPath('proposals')).toBe('proposals')
})

it('throws TypeError for a missing or empty parameter, and never reads inherited properties', () => {
  expect(() => resolveAgoraPath('proposals/{proposalId}')).toThrow(TypeError)
  expect(() => resolveAgoraPath('proposals/{proposalId}', { proposalId: '' })).toThrow(/proposalId/)
  expect(() => resolveAgoraPath('delegates/{toString}', {})).toThrow(TypeError)
})
