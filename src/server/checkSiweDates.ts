import type { ParsedSiweMessage } from './parseAgoraSiweMessage.js'

/** The longest span between `Issued At` and `Expiration Time` the server accepts, in seconds. */
export const MAX_SIWE_TTL = 600

/** How far in the future `Issued At` may be, in seconds: a wallet's clock a minute ahead still signs in. */
export const MAX_SIWE_CLOCK_SKEW = 60

/**
 * The date checks of `auth/verify` in the real server's order, after the chain id (internal): the 401 reason, or
 * undefined when the dates are fine. Dates no honest client writes (no expiry, an expiry before the issue time, an
 * issue time from the future) are `Invalid SIWE message.`, as the real server answers a date it cannot use.
 * @example const reason = checkSiweDates(message, Date.now())
 */
export function checkSiweDates(message: Pick<ParsedSiweMessage, 'issuedAt' | 'expirationTime' | 'notBefore'>, now: number): string | undefined {
  const { issuedAt, expirationTime, notBefore } = message
  if (!expirationTime) return 'Invalid SIWE message.'
  const expiresBeforeIssued = expirationTime.getTime() < issuedAt.getTime()
  const issuedInTheFuture = issuedAt.getTime() > now + MAX_SIWE_CLOCK_SKEW * 1000
  if (expiresBeforeIssued || issuedInTheFuture) return 'Invalid SIWE message.'
  if (notBefore && notBefore.getTime() > now) return 'SIWE message is not active yet.'
  if (expirationTime.getTime() <= now) return 'SIWE message expired.'
  if (expirationTime.getTime() - issuedAt.getTime() > MAX_SIWE_TTL * 1000) return 'SIWE message TTL is too long.'
  return undefined
}
