/**
 * The credential the gateway keeps for the upstream: a Public API v0 key (exchanged for session JWTs) or a v1 API key.
 * @example { v0ApiKey: process.env.AGORA_API_KEY! }
 */
export type GatewayCredential = { v0ApiKey: string } | { v1ApiKey: string }

/**
 * The methods a gateway route may forward (HEAD is answered as GET).
 * @example { access: 'session', methods: ['GET', 'POST'] satisfies GatewayMethod[] }
 */
export type GatewayMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Who may call a gateway route: anyone, any signed-in user, or a signed-in user holding one of the roles.
 * @example { access: { anyRole: ['badgeholder', 'citizen'] } }
 */
export type GatewayAccess = 'public' | 'session' | { anyRole: readonly string[] }

/**
 * What the gateway enforces on one route before the upstream is asked.
 * @example { access: { anyRole: ['badgeholder', 'rf-demo-user'] }, ownAddress: 'address', methods: ['GET', 'POST'] }
 */
export type GatewayRoutePolicy = {
  access: GatewayAccess
  /** A path parameter of the route (`address` for `{address}`) that must be the signed-in caller's own address. */
  ownAddress?: string
  /** The methods forwarded. Default: `['GET']`. */
  methods?: readonly GatewayMethod[]
}

/**
 * Routes by path template below the prefix (`proposals/{proposalId}`): a policy, or `false` to remove a default one.
 * @example { proposals: { access: 'public' }, 'contracts/token': false }
 */
export type GatewayRoutes = Readonly<Record<string, GatewayRoutePolicy | false>>

/**
 * Where public upstream answers are cached for a short time; `set` replaces, entries expire after `ttlMs`.
 * @example const cache: GatewayCache = createRedisGatewayCache(new Redis(process.env.REDIS_URL))
 */
export type GatewayCache = {
  get(key: string): Promise<string | undefined>
  set(key: string, value: string, ttlMs: number): Promise<void>
}

/**
 * A failure the gateway answered for the upstream (502/504/429): said to the server's operator, never the key.
 * @example upstream: { baseUrl, credential, onError: (event) => metrics.increment(`gateway.${event.code}`) }
 */
export type GatewayErrorEvent = {
  /** The code of the gateway's answer: `upstream_unauthorized`, `upstream_unreachable`, `upstream_timeout`, … */
  code: string
  /** The status the client got. */
  status: number
  /** The upstream's `Request-Id`, when it answered. */
  upstreamRequestId?: string
  /** The gateway's route template. */
  route: string
}

/**
 * Gateway mode of `createAgoraServer`: sign-in and sessions stay on this server; the data routes go to `baseUrl`.
 * @example
 * createAgoraServer({ origins: ['https://dapp.example'], upstream: { baseUrl: 'https://api.agora.example/v0', credential: { v0ApiKey: process.env.AGORA_API_KEY! } } })
 */
export type AgoraUpstreamOptions = {
  /** The upstream API base: a Public API v0 base with `v0ApiKey`, a governance API base (`…/api/v1`) with `v1ApiKey`. */
  baseUrl: string
  /** Kept on the server: never sent to a browser, never logged. */
  credential: GatewayCredential
  /**
   * Matched first, then the defaults for the credential's API (`defaultGatewayRoutes.v0` / `.v1`) not named here (a
   * default is replaced, or removed with `false`, by its exact template); any other path answers 404.
   */
  routes?: GatewayRoutes
  /** How long one upstream answer (token exchange included) may take, in ms; then 504. Default: 10 000. */
  timeoutMs?: number
  /** The largest upstream body passed on, in bytes; a larger one is a 502. Default: 1 048 576. */
  maxResponseBytes?: number
  /** Public GET answers (200) kept for `ttlMs` (default 5 000) in `store` (default: in memory); `false`: no cache. */
  cache?: { ttlMs?: number; store?: GatewayCache } | false
  /** Request headers passed upstream besides the credential. Default: `accept`, `accept-language`, `content-type`, `if-none-match`, `if-modified-since`. */
  requestHeaders?: readonly string[]
  /** The `fetch` the upstream is asked with. Default: the global `fetch`. */
  fetch?: typeof fetch
  /** Told about each failure of the upstream. Default: one `console.warn` line (code, status, route, upstream Request-Id). */
  onError?: (event: GatewayErrorEvent) => void
}
