import { generateKeyPair } from 'jose'
import { createPublicClient, http } from 'viem'
import type { ServerContext } from './context.js'
import { createMemoryApiKeyStore } from './createMemoryApiKeyStore.js'
import { createMemoryNonceStore } from './createMemoryNonceStore.js'
import { createMemoryRateLimitStore } from './createMemoryRateLimitStore.js'
import { hashApiKey } from './hashApiKey.js'
import { envelope, text } from './respond.js'
import { publicJwks, routeV0 } from './routesV0.js'
import { routeV1 } from './routesV1.js'
import type { AgoraRequestContext, AgoraServer, AgoraServerOptions, SignatureVerifier, V0Key } from './types.js'

/** Chains a SIWE message may name by default: Ethereum, Optimism, Base, Sepolia, OP Sepolia, Anvil. */
export const DEFAULT_CHAINS = [1, 10, 8453, 11155111, 11155420, 31337] as const

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, '')
const normalizePrefix = (prefix: string) => `/${trimSlashes(prefix)}`

/** Reads at most `limit` bytes of the body; undefined when it is longer (no more is read). */
async function readBody(request: Request, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > limit) return undefined
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      return undefined
    }
    chunks.push(value)
  }
  const body = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    body.set(chunk, at)
    at += chunk.byteLength
  }
  return body
}

/**
 * A local Agora server speaking both contracts (governance API under `prefix`, Public API v0 under `v0Prefix`)
 * as one Web-standard `fetch` handler: mount it in a Next.js route, Node (`listen`) or Vite (`agoraServerVitePlugin`).
 * @example
 * const server = createAgoraServer({ demoRoles: { '0xAbc…': ['badgeholder'] } })
 * const response = await server.fetch(new Request('http://localhost/api/v1/auth/nonce'))
 */
export function createAgoraServer(options: AgoraServerOptions = {}): AgoraServer {
  const now = options.now ?? Date.now
  const secret = options.jwtSecret ?? crypto.getRandomValues(new Uint8Array(32))
  const jwtSecret = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret
  const demoRoles = new Map(Object.entries(options.demoRoles ?? {}).map(([address, roles]) => [address.toLowerCase(), roles]))
  const resolveRoles =
    options.resolveRoles ?? ((address: string) => ['reader:public', 'rf-demo-user', ...(demoRoles.get(address.toLowerCase()) ?? [])])
  const verifier: SignatureVerifier | undefined =
    options.publicClient ?? (options.rpcUrl ? createPublicClient({ transport: http(options.rpcUrl) }) : undefined)
  let v0Keys: Promise<readonly V0Key[]> | undefined
  const context: ServerContext = {
    prefix: normalizePrefix(options.prefix ?? '/api/v1'),
    v0Prefix: normalizePrefix(options.v0Prefix ?? '/v0'),
    chains: new Set(options.chains ?? DEFAULT_CHAINS),
    jwtSecret,
    jwtTtl: options.jwtTtl ?? 86_400,
    v0TokenTtl: options.v0TokenTtl ?? 900,
    bodyLimit: options.bodyLimit ?? 16_384,
    now,
    nonceStore: options.nonceStore ?? createMemoryNonceStore({ now }),
    apiKeyStore: options.apiKeyStore ?? createMemoryApiKeyStore(),
    rateLimitStore: options.rateLimitStore ?? createMemoryRateLimitStore(),
    rateLimit: options.rateLimit ?? { capacity: 300, refillPerSecond: 50 },
    verifier,
    resolveRoles: async (address) => resolveRoles(address),
    // Generated on first use, so creating a server stays synchronous and cheap.
    v0Keys: () =>
      (v0Keys ??= options.v0Keys?.length
        ? Promise.resolve(options.v0Keys)
        : generateKeyPair('RS256').then(({ privateKey, publicKey }) => [{ kid: 'agora-local-1', privateKey, publicKey }])),
    ballots: new Map(),
  }

  async function handle(request: Request, requestContext: AgoraRequestContext, isV0: boolean): Promise<Response> {
    const url = new URL(request.url)
    const prefix = isV0 ? context.v0Prefix : context.prefix
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
          // The preflight echoes what the browser asks for, as the real server does.
          'Access-Control-Allow-Headers': request.headers.get('access-control-request-headers') ?? 'Authorization, Content-Type',
          'Access-Control-Max-Age': '600',
        },
      })
    }
    const body = await readBody(request, context.bodyLimit)
    if (!body) {
      const message = `The request body is larger than ${context.bodyLimit} bytes.`
      return isV0 ? envelope(413, 'payload_too_large', message) : text(413, message)
    }
    const route = {
      request,
      url,
      path: trimSlashes(url.pathname.slice(prefix.length)),
      host: url.host,
      clientAddress: requestContext.clientAddress ?? 'unknown',
      body,
    }
    return isV0 ? routeV0(context, route) : routeV1(context, route)
  }

  return {
    async fetch(request, requestContext = {}) {
      let isV0 = false
      let response: Response
      try {
        const { pathname } = new URL(request.url)
        const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`)
        isV0 = under(context.v0Prefix)
        response = isV0 || under(context.prefix) ? await handle(request, requestContext, isV0) : text(404, `Not found: ${pathname}`)
      } catch (error) {
        console.error('agora-auth server: unexpected error', error)
        response = isV0 ? envelope(500, 'internal_error', 'Internal server error') : text(500, 'Internal server error')
      }
      // Every response of both contracts carries CORS and a Request-Id (contract B requires it; A gains nothing by lacking it).
      const headers = new Headers(response.headers)
      headers.set('Access-Control-Allow-Origin', '*')
      headers.set('Access-Control-Expose-Headers', 'Request-Id, Retry-After')
      headers.set('Request-Id', `req_${crypto.randomUUID().replaceAll('-', '')}`)
      return new Response(request.method === 'HEAD' ? null : response.body, { status: response.status, statusText: response.statusText, headers })
    },
    async createApiKey(record) {
      const key = crypto.randomUUID()
      const hash = await hashApiKey(key)
      await context.apiKeyStore.put(hash, { enabled: true, createdAt: new Date(now()).toISOString(), ...record })
      return { key, hash }
    },
    async revokeApiKey(keyOrHash) {
      return context.apiKeyStore.setEnabled(/^[0-9a-f]{64}$/i.test(keyOrHash) ? keyOrHash : await hashApiKey(keyOrHash), false)
    },
    jwtSecret,
    prefix: context.prefix,
    v0Prefix: context.v0Prefix,
    bodyLimit: context.bodyLimit,
    nonceStore: context.nonceStore,
    apiKeyStore: context.apiKeyStore,
    rateLimitStore: context.rateLimitStore,
    async jwks() {
      return { keys: await publicJwks(context) }
    },
  }
}
