import type { Address, Hex } from 'viem'
import type { AgoraAuthError } from '../errors/AgoraAuthError.js'
import type { TokenSource } from '../http/types.js'
import type { Session } from '../session/types.js'
import type { SiweOptions } from '../siwe/assertSiweOptions.js'

/** `loading` until the wallet's account is known; then one of the other four. */
export type SessionStatus = 'loading' | 'unauthenticated' | 'authenticating' | 'authenticated' | 'error'

/** What the store's snapshot holds; the same object until something in it changed. */
export type SessionState = {
  status: SessionStatus
  session: Session | null
  error: AgoraAuthError | null
}

/** The wallet account the session belongs to. */
export type Account = { address: Address; chainId: number }

/** Signs an EIP-4361 message with the wallet; rejects with an EIP-1193 4001 error when the user declines. */
export type SignMessageFn = (args: { message: string; address: Address; chainId: number }) => Promise<Hex>

/**
 * Where tokens are persisted; synchronous like web `Storage`, so a restored session is there on the first render.
 * (An async store such as IndexedDB can be mirrored into memory by the app and handed over through this.)
 */
export type StorageAdapter = {
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): void
}

/**
 * What tabs tell each other over `BroadcastChannel('agora-auth:' + baseUrl)`: the storage entry that changed, its
 * key (`agora-auth:{baseUrl}:{address}:{chainId}`) and token, `null` for a sign-out. Where the runtime has no
 * BroadcastChannel, tabs do not sync.
 */
export type SyncMessage = { key: string; newValue: string | null }

export type CreateSessionStoreParameters = {
  /** The Agora API base URL, e.g. `https://vote.optimism.io/api/v1`, or relative to the page (`/api/v1`). */
  baseUrl: string
  /** Signs the SIWE message with the wallet (wagmi's `signMessage`, a local account, …). */
  signMessage: SignMessageFn
  /** The wallet's account; `undefined` (default) keeps the store `loading` until `setAccount` is called. */
  account?: Account | null
  /** Where tokens are kept, default `'local'` (falls back to memory where there is no web storage). */
  storage?: 'local' | 'session' | 'memory' | StorageAdapter
  /** Overrides for the SIWE message; `domain` and `uri` default from `baseUrl`; checked at creation (`TypeError`). */
  siwe?: SiweOptions
  /** A token rendered by the server (SSR hydration); ignored when invalid, dropped when expired or another account's. */
  initialSession?: string
  /** Default `'signOut'`: another account ends the session; `'switch'` keeps each account's token for switching back. */
  accountChangePolicy?: 'signOut' | 'switch'
  /** Default `'signOut'`; `'keep'` keeps the session across chains; `'switch'` keeps one token per chain. */
  chainChangePolicy?: 'signOut' | 'keep' | 'switch'
  /** Sign-in and sign-out reach the other tabs (over BroadcastChannel; without it, tabs do not sync), default `true`. */
  sync?: boolean
  fetch?: typeof fetch
  /** Milliseconds before `exp` from which a token counts as expired, default 30 000. */
  clockSkew?: number
  /** Default `Date.now`; never called while the store is created or renders on the server. */
  now?: () => number
  /** Called after a sign-in (here or in another tab). */
  onSignIn?: (session: Session) => void
  /** Called after a sign-out (here or in another tab). */
  onSignOut?: () => void
}

export type SessionStore = TokenSource & {
  /** The current state; the same object until something changed (for `useSyncExternalStore`). */
  getSnapshot(): SessionState
  /** The state for a server render: `initialSession` → authenticated, else loading; reads no clock and no storage. */
  getServerSnapshot(): SessionState
  subscribe(listener: () => void): () => void
  /** Tells the store the wallet's account; `null` when disconnected. */
  setAccount(account: Account | null): void
  /** Signs in with the wallet (the user's act: it lifts a refusal of an automatic sign-in); concurrent calls share one attempt. */
  signIn(options?: { signal?: AbortSignal }): Promise<Session>
  /** The same as `signIn` (kept for compatibility). */
  reauthenticate(options?: { signal?: AbortSignal }): Promise<Session>
  /** Forgets the session here and in the other tabs; there is no server session to end. */
  signOut(): void
  /** Stops cross-tab listening and ignores any sign-in still in flight. */
  destroy(): void
}
