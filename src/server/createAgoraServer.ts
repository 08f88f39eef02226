import type { ServerContext } from './context.js'
import { createHostGuard } from './createHostGuard.js'
import { createServerContext } from './createServerContext.js'
import { createGateway } from './gateway/createGateway.js'
import { hashApiKey } from './hashApiKey.js'
import { readBody } from './readBody.js'
import { envelope, text } from './respond.js'
import { publicJwks, routeV0 } from './routesV0.js'
import { routeV1 } from './routesV1.js'
import type { AgoraRequestContext, AgoraServer, AgoraServerOptions } from './types.js'

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, '')

/** The 403 for a host outside `origins`, naming the option to set (as Vite's `allowedHosts` does). */
function hostNotAllowed(host: string, isV0: boolean): Response {
  const shown = JSON.stringify(host.slice(0, 100))
  const message =
    `Blocked request: the host ${shown} is not allowed. To allow it, add its origin to the \`origins\` option of ` +
    'createAgoraServer (agora-auth-server: --origin). With no `origins`, only localhost, 127.0.0.1 and [::1] are allowed.'
  return isV0 ? envelope(403, 'forbidden', message, { reason: 'host_not_allowed' }) : text(403, message)
}

/**
 * A local Agora server speaking both contracts (governance API under `prefix`, Public API v0 under `v0Prefix`)
 * as one Web-standard `fetch` handler: mount it in a Next.js route, Node (`listen`) or Vite (`agoraServerVitePlugin`).
 * It answers only for the hosts in `origins` (loopback when none are given).
 * @example
 * const server = createAgoraServer({ origins: ['https://app.example'], jwtSecret: process.env.AGORA_JWT_SECRET })
 * const response = await server.fetch(new Request('https://app.example/api/v1/auth/nonce'))
 */
export function createAgoraServer(options: AgoraServerOptions = {}): AgoraServer {
  const context: ServerContext = createServerContext(options)
  // Gateway mode: sign-in stays here, every other route below `prefix` goes to the upstream API.
  const gateway = options.upstream ? createGateway(context, options.upstream) : undefined
  const guardHost = createHostGuard({ origins: options.origins, trustProxy: options.trustProxy })
  const trustProxy = options.trustProxy ?? false

  /** The rate-limit key of an unauthenticated client: the adapter's socket address, or the proxy's last hop. */
  const clientAddressOf = (request: Request, requestContext: AgoraRequestContext) => {
    const forwardedFor = trustProxy ? request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined
    return forwardedFor || requestContext.clientAddress || 'unknown'
  }

  async function handle(request: Request, requestContext: AgoraRequestContext, isV0: boolean, host: string): Promise<Response> {
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
      host,
      clientAddress: clientAddressOf(request, requestContext),
      body,
    }
    // Gateway mode serves no local data: sign-in stays, the rest of v1 goes upstream, the local v0 (demo data) is off.
    if (gateway && isV0) return envelope(404, 'not_found', `No route ${url.pathname}: a gateway has no local Public API v0.`)
    if (gateway?.handles(route.path)) return gateway.answer(route)
    return isV0 ? routeV0(context, route) : routeV1(context, route)
  }

  async function answer(request: Request, requestContext: AgoraRequestContext): Promise<Response> {
    let isV0 = false
    try {
      const { pathname } = new URL(request.url)
      const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`)
      isV0 = under(context.v0Prefix)
      // Before anything else (a nonce above all): the host every SIWE check compares with must be one of ours.
      const { allowed, host } = guardHost(request)
      if (!allowed) return hostNotAllowed(host, isV0)
      if (!isV0 && !under(context.prefix)) return text(404, `Not found: ${pathname}`)
      return await handle(request, requestContext, isV0, host)
    } catch (error) {
      console.error('agora-auth server: unexpected error', error)
      return isV0 ? envelope(500, 'internal_error', 'Internal server error') : text(500, 'Internal server error')
    }
  }

  return {
    async fetch(request, requestContext = {}) {
      const response = await answer(request, requestContext)
      // Every response of both contracts carries CORS and a Request-Id (contract B requires it; A gains nothing by lacking it).
      const headers = new Headers(response.headers)
      headers.set('Access-Control-Allow-Origin', '*')
      headers.set('Access-Control-Expose-Headers', 'Request-Id, Retry-After, Upstream-Request-Id')
      headers.set('Request-Id', `req_${crypto.randomUUID().replaceAll('-', '')}`)
      const body = request.method === 'HEAD' ? null : response.body
      return new Response(body, { status: response.status, statusText: response.statusText, headers })
    },
    async createApiKey(record) {
      const key = crypto.randomUUID()
      const hash = await hashApiKey(key)
      await context.apiKeyStore.put(hash, { enabled: true, createdAt: new Date(context.now()).toISOString(), ...record })
      return { key, hash }
    },
    async revokeApiKey(keyOrHash) {
      const isHash = /^[0-9a-f]{64}$/i.test(keyOrHash)
      return context.apiKeyStore.setEnabled(isHash ? keyOrHash : await hashApiKey(keyOrHash), false)
    },
    jwtSecret: context.jwtSecret,
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
