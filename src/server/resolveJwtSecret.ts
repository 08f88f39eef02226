/** The shortest HS256 secret accepted, in bytes (the Agora docs' own minimum). */
export const MIN_JWT_SECRET_BYTES = 32

/**
 * The HS256 secret as bytes (internal): 32 random bytes when none is given; a `TypeError` for an empty or short one,
 * so a misconfigured deployment fails at startup rather than answering every verify with a 500.
 * @example const secret = resolveJwtSecret(process.env.AGORA_JWT_SECRET)
 */
export function resolveJwtSecret(secret: string | Uint8Array | undefined): Uint8Array {
  if (secret === undefined) return crypto.getRandomValues(new Uint8Array(MIN_JWT_SECRET_BYTES))
  if (typeof secret !== 'string' && !(secret instanceof Uint8Array))
    throw new TypeError(`jwtSecret must be a string or a Uint8Array, got ${typeof secret}`)
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret
  if (bytes.byteLength === 0) throw new TypeError('jwtSecret is empty: set AGORA_JWT_SECRET, or leave jwtSecret out for a random one')
  if (bytes.byteLength < MIN_JWT_SECRET_BYTES)
    throw new TypeError(`jwtSecret is ${bytes.byteLength} bytes; at least ${MIN_JWT_SECRET_BYTES} are needed (e.g. \`openssl rand -base64 32\`)`)
  return bytes
}
