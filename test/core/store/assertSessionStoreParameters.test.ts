import { describe, expect, it } from 'vitest'
import { assertSessionStoreParameters } from '../../../src/core/store/assertSessionStoreParameters.js'
import type { CreateSessionStoreParameters } from '../../../src/core/store/types.js'
import { createCountingWallet } from '../../helpers/countingWallet.js'

const valid: CreateSessionStoreParameters = { baseUrl: '/api/v1', signMessage: createCountingWallet().signMessage }

// Only values the types cannot refuse are checked here; a wrong kind (an unknown storage or policy, a signMessage
// that is no function) is a compile error (test/types/options.test-d.ts), and `baseUrl` is checked where it is resolved.
describe('assertSessionStoreParameters', () => {
  it('accepts a relative baseUrl (resolved on first use, not here) and every documented option', () => {
    expect(() => assertSessionStoreParameters(valid)).not.toThrow()
    const every = { storage: 'session', accountChangePolicy: 'switch', chainChangePolicy: 'keep', clockSkew: 0, siwe: { expirationTime: 600 } } as const
    expect(() => assertSessionStoreParameters({ ...valid, ...every })).not.toThrow()
  })
  it.each([
    ['a negative clockSkew', { clockSkew: -1 }],
    ['an endless clockSkew', { clockSkew: Number.POSITIVE_INFINITY }],
    ['a clockSkew NaN', { clockSkew: Number.NaN }],
    ['siwe.expirationTime 900', { siwe: { expirationTime: 900 } }],
    ['a siwe.statement of two lines', { siwe: { statement: 'one\ntwo' } }],
  ])('refuses %s with a TypeError', (_, overrides) => {
    expect(() => assertSessionStoreParameters({ ...valid, ...overrides })).toThrow(TypeError)
  })
})
