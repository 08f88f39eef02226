import type { Address, Hex } from 'viem'
import type { AgoraAuthError } from '../errors/AgoraAuthError.js'
import type { Session } from '../session/types.js'

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
 * key (`agora-auth:{baseUrl}:{address}:{chainId}`) and token, `null` for a sign-out. The shape of a `storage` event,
 * so the fallback for runtimes without BroadcastChannel reads the same thing.
 */
export type SyncMessage = { key: string; newValue: string | null }
