// agora-auth — the React entry: provider, hooks, components, and the parts of core a browser dApp uses with
// them (errors, roles, types). Everything else, and all Node-only code, is in agora-auth/core.
// No 'use client' here: each React module carries its own, so that the pure helpers (hasRole, parseRoles,
// SESSION_COOKIE_NAME) stay callable from a React Server Component.
export { AgoraAuthError } from './core/errors/AgoraAuthError.js'
export type { AgoraAuthErrorCode, AgoraAuthErrorParameters } from './core/errors/AgoraAuthError.js'
export * from './core/errors/errors.js'
export type { AgoraClient, AgoraFetchErrorType, AgoraRequestErrorType, AgoraRequestOptions } from './core/http/createAgoraClient.js'
// The Agora API document's types (types only: nothing here reaches the bundle).
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
export { SESSION_COOKIE_NAME } from './core/cookie/sessionCookieName.js'
export { agoraQueryKey } from './core/query/agoraQueryKey.js'
export type { AgoraQueryKey, AgoraQueryKeyParameters, AgoraQueryParams } from './core/query/agoraQueryKey.js'
export { hasRole } from './core/session/hasRole.js'
export type { HasRoleOptions } from './core/session/hasRole.js'
export { parseRoles } from './core/session/parseRoles.js'
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
export type { AgoraInfiniteQueryOptions, UseAgoraInfiniteQueryOptions } from './react/hooks/useAgoraInfiniteQuery.js'
export { useAgoraMutation } from './react/hooks/useAgoraMutation.js'
export type { AgoraMutationOptions, UseAgoraMutationOptions } from './react/hooks/useAgoraMutation.js'
export { useAgoraQuery } from './react/hooks/useAgoraQuery.js'
export type { AgoraQueryOptions, UseAgoraQueryOptions } from './react/hooks/useAgoraQuery.js'
export { RequireRole } from './react/components/RequireRole.js'
export type { RequireRoleProps } from './react/components/RequireRole.js'
export { SessionBadge } from './react/components/SessionBadge.js'
export type { SessionBadgeProps } from './react/components/SessionBadge.js'
export { SignedIn, SignedOut } from './react/components/SignedIn.js'
export type { GateProps } from './react/components/SignedIn.js'
export { SignInButton } from './react/components/SignInButton.js'
export type { SignInButtonProps, SignInButtonState } from './react/components/SignInButton.js'
