// @vitest-environment node
import { jwtVerify, SignJWT } from 'jose'
import { getAddress } from 'viem'
import { describe, expect, it } from 'vitest'
import { signAgoraJwt, type SignAgoraJwtParameters } from '../../src/server.js'

const address = '0x5b38da6a701c568545dcfcb03fcb875f56beddc4'
const secretOf = (text: string) => new TextEncoder().encode(text.padEnd(32, '.'))
const base = { address, chainId: 10, nonce: 'abcdefgh12', issuedAt: 1_764_000_000, ttl: 86_400 }

/** The token as jose's `SignJWT` writes it from the same claims: what signAgoraJwt wrote before it signed by hand. */
async function signedByJose({ roles, chainId, nonce, secret, issuedAt, ttl }: SignAgoraJwtParameters) {
  const checksummed = getAddress(address)
  const category = roles.find((role) => role.startsWith('category:'))
  return new SignJWT({
    sub: checksummed,
    scope: roles.join(';'),
    isBadgeholder: roles.includes('badgeholder'),
    isCitizen: roles.includes('citizen'),
    ...(category ? { category: category.slice('category:'.length).toUpperCase() } : {}),
    siwe: { address: checksummed, chainId: String(chainId), nonce },
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + ttl,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(secret)
}

describe('signAgoraJwt', () => {
  it.each([
    { roles: ['reader:public', 'rf-demo-user'] },
    { roles: ['reader:public', 'badgeholder', 'citizen', 'category:governance_analytics', 'category:other'] },
    { roles: [] },
  ])('writes the same token as jose, byte for byte (roles $roles)', async ({ roles }) => {
    const parameters = { ...base, roles, secret: secretOf('a-server-secret') }
    expect(await signAgoraJwt(parameters)).toBe(await signedByJose(parameters))
  })

  it('signs with the bytes the secret holds now, even when the caller refills the same array', async () => {
    const secret = secretOf('the-first-secret')
    const first = await signAgoraJwt({ ...base, roles: ['reader:public'], secret })
    secret.set(secretOf('the-second-secret'))
    const second = await signAgoraJwt({ ...base, roles: ['reader:public'], secret })
    await expect(jwtVerify(first, secretOf('the-first-secret'), { currentDate: new Date(base.issuedAt * 1000) })).resolves.toBeTruthy()
    await expect(jwtVerify(second, secretOf('the-second-secret'), { currentDate: new Date(base.issuedAt * 1000) })).resolves.toBeTruthy()
    await expect(jwtVerify(second, secretOf('the-first-secret'), { currentDate: new Date(base.issuedAt * 1000) })).rejects.toThrow()
  })

  it('keeps the keys of two secrets apart', async () => {
    const one = await signAgoraJwt({ ...base, roles: ['reader:public'], secret: secretOf('secret-one') })
    const two = await signAgoraJwt({ ...base, roles: ['reader:public'], secret: secretOf('secret-two') })
    expect(one.split('.').slice(0, 2)).toEqual(two.split('.').slice(0, 2))
    expect(one.split('.')[2]).not.toBe(two.split('.')[2])
    await expect(jwtVerify(two, secretOf('secret-two'), { currentDate: new Date(base.issuedAt * 1000) })).resolves.toBeTruthy()
  })
})
