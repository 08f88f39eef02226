import type { CreateAgoraSiweMessageParameters } from './createAgoraSiweMessage.js'

/** The parts of the SIWE message a caller may choose; the rest comes from the wallet and the server. */
export type SiweOptions = Pick<CreateAgoraSiweMessageParameters, 'statement' | 'domain' | 'uri' | 'expirationTime' | 'resources'>

// The Agora server refuses a message that lives longer than this (`SIWE message TTL is too long.`).
const maxExpirationSeconds = 600

/**
 * Throws a `TypeError` for SIWE option values the server could never accept, so that a caller's mistake is
 * reported before any request and never as the server's refusal. Only values are checked: the types already
 * refuse a wrong kind (internal: the store checks at creation, the actions before asking for a nonce).
 * @example assertSiweOptions({ expirationTime: 900 }) // TypeError
 */
export function assertSiweOptions({ expirationTime = maxExpirationSeconds, statement }: SiweOptions = {}): void {
  // NaN fails both comparisons, so it is refused too.
  const isValidLifetime = expirationTime > 0 && expirationTime <= maxExpirationSeconds
  if (!isValidLifetime) throw new TypeError(`siwe.expirationTime must be in (0, ${maxExpirationSeconds}] seconds, got ${expirationTime}.`)
  if (statement?.includes('\n')) throw new TypeError('siwe.statement must be one line.')
}
