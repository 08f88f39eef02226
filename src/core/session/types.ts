import type { Address } from 'viem'

/**
 * Augment to narrow role names across the library.
 * @example declare module 'agora-auth' { interface Register { role: 'reader:public' | 'badgeholder' } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an empty interface is the augmentation point
export interface Register {}

/** A role string from the token's `scope`; `string` unless narrowed through {@link Register}. */
export type Role = Register extends { role: infer R extends string } ? R : string

/** The claims an Agora governance JWT carries (contract A). */
export type AgoraJwtClaims = {
  sub: string
  scope?: string
  isBadgeholder?: boolean
  isCitizen?: boolean
  category?: string
  siwe?: { address: string; chainId: string; nonce: string }
  iat?: number
  nbf?: number
  exp: number
  [claim: string]: unknown
}

/** A signed-in session, decoded from its token; times are milliseconds since the epoch. */
export type Session = {
  token: string
  address: Address
  chainId: number | undefined
  roles: readonly Role[]
  claims: AgoraJwtClaims
  issuedAt: number | undefined
  expiresAt: number
}
