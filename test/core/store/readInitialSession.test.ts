// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { readInitialSession } from '../../../src/core/store/readInitialSession.js'
import { alice } from '../../helpers/countingWallet.js'
import { signToken } from '../../helpers/tokens.js'

describe('readInitialSession', () => {
  it('is loading without a token, and for one that is no session token', () => {
    expect(readInitialSession(undefined)).toEqual({ status: 'loading', session: null, error: null })
    expect(readInitialSession('not.a.token')).toEqual({ status: 'loading', session: null, error: null })
  })
  it('is authenticated with a session token, even an expired one: expiry is judged later, where the clock may be read', async () => {
    const expired = await signToken({ address: alice.address, iat: Math.floor(Date.now() / 1000) - 90_000 })
    expect(readInitialSession(expired)).toMatchObject({ status: 'authenticated', session: { token: expired, address: alice.address }, error: null })
  })
})
