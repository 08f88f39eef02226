import { type Address, getAddress, isAddress } from 'viem'
import { InvalidTokenError, SessionExpiredError } from '../errors/errors.js'
import { decodeJwtPayload } from './decodeJwtPayload.js'
import { parseRoles } from './parseRoles.js'
import type { AgoraJwtClaims, Session } from './types.js'

export type DecodeSessionTokenOptions = {
  /** Milliseconds since the epoch to judge expiry against; default `Date.now()`. */
  now?: number
  /**
   * Default `true`; `false` reads the token without judging its expiry and without reading the clock (a render
   * must be deterministic: the caller judges `expiresAt` later, where time may be read).
   */
  checkExpiry?: boolean
}

/**
 * Reads a session JWT without verifying its signature (only the server can); a typed error for anything that is
 * not a well-formed, unexpired Agora session token.
 * @example const session = decodeSessionToken(token) // { address, chainId, roles, expiresAt, … }
 */
export function decodeSessionToken(token: string, { now, checkExpiry = true }: DecodeSessionTokenOptions = {}): Session {
  const claims = decodeJwtPayload(token) as AgoraJwtClaims
  const { sub, exp, iat, scope, siwe } = claims
  if (typeof sub !== 'string' || !isAddress(sub, { strict: false })) throw new InvalidTokenError('The token names no account.')
  const expiresAt = exp * 1000
  if (typeof exp !== 'number' || !Number.isFinite(expiresAt)) throw new InvalidTokenError('The token has no expiry.')
  // The clock is read only when expiry is judged.
  if (checkExpiry && expiresAt <= (now ?? Date.now())) throw new SessionExpiredError()
  const chainId = Number(siwe?.chainId)
  return {
    token,
    address: getAddress(sub) as Address,
    chainId: Number.isSafeInteger(chainId) && chainId > 0 ? chainId : undefined,
    roles: parseRoles(scope), // a scope that is not a string gives no roles
    claims,
    issuedAt: Number.isFinite(iat) ? (iat as number) * 1000 : undefined, // Number.isFinite does not coerce
    expiresAt,
  }
}
