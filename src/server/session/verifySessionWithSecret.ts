import { jwtVerify } from 'jose'
import { decodeSessionToken } from '../../core/session/decodeSessionToken.js'
import type { Session } from '../../core/session/types.js'

/**
 * The session in `token` if its HS256 signature is good for `secret` and it has not expired; else null (internal).
 * The algorithm is pinned, so `alg: none` or a token signed with the secret as an RS256 "public key" is refused.
 */
export async function verifySessionWithSecret(token: string, secret: Uint8Array, now: number): Promise<Session | null> {
  try {
    await jwtVerify(token, secret, { algorithms: ['HS256'], requiredClaims: ['exp'], currentDate: new Date(now) })
    return decodeSessionToken(token, { now })
  } catch {
    // A bad signature, a wrong algorithm, an expired or malformed token: all mean "not signed in".
    return null
  }
}
