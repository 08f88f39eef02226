import { generateKeyPair } from 'jose'
import { createPublicClient, http } from 'viem'
import type { ServerContext } from './context.js'
import { createMemoryApiKeyStore } from './createMemoryApiKeyStore.js'
import { createMemoryNonceStore } from './createMemoryNonceStore.js'
import { createMemoryRateLimitStore } from './createMemoryRateLimitStore.js'
import { resolveJwtSecret } from './resolveJwtSecret.js'
import type { AgoraServerOptions, RateLimit, SignatureVerifier, V0Key } from './types.js'

/** Chains a SIWE message may name by default: Ethereum, Optimism, Base, Sepolia, OP Sepolia, Anvil. */
export const DEFAULT_CHAINS = [1, 10, 8453, 11155111, 11155420, 31337] as const

/** Data routes and all of v0, per API key / address / client: generous for a UI, a wall for a loop. */
const DEFAULT_RATE_LIMIT: RateLimit = { capacity: 300, refillPerSecond: 50 }

/** `auth/nonce` and `auth/verify` per client: 30 sign-ins at once, then 5 a second (each is a nonce and a verify). */
const DEFAULT_AUTH_RATE_LIMIT: RateLimit = { capacity: 60, refillPerSecond: 10 }

/** How long the chain gets to check one contract-wallet signature: a sign-in fails in seconds, never minutes. */
const DEFAULT_RPC_TIMEOUT = 5_000

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, '')
const normalizePrefix = (prefix: string) => `/${trimSlashes(prefix)}`

/**
 * Resolves a server's options into what the routes use, with their defaults (internal); throws `TypeError` for an
 * option no server could run with (an empty or short `jwtSecret`).
 * @example const context = createServerContext({ jwtSecret: process.env.AGORA_JWT_SECRET })
 */
export function createServerContext(options: AgoraServerOptions): ServerContext {
  const now = options.now ?? Date.now
  const demoRoles = new Map(Object.entries(options.demoRoles ?? {}).map(([address, roles]) => [address.toLowerCase(), roles]))
  const resolveRoles =
    options.resolveRoles ?? ((address: string) => ['reader:public', 'rf-demo-user', ...(demoRoles.get(address.toLowerCase()) ?? [])])
  const rpcTimeout = options.rpcTimeout ?? DEFAULT_RPC_TIMEOUT
  if (!(rpcTimeout > 0)) throw new TypeError('createAgoraServer: `rpcTimeout` must be a positive number of milliseconds.')
  // A URL gives up after `rpcTimeout` and never retries: viem's default (10 s, three retries) held a sign-in 41 s.
  const rpcClient = (url: string) => createPublicClient({ transport: http(url, { timeout: rpcTimeout, retryCount: 0 }) })
  const verifier: SignatureVerifier | undefined = options.publicClient ?? (options.rpcUrl ? rpcClient(options.rpcUrl) : undefined)
  const rpc = Object.entries(options.rpc ?? {}).map(([chainId, client]) => [Number(chainId), typeof client === 'string' ? rpcClient(client) : client] as const)
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT
  const rateLimitIsOff = rateLimit === false
  let v0Keys: Promise<readonly V0Key[]> | undefined
  const generateV0Keys = async (): Promise<readonly V0Key[]> => {
    const { privateKey, publicKey } = await generateKeyPair('RS256')
    return [{ kid: 'agora-local-1', privateKey, publicKey }]
  }
  return {
    prefix: normalizePrefix(options.prefix ?? '/api/v1'),
    v0Prefix: normalizePrefix(options.v0Prefix ?? '/v0'),
    chains: new Set(options.chains ?? DEFAULT_CHAINS),
    jwtSecret: resolveJwtSecret(options.jwtSecret),
    jwtTtl: options.jwtTtl ?? 86_400,
    v0TokenTtl: options.v0TokenTtl ?? 900,
    bodyLimit: options.bodyLimit ?? 16_384,
    now,
    nonceStore: options.nonceStore ?? createMemoryNonceStore({ now }),
    apiKeyStore: options.apiKeyStore ?? createMemoryApiKeyStore(),
    rateLimitStore: options.rateLimitStore ?? createMemoryRateLimitStore(),
    rateLimit,
    authRateLimit: options.authRateLimit ?? (rateLimitIsOff ? false : DEFAULT_AUTH_RATE_LIMIT),
    verifier,
    rpc: new Map(rpc),
    rpcTimeout,
    resolveRoles: async (address) => resolveRoles(address),
    // Generated on first use, so creating a server stays synchronous and cheap.
    v0Keys: () => {
      v0Keys ??= options.v0Keys?.length ? Promise.resolve(options.v0Keys) : generateV0Keys()
      return v0Keys
    },
    ballots: new Map(),
  }
}
