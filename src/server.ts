// agora-auth/server — a local Agora-compatible server (contracts A and B) as Web-standard handlers.
// Web-standard only (runs on edge runtimes): the Node adapters live in `agora-auth/server/node` (src/serverNode.ts).
export { createAgoraServer } from './server/createAgoraServer.js'
export { DEFAULT_CHAINS } from './server/createServerContext.js'
export { createMemoryApiKeyStore } from './server/createMemoryApiKeyStore.js'
export { createMemoryNonceStore, type CreateMemoryNonceStoreParameters } from './server/createMemoryNonceStore.js'
export { createMemoryRateLimitStore, type CreateMemoryRateLimitStoreParameters } from './server/createMemoryRateLimitStore.js'
export { createRedisApiKeyStore } from './server/createRedisApiKeyStore.js'
export { createRedisNonceStore, type CreateRedisNonceStoreParameters } from './server/createRedisNonceStore.js'
export { createRedisRateLimitStore } from './server/createRedisRateLimitStore.js'
export { hashApiKey } from './server/hashApiKey.js'
export {
  getSession,
  type CookieStoreLike,
  type GetSessionErrorType,
  type GetSessionParameters,
  type GetSessionReturnType,
  type SessionSource,
} from './server/session/getSession.js'
export { parseAgoraSiweMessage, type ParsedSiweMessage } from './server/parseAgoraSiweMessage.js'
export { signAgoraJwt, type SignAgoraJwtParameters } from './server/signAgoraJwt.js'
export { AGORA_SIWE_STATEMENT } from './core/siwe/createAgoraSiweMessage.js'
export { MAX_SIWE_TTL } from './server/checkSiweDates.js'
export { V0_REQUIRED_CLAIMS, V0_TENANT } from './server/authenticateV0.js'
export type {
  AgoraRequestContext,
  AgoraServer,
  AgoraServerOptions,
  ApiKeyRecord,
  ApiKeyStore,
  NonceConsumeResult,
  NonceStore,
  RateLimit,
  RateLimitResult,
  RateLimitStore,
  RedisLike,
  SignatureVerifier,
  V0Key,
} from './server/types.js'
// Gateway mode (the `upstream` option): same-origin sign-in, upstream Agora data with the server's credential.
export { defaultGatewayRoutes } from './server/gateway/defaultGatewayRoutes.js'
export { createMemoryGatewayCache, type CreateMemoryGatewayCacheParameters } from './server/gateway/createMemoryGatewayCache.js'
export { createRedisGatewayCache, type CreateRedisGatewayCacheParameters } from './server/gateway/createRedisGatewayCache.js'
export type {
  AgoraUpstreamOptions,
  GatewayAccess,
  GatewayCache,
  GatewayCredential,
  GatewayErrorEvent,
  GatewayMethod,
  GatewayRoutePolicy,
  GatewayRoutes,
} from './server/gateway/types.js'
