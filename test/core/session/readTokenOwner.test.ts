// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { readTokenOwner } from '../../../src/core/session/readTokenOwner.js'
import { alice } from '../../helpers/countingWallet.js'
import { signToken } from '../../helpers/tokens.js'

describe('readTokenOwner', () => {
  it("reads a token's sub without verifying it", async () => {
    expect(readTokenOwner(await signToken({ address: alice.address }))).toBe(alice.address)
  })
  it('is undefined for no JWT, and for a JWT whose sub is no string', async () => {
    expect(readTokenOwner('garbage')).toBeUndefined()
    const [header, , signature] = (await signToken({ address: alice.address })).split('.')
    const numericSub = `${header}.${Buffer.from(JSON.stringify({ sub: 42 })).toString('base64url')}.${signature}`
    expect(readTokenOwner(numericSub)).toBeUndefined()
  })
})
