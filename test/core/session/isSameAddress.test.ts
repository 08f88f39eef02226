import { describe, expect, it } from 'vitest'
import { isSameAddress } from '../../../src/core/session/isSameAddress.js'

const checksummed = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

describe('isSameAddress', () => {
  it('ignores case', () => {
    expect(isSameAddress(checksummed.toLowerCase(), checksummed)).toBe(true)
    expect(isSameAddress(checksummed.toUpperCase().replace('0X', '0x'), checksummed)).toBe(true)
  })
  it('tells different addresses apart', () => {
    expect(isSameAddress('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', checksummed)).toBe(false)
  })
  it.each([undefined, null, 42, {}, [checksummed]])('is false for %s, which is no string', (value) => {
    expect(isSameAddress(value, checksummed)).toBe(false)
  })
})
