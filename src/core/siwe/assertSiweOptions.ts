import type { CreateAgoraSiweMessageParameters } from './createAgoraSiweMessage.js'

/** The parts of the SIWE message a caller may choose; the rest comes from the wallet and the server. */
export type SiweOptions = Pick<CreateAgoraSiweMessageParameters, 'statement' | 'domain' | 'uri' | 'expirationTime' | 'resources'>

// The Agora server refuses a message that lives longer than this (`SIWE message TTL is too long.`).
const maxExpirationSeconds = 600

/**
 * Throws a `TypeError` for SIWE options the server could never accept, so that a caller's mistake is reported
 * before any request and never as the server's refusal (internal: the store checks at creation, the actions
 * before asking for a nonce).
 * @example assertSiweOptions({ expirationTime: 900 }) // TypeError
 */
export function assertSiweOptions(options: SiweOptions | undefined): void {
  if (options === undefined) return
  if (typeof options !== 'object' || options === null) throw new TypeError('siwe must be an object.')
  const { expirationTime, statement, domain, uri, resources } = options
  const isValidLifetime = typeof expirationTime === 'number' && expirationTime > 0 && expirationTime <= maxExpirationSeconds
  if (expirationTime !== undefined && !isValidLifetime)
    throw new TypeError(`siwe.expirationTime must be in (0, ${maxExpirationSeconds}] seconds, got ${String(expirationTime)}.`)
  for (const [name, value] of Object.entries({ statement, domain, uri }))
    if (value !== undefined && typeof value !== 'string') throw new TypeError(`siwe.${name} must be a string.`)
  if (statement?.includes('\n')) throw new TypeError('siwe.statement must be one line.')
  if (resources !== undefined && !(Array.isArray(resources) && resources.every((resource) => typeof resource === 'string')))
    throw new TypeError('siwe.resources must be an array of URIs.')
}
