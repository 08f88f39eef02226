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
export type { AgoraJwtClaims, Register, Role, Session } from './core/session/types.js'
export type { Account, SessionState, SessionStatus, SignMessageFn } from './core/store/types.js'
