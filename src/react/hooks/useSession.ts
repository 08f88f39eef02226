'use client'
import { useSyncExternalStore } from 'react'
import type { SessionState } from '../../core/store/types.js'
import { useAgoraAuthContext } from '../context.js'

/**
 * The session's status, the session when signed in, and the last error.
 * @example const { status, session } = useSession()
 */
export function useSession(): SessionState {
  const { store } = useAgoraAuthContext('useSession')
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot)
}
