// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { readSession } from '../../../src/core/store/readSession.js'
import type { Session } from '../../../src/core/session/types.js'
import { alice, bob } from '../../helpers/countingWallet.js'
import { signToken } from '../../helpers/tokens.js'

const account = { address: alice.address, chainId: 10 }
const isFresh = (session: Session) => session.expiresAt - 30_000 > Date.now()
const rules = { anyChain: false, isFresh }

describe('readSession without an account (the server render)', () => {
  it('is undefined without a token, and for one that is no session token', () => {
    expect(readSession(undefined)).toBeUndefined()
    expect(readSession('not.a.token')).toBeUndefined()
  })
  it('is the session of a session token, even an expired one: expiry is judged later, where the clock may be read', async () => {
    const expired = await signToken({ address: alice.address, iat: Math.floor(Date.now() / 1000) - 90_000 })
    expect(readSession(expired)).toMatchObject({ token: expired, address: alice.address })
  })
})

describe('readSession for an account', () => {
  it("is the session of a fresh token of the account's", async () => {
    const token = await signToken({ address: alice.address })
    expect(readSession(token, account, rules)).toMatchObject({ token, address: alice.address, chainId: 10 })
  })
  it.each([
    ['no string', async () => 42],
    ['garbage', async () => 'garbage'],
    ['an expired token', async () => signToken({ address: alice.address, iat: Math.floor(Date.now() / 1000) - 90_000 })],
    ['a token within clockSkew of exp', async () => signToken({ address: alice.address, ttl: 20 })],
    ["another account's token", async () => signToken({ address: bob.address })],
    ["another chain's token", async () => signToken({ address: alice.address, chainId: 1 })],
  ])('is undefined for %s', async (_, make) => {
    expect(readSession(await make(), account, rules)).toBeUndefined()
  })
  it("takes another chain's token when the chain does not matter, and a token that names no chain anywhere", async () => {
    expect(readSession(await signToken({ address: alice.address, chainId: 1 }), account, { ...rules, anyChain: true })).toBeDefined()
    const chainless = await signToken({ address: alice.address, siwe: undefined })
    expect(readSession(chainless, account, rules)?.chainId).toBeUndefined()
    expect(readSession(chainless, account, rules)).toBeDefined()
  })
})
