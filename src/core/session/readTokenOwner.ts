import { decodeJwtPayload } from './decodeJwtPayload.js'

/**
 * The account a token names (`sub`), read without trusting it; `undefined` when it names none or is no JWT.
 * @example if (!isSameAddress(readTokenOwner(token) ?? address, address)) throw …
 */
export function readTokenOwner(token: string): string | undefined {
  try {
    const { sub } = decodeJwtPayload(token)
    return typeof sub === 'string' ? sub : undefined
  } catch {
    return undefined // not a JWT: it names no account
  }
}
