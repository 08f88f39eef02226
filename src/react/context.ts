'use client'
import { createContext, useContext } from 'react'
import type { AgoraClient } from '../core/http/createAgoraClient.js'
import type { SessionStore } from '../core/store/createSessionStore.js'

export type AgoraAuthContextValue = { store: SessionStore; client: AgoraClient; baseUrl: string }

export const AgoraAuthContext = createContext<AgoraAuthContextValue | null>(null)

/** The provider's value; a hook used outside `<AgoraAuthProvider>` gets an error that names both. */
export function useAgoraAuthContext(hook: string): AgoraAuthContextValue {
  const value = useContext(AgoraAuthContext)
  if (!value) throw new Error(`${hook} must be used within <AgoraAuthProvider>.`)
  return value
}
