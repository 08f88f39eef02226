import { SignJWT } from 'jose'
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

/**
 * Signs a contract A JWT (HS256) with the claims the real server issues, in its order; `category` is the
 * upper-cased name of the first `category:` role (`category:governance_analytics` → `GOVERNANCE_ANALYTICS`).
 * @example await signAgoraJwt({ address, roles: ['reader:public'], chainId: 10, nonce, secret, issuedAt, ttl: 86400 })
 */
export async function signAgoraJwt(parameters: SignAgoraJwtParameters): Promise<string> {
  const { roles, chainId, nonce, secret, issuedAt, ttl } = parameters
  const address = getAddress(parameters.address)
  const category = roles.find((role) => role.startsWith('category:'))
  return new SignJWT({
    sub: address,
    scope: roles.join(';'),
    isBadgeholder: roles.includes('badgeholder'),
    isCitizen: roles.includes('citizen'),
    ...(category ? { category: category.slice('category:'.length).toUpperCase() } : {}),
    siwe: { address, chainId: String(chainId), nonce },
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + ttl,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(secret)
}
