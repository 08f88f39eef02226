import type { RouteRequest, ServerContext } from '../context.js'
import { json, text } from '../respond.js'
import { takeRateLimit } from '../takeRateLimit.js'
import { authorizeGatewayRoute } from './authorizeGatewayRoute.js'
import { compileGatewayRoutes } from './compileGatewayRoutes.js'
import { createGatewayCacheReader } from './createGatewayCacheReader.js'
import { createMemoryGatewayCache } from './createMemoryGatewayCache.js'
import { createUpstreamClient } from './createUpstreamClient.js'
import { defaultGatewayRoutes } from './defaultGatewayRoutes.js'
import { forwardToUpstream, type UpstreamAnswer, type UpstreamFailure } from './forwardToUpstream.js'
import { matchGatewayRoute } from './matchGatewayRoute.js'
import type { AgoraUpstreamOptions, GatewayErrorEvent, GatewayMethod } from './types.js'
import { upstreamFailureResponse } from './upstreamFailureResponse.js'

/** The routes a gateway serves itself (sign-in, for its own host); every other path below the prefix is the gateway's. */
const SERVED_LOCALLY = ['auth/nonce', 'auth/verify']

const DEFAULT_REQUEST_HEADERS = ['accept', 'accept-language', 'content-type', 'if-none-match', 'if-modified-since']
/** Request headers that carry the user's or the hop's identity: never passed upstream, whatever the options say. */
const NEVER_FORWARDED = ['authorization', 'cookie', 'proxy-authorization', 'host', 'x-forwarded-for', 'x-forwarded-host', 'forwarded']

/** The gateway of a server in gateway mode (internal). */
export type Gateway = {
  /** Whether the gateway answers this path (below the prefix); false for the sign-in routes. */
  handles(path: string): boolean
  /** Answers one request: policy, rate limit, cache, upstream. */
  answer(route: RouteRequest): Promise<Response>
}

const positive = (value: number, name: string) => {
  if (!(value > 0)) throw new TypeError(`createAgoraServer: upstream.${name} must be a positive number, not ${value}.`)
  return value
}

const warn = (event: GatewayErrorEvent) => {
  const requestId = event.upstreamRequestId ? `, upstream Request-Id ${event.upstreamRequestId}` : ''
  console.warn(`agora-auth gateway: ${event.code} (answered ${event.status}) on ${event.route}${requestId}`)
}

/**
 * Gateway mode (internal): the data routes of a server with `upstream` go to the upstream API with the server's
 * credential, after the route's policy and the rate limit; public GET answers are cached briefly. Options no gateway
 * could run with throw `TypeError` here, when the server is created.
 * @example const gateway = createGateway(context, { baseUrl: 'https://api.agora.example/v0', credential: { v0ApiKey } })
 */
export function createGateway(context: ServerContext, options: AgoraUpstreamOptions): Gateway {
  if (!options || typeof options.baseUrl !== 'string' || !/^https?:\/\//i.test(options.baseUrl))
    throw new TypeError('createAgoraServer: upstream.baseUrl must be an absolute http(s) URL.')
  const credential = options.credential ?? {}
  const defaults = 'v0ApiKey' in credential ? defaultGatewayRoutes.v0 : defaultGatewayRoutes.v1
  // The app's own templates are matched first, then the defaults it did not name.
  const ownRoutes = options.routes ?? {}
  const remainingDefaults = Object.fromEntries(Object.entries(defaults).filter(([template]) => !(template in ownRoutes)))
  const routes = [...compileGatewayRoutes(ownRoutes), ...compileGatewayRoutes(remainingDefaults)]
  const timeoutMs = positive(options.timeoutMs ?? 10_000, 'timeoutMs')
  const maxResponseBytes = positive(options.maxResponseBytes ?? 1024 * 1024, 'maxResponseBytes')
  const upstream = createUpstreamClient({ baseUrl: options.baseUrl, credential, fetch: options.fetch, now: context.now, timeoutMs })
  const requestHeaders = (options.requestHeaders ?? DEFAULT_REQUEST_HEADERS).map((name) => name.toLowerCase())
  const forbidden = requestHeaders.find((name) => NEVER_FORWARDED.includes(name))
  if (forbidden) throw new TypeError(`createAgoraServer: upstream.requestHeaders must not pass on ${forbidden}.`)
  const cacheOptions = options.cache === false ? undefined : (options.cache ?? {})
  const readCached = cacheOptions
    ? createGatewayCacheReader({ cache: cacheOptions.store ?? createMemoryGatewayCache({ now: context.now }), ttlMs: cacheOptions.ttlMs ?? 5_000 })
    : undefined
  const onError = options.onError ?? warn

  async function answer({ request, url, path, body, clientAddress }: RouteRequest): Promise<Response> {
    const match = matchGatewayRoute(routes, path)
    if (!match) return text(404, `Not found: ${url.pathname}`)
    const method = (request.method === 'HEAD' ? 'GET' : request.method) as GatewayMethod
    if (!match.route.methods.includes(method)) return text(405, `Method ${request.method} not allowed`, { Allow: match.route.methods.join(', ') })
    const caller = await authorizeGatewayRoute(context, request, match)
    if (caller instanceof Response) return caller
    const retryAfter = await takeRateLimit(context, caller?.rateKey ?? `ip:${clientAddress}`, context.rateLimit)
    if (retryAfter !== undefined) return json(429, { message: 'Too many requests.' }, { 'Retry-After': String(retryAfter) })

    const upstreamPath = `${match.upstreamPath}${url.search}`
    const load = () => forwardToUpstream({ upstream, request, body, upstreamPath, requestHeaders, timeoutMs, maxResponseBytes })
    const isPublic = match.route.policy.access === 'public'
    // Only what anyone may read is shared between callers; a session's answers never enter the cache.
    const isShared = isPublic && method === 'GET' && readCached !== undefined
    // Keyed by the full upstream URL: gateways to different upstreams may share one Redis.
    const result = isShared ? await readCached(`${upstream.baseUrl}${upstreamPath}`, load) : await load()
    if (result.kind === 'failure') return reportFailure(result, match.route.template)
    return toResponse(result, isPublic)
  }

  function reportFailure(failure: UpstreamFailure, route: string): Response {
    const response = upstreamFailureResponse(failure)
    try {
      onError({ code: failure.code, status: response.status, upstreamRequestId: failure.upstreamRequestId, route })
    } catch {
      // A failing listener must not turn the gateway's answer into a 500.
    }
    return response
  }

  return { handles: (path) => !SERVED_LOCALLY.includes(path), answer }
}

/** The browser's answer for the upstream's: its status, body and allowed headers; upstream's Request-Id kept apart. */
function toResponse(answer: UpstreamAnswer, isPublic: boolean): Response {
  const headers = new Headers(answer.headers)
  if (answer.upstreamRequestId) headers.set('Upstream-Request-Id', answer.upstreamRequestId)
  // An answer for a session is that user's: no shared cache (a CDN, a proxy) may keep it.
  if (!isPublic) headers.set('Cache-Control', 'private, no-store')
  const hasNoBody = answer.status === 204 || answer.status === 304
  return new Response(hasNoBody ? null : answer.body, { status: answer.status, headers })
}
