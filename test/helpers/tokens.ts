// Real HS256 session JWTs with contract A's claims, for tests that need a token without signing in (stored
// entries, broadcasts, decoding). Sign-in itself goes through the local Agora server (test/core/store/helpers.ts).
import { SignJWT } from 'jose'
import { getAddress } from 'viem'

export const secret = new TextEncoder().encode('test-secret-of-at-least-32-bytes!!')

/** A real HS256 session JWT with the contract's claims; `iat`/`exp` in seconds. */
export function signToken(
  { address, chainId = 10, scope = 'reader:public;rf-demo-user', iat = Math.floor(Date.now() / 1000), ttl = 86_400, nonce = 'n0nce123', ...extra }:
    { address: string; chainId?: number; scope?: string; iat?: number; ttl?: number; nonce?: string } & Record<string, unknown>,
): Promise<string> {
  return new SignJWT({ scope, isBadgeholder: false, isCitizen: false, siwe: { address, chainId: String(chainId), nonce }, ...extra })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(getAddress(address))
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + ttl)
    .sign(secret)
}
