import { InvalidTokenError } from '../errors/errors.js'

// One base64url segment → the JSON object in it, else undefined. The alphabet is checked first because atob also
// takes `+`, `/` and whitespace; atob then tolerates the padding a JWT leaves out.
const segment = (part = '') => {
  const value: unknown =
    /^[\w-]+={0,2}$/.test(part) &&
    JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(
        Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
      ),
    )
  // JSON.parse makes only plain objects and arrays, so "an object, not an array" is a JSON object.
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/**
 * The claims of a signed compact JWT, read without verifying the signature (only its issuer can); `InvalidTokenError`
 * for anything else: not 3 parts, an empty signature, `alg: none`, a header or payload that is not a JSON object.
 * @example const { exp } = decodeJwtPayload(token)
 */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  let payload: Record<string, unknown> | undefined
  try {
    const [header, body, signature, ...rest] = token.split('.')
    const alg = segment(header)?.alg
    // An unsigned token (`alg: none`, empty signature) can never be one a server issued.
    if (!rest.length && signature && alg && alg !== 'none') payload = segment(body)
  } catch (cause) {
    throw new InvalidTokenError(undefined, { cause })
  }
  if (!payload) throw new InvalidTokenError()
  return payload
}
