import { describe, expect, it } from 'vitest'
import { assertSessionStoreParameters } from '../../../src/core/store/assertSessionStoreParameters.js'
import type { CreateSessionStoreParameters } from '../../../src/core/store/types.js'
import { createCountingWallet } from '../../helpers/countingWallet.js'

const valid: CreateSessionStoreParameters = { baseUrl: '/api/v1', signMessage: createCountingWallet().signMessage }

describe('assertSessionStoreParameters', () => {
  it('accepts a relative baseUrl (resolved on first use, not here) and every documented option', () => {
    expect(() => assertSessionStoreParameters(valid)).not.toThrow()
    const every = { storage: 'session', accountChangePolicy: 'switch', chainChangePolicy: 'keep', clockSkew: 0, siwe: { expirationTime: 600 } } as const
    expect(() => assertSessionStoreParameters({ ...valid, ...every })).not.toThrow()
  })
  it.each([
    ['a missing baseUrl', { baseUrl: undefined }],
    ['a signMessage that is no function', { signMessage: 'sign' }],
    ['an unknown storage', { storage: 'indexeddb' }],
    ['a null storage', { storage: null }],
    ['an unknown chainChangePolicy', { chainChangePolicy: 'ask' }],
    ['an unknown accountChangePolicy', { accountChangePolicy: 'keep' }],
    ['a clockSkew that is no number', { clockSkew: '30s' }],
    ['siwe.expirationTime 900', { siwe: { expirationTime: 900 } }],
  ])('refuses %s with a TypeError', (_, overrides) => {
    expect(() => assertSessionStoreParameters({ ...valid, ...overrides } as unknown as CreateSessionStoreParameters)).toThrow(TypeError)
  })
})
