import type { Address, Client } from 'viem'
import type { ApiKeyStore, NonceStore, RateLimit, RateLimitStore, SignatureVerifier, V0Key } from './types.js'

/** Everything a route handler needs, resolved once per server from its options (internal). */
export type ServerContext = {
  prefix: string
  v0Prefix: string
  chains: ReadonlySet<number>
  jwtSecret: Uint8Array
  jwtTtl: number
  v0TokenTtl: number
  bodyLimit: number
  now: () => number
  nonceStore: NonceStore
  apiKeyStore: ApiKeyStore
  rateLimitStore: RateLimitStore
  rateLimit: RateLimit | false
  /** The bucket of `auth/nonce` and `auth/verify` per client. */
  authRateLimit: RateLimit | false
  verifier: SignatureVerifier | undefined
  /** Clients for contract-wallet signatures by chain id, and the time one check may take. */
  rpc: ReadonlyMap<number, Client>
  rpcTimeout: number
  resolveRoles: (address: Address) => Promise<readonly string[]>
  v0Keys: () => Promise<readonly V0Key[]>
  ballots: Map<string, unknown>
}

/** One request as the routes see it (internal). */
export type RouteRequest = {
  request: Request
  url: URL
  /** The path after the prefix, without leading or trailing slashes. */
  path: string
  host: string
  clientAddress: string
  /** The body, at most `bodyLimit` bytes (checked before any route runs). */
  body: Uint8Array
}
