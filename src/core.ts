// agora-auth/core — the engine without React: SIWE, sessions, roles, the HTTP client, the API-key flow.
export { AgoraAuthError } from './core/errors/AgoraAuthError.js'
export type { AgoraAuthErrorCode, AgoraAuthErrorParameters } from './core/errors/AgoraAuthError.js'
export * from './core/errors/errors.js'
export { errorFromResponseInfo } from './core/http/errorFromResponseInfo.js'
export { parseRetryAfter } from './core/http/parseRetryAfter.js'
export { readErrorResponse } from './core/http/readErrorResponse.js'
export type { ErrorResponseInfo } from './core/http/readErrorResponse.js'
export { authResponseMaxBytes, readBoundedText } from './core/http/readBoundedText.js'
export type { ReadBoundedTextErrorType, ReadBoundedTextParameters } from './core/http/readBoundedText.js'
export { resolveBaseUrl } from './core/http/resolveBaseUrl.js'
export type { TokenSource } from './core/http/types.js'
export { createAgoraClient } from './core/http/createAgoraClient.js'
export { defaultPublicRoutes } from './core/http/defaultPublicRoutes.js'
export type {
  AgoraClient,
  AgoraFetchErrorType,
  AgoraRequestErrorType,
  AgoraRequestOptions,
  CreateAgoraClientParameters,
} from './core/http/createAgoraClient.js'
// The Agora API document's types, and the one function that fills a path template.
export type { paths as AgoraPaths } from './core/openapi/generated.js'
export type {
  AgoraGetPath,
  AgoraListPath,
  AgoraListRequestArguments,
  AgoraMethod,
  AgoraPageItem,
  AgoraPath,
  AgoraPathFor,
  AgoraPathParameters,
  AgoraQueryParameters,
  AgoraRequestArguments,
  AgoraRequestBody,
  AgoraRequestParameters,
  AgoraResponse,
  AgoraUndocumentedPath,
  AgoraUntyped,
  AgoraUntypedPath,
  AgoraUntypedResponse,
} from './core/openapi/paths.js'
export type {
  AgoraPage,
  AgoraPageMeta,
  Delegate,
  DelegateChunk,
  DelegatePage,
  Proposal,
  ProposalPage,
  ProposalStatus,
  ProposalType,
  RetroFundingBallot,
  RetroFundingBallotInput,
  VotableSupply,
  Vote,
  VotePage,
  VoteSupport,
} from './core/openapi/types.js'
export { resolveAgoraPath } from './core/openapi/resolveAgoraPath.js'
export type { ResolveAgoraPathParameters } from './core/openapi/resolveAgoraPath.js'
export { createApiKeyTokenSource } from './core/apiKey/createApiKeyTokenSource.js'
export type { ApiKeyTokenSourceErrorType, CreateApiKeyTokenSourceParameters } from './core/apiKey/createApiKeyTokenSource.js'
export type { AgoraJwtClaims, Register, Role, Session } from './core/session/types.js'
export type { Account, SessionState, SessionStatus, SignMessageFn, StorageAdapter, SyncMessage } from './core/store/types.js'
export { AGORA_SIWE_STATEMENT, createAgoraSiweMessage } from './core/siwe/createAgoraSiweMessage.js'
export type { CreateAgoraSiweMessageParameters } from './core/siwe/createAgoraSiweMessage.js'
export { getNonce } from './core/siwe/getNonce.js'
export type { GetNonceParameters } from './core/siwe/getNonce.js'
export { verifySiwe } from './core/siwe/verifySiwe.js'
export type { VerifySiweParameters } from './core/siwe/verifySiwe.js'
export { signInWithSiwe } from './core/siwe/signInWithSiwe.js'
export type { SignInWithSiweErrorType, SignInWithSiweParameters, SignInWithSiweReturnType } from './core/siwe/signInWithSiwe.js'
export { decodeSessionToken } from './core/session/decodeSessionToken.js'
export type { DecodeSessionTokenOptions } from './core/session/decodeSessionToken.js'
export { parseRoles } from './core/session/parseRoles.js'
export { hasRole } from './core/session/hasRole.js'
export type { HasRoleOptions } from './core/session/hasRole.js'
export { ROLES } from './core/session/roles.js'
export { createSessionStore, RENEWED_TOKEN_REFUSED } from './core/store/createSessionStore.js'
export type { CreateSessionStoreParameters, SessionStore } from './core/store/createSessionStore.js'
export { createMemoryStorage } from './core/store/createMemoryStorage.js'
export { SESSION_COOKIE_NAME } from './core/cookie/sessionCookieName.js'
export { watchSessionCookie } from './core/cookie/watchSessionCookie.js'
export type { WatchSessionCookieParameters, WatchSessionCookieReturnType } from './core/cookie/watchSessionCookie.js'
export { agoraQueryKey } from './core/query/agoraQueryKey.js'
export type { AgoraQueryKey, AgoraQueryKeyParameters, AgoraQueryParams } from './core/query/agoraQueryKey.js'
export { agoraRetry } from './core/query/agoraRetry.js'
export type { AgoraRetryOption, AgoraRetryReturnType } from './core/query/agoraRetry.js'
export { getAgoraQuerySubject } from './core/query/getAgoraQuerySubject.js'
