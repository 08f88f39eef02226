'use client'
// agora-auth — the React entry: provider, hooks, components, and the parts of core a browser dApp uses with
// them (errors, roles, types). Everything else, and all Node-only code, is in agora-auth/core.
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
export type { AgoraClient, AgoraRequestOptions } from './core/http/createAgoraClient.js'
export { hasRole } from './core/session/hasRole.js'
export type { HasRoleOptions } from './core/session/hasRole.js'
export { ROLES } from './core/session/roles.js'
export type { AgoraJwtClaims, Register, Role, Session } from './core/session/types.js'
export type { Account, SessionState, SessionStatus, StorageAdapter } from './core/store/types.js'
export { AgoraAuthProvider } from './react/AgoraAuthProvider.js'
export type { AgoraAuthProviderProps } from './react/AgoraAuthProvider.js'
export { useHasRole } from './react/hooks/useHasRole.js'
export { useRoles } from './react/hooks/useRoles.js'
export { useSession } from './react/hooks/useSession.js'
export { useSignIn } from './react/hooks/useSignIn.js'
export type { UseSignInReturnType } from './react/hooks/useSignIn.js'
export { useSignOut } from './react/hooks/useSignOut.js'
export { useAgoraFetch } from './react/hooks/useAgoraFetch.js'
export { useAgoraInfiniteQuery } from './react/hooks/useAgoraInfiniteQuery.js'
export type { AgoraPage, UseAgoraInfiniteQueryOptions } from './react/hooks/useAgoraInfiniteQuery.js'
export { useAgoraMutation } from './react/hooks/useAgoraMutation.js'
export type { UseAgoraMutationOptions } from './react/hooks/useAgoraMutation.js'
export { useAgoraQuery } from './react/hooks/useAgoraQuery.js'
export type { UseAgoraQueryOptions } from './react/hooks/useAgoraQuery.js'
export { RequireRole } from './react/components/RequireRole.js'
export type { RequireRoleProps } from './react/components/RequireRole.js'
export { SessionBadge } from './react/components/SessionBadge.js'
export type { SessionBadgeProps } from './react/components/SessionBadge.js'
export { SignedIn, SignedOut } from './react/components/SignedIn.js'
export type { GateProps } from './react/components/SignedIn.js'
export { SignInButton } from './react/components/SignInButton.js'
export type { SignInButtonProps } from './react/components/SignInButton.js'
