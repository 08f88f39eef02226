import { decodeJwt } from 'jose'
import { type Address, getAddress, isAddress } from 'viem'
import { InvalidTokenError, SessionExpiredError } from '../errors/errors.js'
import { parseRoles } from './parseRoles.js'
import type { AgoraJwtClaims, Session } from './types.js'

export type DecodeSessionTokenOptions = {
  /** Milliseconds since the epoch to judge expiry against; default `Date.now()`. */
  now?: number
}

/**
 * Reads a session JWT without verifying its signature (only the server can); a typed error for anything that is
 * not a well-formed, unexpired Agora session token.
 * @example const session = decodeSessionToken(token) // { address, chainId, roles, expiresAt, … }
 */
export function decodeSessionToken(token: string, { now = Date.now() }: DecodeSessionTokenOptions = {}): Session {
  let claims: AgoraJwtClaims
  try {
    // decodeJwt also rejects encrypted (5-part) tokens and payloads that are not JSON objects.
    claims = decodeJwt(token) as AgoraJwtClaims
    // An unsigned token (`alg: none`, empty signature) can never be one the server issued. The header is read
    // with decodeJwt too (moved into the payload slot): cheaper than pulling in jose's decodeProtectedHeader.
    const [header, , signature] = token.split('.')
    const { alg } = decodeJwt(`.${header}.`)
    if (!signature || !alg || alg === 'none') throw 0
  } catch (cause) {
    throw new InvalidTokenError(undefined, { cause })
  }
  const { sub, exp, iat, scope, siwe } = claims
  if (typeof sub !== 'string' || !isAddress(sub, { strict: false }))
    throw new InvalidTokenError('The token names no account.')
  if (typeof exp !== 'number' || !Number.isFinite(exp * 1000)) throw new InvalidTokenError('The token has no expiry.')
  if (exp * 1000 <= now) throw new SessionExpiredError()
  const chainId = Number((siwe as { chainId?: unknown } | undefined)?.chainId)
  return {
    token,
    address: getAddress(sub) as Address,
    chainId: Number.isSafeInteger(chainId) && chainId > 0 ? chainId : undefined,
    roles: parseRoles(typeof scope === 'string' ? scope : undefined),
    claims,
    issuedAt: typeof iat === 'number' && Number.isFinite(iat) ? iat * 1000 : undefined,
    expiresAt: exp * 1000,
  }
}
