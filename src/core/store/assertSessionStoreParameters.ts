import { assertSiweOptions } from '../siwe/assertSiweOptions.js'
import type { CreateSessionStoreParameters } from './types.js'

/**
 * Throws a `TypeError` for option values the store could never work with, when the store is created: a caller's
 * mistake is reported before any request, never as a failed sign-in (internal to createSessionStore). Only values
 * the types cannot refuse are checked; `baseUrl` is checked where it is resolved, before any request.
 * @example assertSessionStoreParameters({ baseUrl, signMessage, siwe: { expirationTime: 900 } }) // TypeError
 */
export function assertSessionStoreParameters({ clockSkew, siwe }: CreateSessionStoreParameters): void {
  const isValidClockSkew = clockSkew === undefined || (Number.isFinite(clockSkew) && clockSkew >= 0)
  if (!isValidClockSkew) throw new TypeError(`clockSkew must be 0 or more milliseconds, got ${clockSkew}.`)
  assertSiweOptions(siwe)
}
