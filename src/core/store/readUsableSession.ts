import { decodeSessionToken } from '../session/decodeSessionToken.js'
import type { Session } from '../session/types.js'
import { isForAccount } from './isForAccount.js'
import type { Account } from './types.js'

export type ReadUsableSessionParameters = {
  /** The account the session must belong to. */
  account: Account
  /** Now, in milliseconds since the epoch. */
  now: number
  /** A token that expires within this many milliseconds counts as expired already. */
  clockSkew: number
  /** The chain does not matter (`chainChangePolicy: 'keep'`). */
  anyChain: boolean
}

/**
 * The session in `token` if it is well formed, belongs to `account` and is good for `clockSkew` ms more; else
 * `undefined`. For tokens the store did not just receive from the server: stored ones, another tab's, the server
 * render's (internal).
 * @example const session = readUsableSession(storage.get(key), { account, now: Date.now(), clockSkew, anyChain })
 */
export function readUsableSession(token: unknown, { account, now, clockSkew, anyChain }: ReadUsableSessionParameters): Session | undefined {
  if (typeof token !== 'string') return undefined
  let session: Session
  try {
    session = decodeSessionToken(token, { now: now + clockSkew })
  } catch {
    return undefined // malformed or expired: not usable, and the caller drops it
  }
  // A token without a chain claim is good on any chain.
  const tokenNamesNoChain = session.chainId === undefined
  return isForAccount(session, account, anyChain || tokenNamesNoChain) ? session : undefined
}
