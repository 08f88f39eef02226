import type { Address, Client, Hex } from 'viem'
import type { AgoraUpstreamOptions } from './gateway/types.js'

/** What a nonce store answers when a nonce is consumed: the host it was issued for, or why it cannot be used. */
export type NonceConsumeResult = { host: string } | 'used' | 'unknown'

/** Where SIWE nonces live between `auth/nonce` and `auth/verify`; `consume` must be atomic across instances. */
export type NonceStore = {
  /** Remembers `nonce` for `ttlSeconds`, together with the host of the request that asked for it. */
  put(nonce: string, host: string, ttlSeconds: number): Promise<void>
  /** Marks the nonce used and returns its host; exactly one concurrent caller ever gets the host. */
  consume(nonce: string): Promise<NonceConsumeResult>
}

/** An API key as stored: never the key itself, only its SHA-256 (the map key) and this record. */
export type ApiKeyRecord = {
  email: string
  address: string
  chainId: number
  description: string
  enabled: boolean
  /** ISO date-time. */
  createdAt: string
}

/** API keys by the lowercase SHA-256 hex digest of the key. */
export type ApiKeyStore = {
  get(hash: string): Promise<ApiKeyRecord | undefined>
  put(hash: string, record: ApiKeyRecord): Promise<void>
  /** Enables or disables a key; false when there is no such key. */
  setEnabled(hash: string, enabled: boolean): Promise<boolean>
}

/** Token-bucket parameters: a bucket holds `capacity` requests and refills `refillPerSecond` per second. */
export type RateLimit = { capacity: number; refillPerSecond: number }

/** The answer of a rate-limit store: allowed, or wait `retryAfter` seconds. */
export type RateLimitResult = { allowed: boolean; remaining: number; retryAfter: number }

/** Token buckets by key (an API key hash, an address or a client IP). */
export type RateLimitStore = {
  /** Takes one token from the bucket `key`; `now` is in milliseconds. */
  take(key: string, limit: RateLimit, now: number): Promise<RateLimitResult>
}

/**
 * The part of an ioredis client the Redis stores use; an `ioredis` `Redis` or `Cluster` instance fits.
 * @example createRedisNonceStore(new Redis(process.env.REDIS_URL))
 */
export type RedisLike = {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<unknown>
}

/** Verifies a signature for an EOA or a smart-contract wallet (EIP-1271/6492); a viem `PublicClient` fits. */
export type SignatureVerifier = {
  verifyMessage(args: { address: Address; message: string; signature: Hex }): Promise<boolean>
}

/** One RS256 signing key of the Public API v0; the first of `v0Keys` signs, all of them verify. */
export type V0Key = { kid: string; privateKey: CryptoKey; publicKey: CryptoKey }

/** Options of {@link createAgoraServer}; every one has a default suitable for local development and tests. */
export type AgoraServerOptions = {
  /** HS256 secret for contract A JWTs, at least 32 bytes (an empty or shorter one throws `TypeError`). Default: 32 random bytes per instance. */
  jwtSecret?: string | Uint8Array
  /** Lifetime of contract A JWTs in seconds. Default: 86 400. */
  jwtTtl?: number
  /** Path prefix of contract A. Default: `/api/v1`. */
  prefix?: string
  /** Path prefix of contract B. Default: `/v0`. */
  v0Prefix?: string
  /** Chain ids a SIWE message may name. Default: 1, 10, 8453, 11155111, 11155420, 31337. */
  chains?: readonly number[]
  /** Extra roles by address (any case), added to `reader:public` and `rf-demo-user` by the default `resolveRoles`. */
  demoRoles?: Readonly<Record<string, readonly string[]>>
  /** Roles of a signed-in address. Default: `reader:public`, `rf-demo-user`, then `demoRoles[address]`. */
  resolveRoles?: (address: Address) => readonly string[] | Promise<readonly string[]>
  /** Default: an in-memory store (one instance only). */
  nonceStore?: NonceStore
  /** Default: an in-memory store. */
  apiKeyStore?: ApiKeyStore
  /** Default: an in-memory store. */
  rateLimitStore?: RateLimitStore
  /** JSON-RPC URL for smart-contract wallet signatures on chains without an `rpc` entry. Default: none. */
  rpcUrl?: string
  /** A viem public client (or anything with `verifyMessage`) for chains without an `rpc` entry; wins over `rpcUrl`. */
  publicClient?: SignatureVerifier
  /**
   * Where to check smart-contract wallet signatures (EIP-1271, EIP-6492, then Safe's message hash), per chain id:
   * a JSON-RPC URL or a viem client. EOA signatures never reach it. Default: none (EOA signatures only, offline).
   * @example rpc: { 10: 'https://mainnet.optimism.io', 8453: createPublicClient({ chain: base, transport: http() }) }
   */
  rpc?: Readonly<Record<number, string | Client>>
  /** Milliseconds the chain gets to check one contract-wallet signature (URLs: no retries), then the sign-in fails. Default: 5000. */
  rpcTimeout?: number
  /** RS256 keys of contract B. Default: one key pair generated at startup with kid `agora-local-1`. */
  v0Keys?: readonly V0Key[]
  /** Lifetime of contract B session JWTs in seconds. Default: 900. */
  v0TokenTtl?: number
  /** Token bucket per API key / address / client IP on data routes and all of v0; `false` disables. Default: 300 burst, 50/s. */
  rateLimit?: RateLimit | false
  /**
   * Token bucket per client IP on `auth/nonce` and `auth/verify` (same store as `rateLimit`); `false` disables.
   * Default: 60 burst, 10/s; off when `rateLimit` is `false`.
   */
  authRateLimit?: RateLimit | false
  /**
   * The hosts this server answers for: origins (`https://app.example`, that host and port) or host names
   * (`app.example`, any port). Any other `Host` gets 403 before a nonce is made, and the SIWE domain, URI and nonce
   * are checked against the request's (allowed) host. Default (also for an empty list): loopback only
   * (`localhost`, `127.0.0.1`, `[::1]`).
   */
  origins?: readonly string[]
  /**
   * Behind a reverse proxy: read the host from `X-Forwarded-Host` and the client address (rate limits) from the
   * last `X-Forwarded-For` entry. Only when the proxy sets both. Default: false (the `Host` header, else the URL).
   */
  trustProxy?: boolean
  /** Clock in milliseconds. Default: `Date.now`. */
  now?: () => number
  /** Largest accepted request body in bytes. Default: 16 384. */
  bodyLimit?: number
  /**
   * Gateway mode: `auth/nonce` and `auth/verify` stay on this server (for its own host); every other route below
   * `prefix` is forwarded to this upstream API with the server's credential, after the route's policy. Default: none.
   */
  upstream?: AgoraUpstreamOptions
}

/** Per-request facts an adapter knows and a `Request` does not. */
export type AgoraRequestContext = {
  /** The client's IP address, used as the rate-limit key of unauthenticated requests. */
  clientAddress?: string
}

/** A local Agora server: a Web-standard `fetch` handler plus its stores. */
export type AgoraServer = {
  /** Answers one request; never throws. */
  fetch(request: Request, context?: AgoraRequestContext): Promise<Response>
  /** Creates and stores an API key, returning the key (show it once) and its SHA-256. */
  createApiKey(record: Omit<ApiKeyRecord, 'enabled' | 'createdAt'> & Partial<ApiKeyRecord>): Promise<{ key: string; hash: string }>
  /** Disables an API key given the key or its SHA-256; false when unknown. */
  revokeApiKey(keyOrHash: string): Promise<boolean>
  /** The HS256 secret contract A JWTs are signed with (tests sign their own tokens with it). */
  readonly jwtSecret: Uint8Array
  readonly prefix: string
  readonly v0Prefix: string
  /** Largest accepted request body in bytes. */
  readonly bodyLimit: number
  readonly nonceStore: NonceStore
  readonly apiKeyStore: ApiKeyStore
  readonly rateLimitStore: RateLimitStore
  /** The public keys of contract B as a JWK set. */
  jwks(): Promise<{ keys: Record<string, unknown>[] }>
}
