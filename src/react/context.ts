'use client'
import { createContext, useContext, useRef, useSyncExternalStore } from 'react'
import type { AgoraClient } from '../core/http/createAgoraClient.js'
import type { SessionStore } from '../core/store/createSessionStore.js'
import type { SessionState } from '../core/store/types.js'
import type { WagmiConfig } from '../core/wagmi/watchWagmiAccount.js'

export type AgoraAuthContextValue = {
  store: SessionStore
  client: AgoraClient
  /** The wagmi config the provider signs with (its `config` prop, else the surrounding `WagmiProvider`'s). */
  config: WagmiConfig
}

export const AgoraAuthContext = createContext<AgoraAuthContextValue | null>(null)

/** The provider's value; every hook and component goes through here, so one message covers them all. */
export function useAgoraAuthContext(): AgoraAuthContextValue {
  const value = useContext(AgoraAuthContext)
  if (!value) throw new Error('agora-auth: this component needs an <AgoraAuthProvider> above it.')
  return value
}

/**
 * Internal: reads a slice of the session (the whole state by default); the component re-renders only when
 * `isEqual` says the slice changed. The one `useSyncExternalStore` path of every reading hook.
 */
export function useSessionSelector<T = SessionState>(
  select: (state: SessionState) => T = (state) => state as T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const { store } = useAgoraAuthContext()
  const last = useRef<{ value: T }>(null)
  const pick = (state: SessionState) => {
    const value = select(state)
    if (last.current && isEqual(last.current.value, value)) return last.current.value
    last.current = { value }
    return value
  }
  return useSyncExternalStore(
    store.subscribe,
    () => pick(store.getSnapshot()),
    () => pick(store.getServerSnapshot()),
  )
}
