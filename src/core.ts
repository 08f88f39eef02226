// agora-auth/core — the engine without React: SIWE, sessions, roles, the HTTP client, the API-key flow.
export { AgoraAuthError } from './core/errors/AgoraAuthError.js'
export type { AgoraAuthErrorCode, AgoraAuthErrorParameters } from './core/errors/AgoraAuthError.js'
export {
  AbortedError,
  ForbiddenError,
  HttpError,
  InvalidResponseError,
  InvalidTokenError,
  NetworkError,
  NoWalletError,
  RateLimitedError,
  SessionExpiredError,
  TokenRevokedError,
  UnauthorizedError,
  UserRejectedError,
  VerificationFailedError,
} from './core/errors/errors.js'
export { errorFromResponseInfo, parseRetryAfter, readErrorResponse } from './core/http/readErrorResponse.js'
export type { ErrorResponseInfo } from './core/http/readErrorResponse.js'
export type { TokenSource } from './core/http/types.js'
export { createAgoraClient, defaultPublicRoutes } from './core/http/createAgoraClient.js'
export type { AgoraClient, AgoraRequestOptions, CreateAgoraClientParameters } from './core/http/createAgoraClient.js'
export { createApiKeyTokenSource } from './core/apiKey/createApiKeyTokenSource.js'
export type { CreateApiKeyTokenSourceParameters } from './core/apiKey/createApiKeyTokenSource.js'
export type { AgoraJwtClaims, Register, Role, Session } from './core/session/types.js'
export type { Account, SessionState, SessionStatus, SignMessageFn, StorageAdapter, SyncMessage } from './core/store/types.js'
export { AGORA_SIWE_STATEMENT, createAgoraSiweMessage } from './core/siwe/createAgoraSiweMessage.js'
export type { CreateAgoraSiweMessageParameters } from './core/siwe/createAgoraSiweMessage.js'
export { getNonce } from './core/siwe/getNonce.js'
export type { GetNonceParameters } from './core/siwe/getNonce.js'
export { verifySiwe } from './core/siwe/verifySiwe.js'
export type { VerifySiweParameters } from './core/siwe/verifySiwe.js'
export { decodeSessionToken } from './core/session/decodeSessionToken.js'
export type { DecodeSessionTokenOptions } from './core/session/decodeSessionToken.js'
export { parseRoles } from './core/session/parseRoles.js'
export { hasRole } from './core/session/hasRole.js'
export type { HasRoleOptions } from './core/session/hasRole.js'
export { ROLES } from './core/session/roles.js'
export { createSessionStore } from './core/store/createSessionStore.js'
export type { CreateSessionStoreParameters, SessionStore } from './core/store/createSessionStore.js'
export { createMemoryStorage } from './core/store/createMemoryStorage.js'
