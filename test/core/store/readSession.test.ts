// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { readSession } from '../../../src/core/store/readSession.js'
import { alice } from '../../helpers/countingWallet.js'
import { signToken } from '../../helpers/tokens.js'
import { A as account, defaultRules as rules, notSessionsOfA } from './helpers.js'

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
  it.each<[string, () => Promise<unknown>]>([['no string', async () => 42], ...notSessionsOfA])('is undefined for %s', async (_, make) => {
    expect(readSession(await make(), account, rules)).toBeUndefined()
  })
  it("takes another chain's token when the chain does not matter, and a token that names no chain anywhere", async () => {
    expect(readSession(await signToken({ address: alice.address, chainId: 1 }), account, { ...rules, anyChain: true })).toBeDefined()
    const chainless = await signToken({ address: alice.address, siwe: undefined })
    expect(readSession(chainless, account, rules)?.chainId).toBeUndefined()
    expect(readSession(chainless, account, rules)).toBeDefined()
  })
})
