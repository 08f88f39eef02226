import { describe, expect, it } from 'vitest'
import { isForAccount } from '../../../src/core/store/isForAccount.js'
import { alice, bob } from '../../helpers/countingWallet.js'

const account = { address: alice.address, chainId: 10 }

describe('isForAccount', () => {
  it('is the same address in any case, on the same chain', () => {
    expect(isForAccount({ address: alice.address.toLowerCase(), chainId: 10 }, account, false)).toBe(true)
    expect(isForAccount({ address: bob.address, chainId: 10 }, account, false)).toBe(false)
  })
  it('another chain counts only when the chain does not matter', () => {
    expect(isForAccount({ address: alice.address, chainId: 1 }, account, false)).toBe(false)
    expect(isForAccount({ address: alice.address, chainId: 1 }, account, true)).toBe(true)
    expect(isForAccount({ address: bob.address, chainId: 10 }, account, true)).toBe(false)
  })
  it('an owner that names no chain (a token without a chain claim) is good on any chain', () => {
    expect(isForAccount({ address: alice.address, chainId: undefined }, account, false)).toBe(true)
    expect(isForAccount({ address: bob.address, chainId: undefined }, account, false)).toBe(false)
  })
})
