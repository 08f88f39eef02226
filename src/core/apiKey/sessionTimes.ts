import { InvalidResponseError } from '../errors/InvalidResponseError.js'

export type SessionTimesParameters = {
  /** The session JWT's claims: `exp` is required, `iat` is the server's clock when it issued the token. */
  claims: { exp?: unknown; iat?: unknown }
  /** The exchange answer's `Date`, in ms: the server's clock when `iat` is missing. */
  serverDate: number | undefined
  /** Our clock when the answer arrived, in ms. */
  receivedAt: number
  /** How long before expiry to refresh, in ms. */
  refreshMargin: number
}

export type SessionTimesReturnType = {
  /** On our clock: when the server stops accepting the token. */
  expiresAt: number
  /** On our clock: when to start exchanging for the next one. */
  refreshAt: number
}

/**
 * When a fresh session JWT expires and should be refreshed, on our clock, judged from the server's own clock (its
 * `iat`, else the answer's `Date`): a client clock 1,000 s ahead or behind neither exchanges on every request nor
 * sends an expired token (internal).
 * @example sessionTimes({ claims: { iat, exp }, serverDate: undefined, receivedAt: Date.now(), refreshMargin: 60_000 })
 */
export function sessionTimes({ claims, serverDate, receivedAt, refreshMargin }: SessionTimesParameters): SessionTimesReturnType {
  const { exp, iat } = claims
  if (typeof exp !== 'number') throw new InvalidResponseError('No session JWT with an exp.')
  const serverNow = typeof iat === 'number' ? iat * 1000 : (serverDate ?? receivedAt)
  // Our clock minus the server's; the network's delay counts as age, which only makes the refresh a little earlier.
  const clockOffset = receivedAt - serverNow
  const expiresAt = exp * 1000 + clockOffset
  if (expiresAt <= receivedAt) throw new InvalidResponseError('The session JWT had expired when it arrived.')
  // Halfway through a lifetime shorter than twice the margin, so a short TTL does not refresh on every call.
  const refreshAt = Math.max(expiresAt - refreshMargin, (receivedAt + expiresAt) / 2)
  return { expiresAt, refreshAt }
}
