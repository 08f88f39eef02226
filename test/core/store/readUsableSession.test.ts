// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { readUsableSession } from '../../../src/core/store/readUsableSession.js'
import { alice, bob } from '../../helpers/countingWallet.js'
import { signToken } from '../../helpers/tokens.js'

const account = { address: alice.address, chainId: 10 }
const judge = { account, now: Date.now(), clockSkew: 30_000, anyChain: false }

describe('readUsableSession', () => {
  it("is the session of a fresh token of the account's", async () => {
    const token = await signToken({ address: alice.address })
    expect(readUsableSession(token, judge)).toMatchObject({ token, address: alice.address, chainId: 10 })
  })
  it.each([
    ['no string', async () => 42],
    ['garbage', async () => 'garbage'],
    ['a token within clockSkew of exp', async () => signToken({ address: alice.address, ttl: 20 })],
    ["another account's token", async () => signToken({ address: bob.address })],
    ["another chain's token", async () => signToken({ address: alice.address, chainId: 1 })],
  ])('is undefined for %s', async (_, make) => {
    expect(readUsableSession(await make(), judge)).toBeUndefined()
  })
  it("takes another chain's token when the chain does not matter, and a token that names no chain anywhere", async () => {
    expect(readUsableSession(await signToken({ address: alice.address, chainId: 1 }), { ...judge, anyChain: true })).toBeDefined()
    const chainless = await signToken({ address: alice.address, siwe: undefined })
    expect(readUsableSession(chainless, judge)?.chainId).toBeUndefined()
    expect(readUsableSession(chainless, judge)).toBeDefined()
  })
})
