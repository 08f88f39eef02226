import { decodeSessionToken } from '../session/decodeSessionToken.js'
import type { Session } from '../session/types.js'
import { isForAccount } from './isForAccount.js'
import type { Account } from './types.js'

/** What makes a session usable besides its account: the store's rules, one object for the store's lifetime. */
export type SessionRules = {
  /** The chain does not matter (`chainChangePolicy: 'keep'`). */
  anyChain: boolean
  /** Whether a session is good for more than the clock skew. */
  isFresh(session: Session): boolean
}

/**
 * The session in `token` if it is a well-formed session token, else `undefined`; given an `account`, also only if it
 * belongs to that account and is fresh by the `rules`. For tokens the store did not just receive from the server:
 * stored ones, another tab's, the server render's (which, read without an account, reads no clock) (internal).
 * @example const session = readSession(storage.get(key), account, { anyChain: false, isFresh })
 */
export function readSession(token: unknown): Session | undefined
export function readSession(token: unknown, account: Account, rules: SessionRules): Session | undefined
export function readSession(token: unknown, account?: Account, rules?: SessionRules): Session | undefined {
  if (typeof token !== 'string') return undefined
  let session: Session
  try {
    // Expiry is judged by `isFresh` below: the one rule for it, and no clock read without an account.
    session = decodeSessionToken(token, { checkExpiry: false })
  } catch {
    return undefined // malformed: not usable, and the caller drops it
  }
  if (!account || !rules) return session
  return rules.isFresh(session) && isForAccount(session, account, rules.anyChain) ? session : undefined
}
