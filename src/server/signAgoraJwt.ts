import { base64url } from 'jose'
import { getAddress } from 'viem'

/** What an Agora governance JWT is made from. */
export type SignAgoraJwtParameters = {
  address: string
  roles: readonly string[]
  chainId: number
  nonce: string
  secret: Uint8Array
  /** Seconds since the epoch. */
  issuedAt: number
  /** Seconds. */
  ttl: number
}

/** The protected header of every token, exactly as jose's `SignJWT` writes it; encoded once. */
const PROTECTED_HEADER = base64url.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))

const encoder = new TextEncoder()

/**
 * Each secret's HMAC key, imported once (given the bytes, jose imports the key again on every call: about half the
 * cost of a token). The bytes are kept beside the key and compared on each use, so a caller who refills the same
 * array with another secret gets a token signed with the new one, never with a stale key.
 */
const hmacKeys = new WeakMap<Uint8Array, { bytes: Uint8Array; key: Promise<CryptoKey> }>()

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, index) => byte === b[index])

function hmacKeyOf(secret: Uint8Array): Promise<CryptoKey> {
  const cached = hmacKeys.get(secret)
  if (cached && sameBytes(cached.bytes, secret)) return cached.key
  const bytes = secret.slice()
  const key = crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  hmacKeys.set(secret, { bytes, key })
  return key
}

/**
 * Signs a contract A JWT (HS256) with the claims the real server issues, in its order; `category` is the
 * upper-cased name of the first `category:` role (`category:governance_analytics` → `GOVERNANCE_ANALYTICS`).
 * @example await signAgoraJwt({ address, roles: ['reader:public'], chainId: 10, nonce, secret, issuedAt, ttl: 86400 })
 */
export async function signAgoraJwt(parameters: SignAgoraJwtParameters): Promise<string> {
  const { roles, chainId, nonce, secret, issuedAt, ttl } = parameters
  const address = getAddress(parameters.address)
  const category = roles.find((role) => role.startsWith('category:'))
  const claims = {
    sub: address,
    scope: roles.join(';'),
    isBadgeholder: roles.includes('badgeholder'),
    isCitizen: roles.includes('citizen'),
    ...(category ? { category: category.slice('category:'.length).toUpperCase() } : {}),
    siwe: { address, chainId: String(chainId), nonce },
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + ttl,
  }
  // The compact JWS (RFC 7515) written here rather than by jose's `SignJWT`, which deep-copies the claims and checks
  // the key again on every call; the token is the same, byte for byte.
  const signingInput = `${PROTECTED_HEADER}.${base64url.encode(JSON.stringify(claims))}`
  const signature = await crypto.subtle.sign('HMAC', await hmacKeyOf(secret), encoder.encode(signingInput))
  return `${signingInput}.${base64url.encode(new Uint8Array(signature))}`
}
