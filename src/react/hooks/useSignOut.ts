'use client'
import { useAgoraAuthContext } from '../context.js'

/**
 * A function that signs out (client side: the Agora API keeps no server session).
 * @example const signOut = useSignOut(); <button onClick={signOut}>Sign out</button>
 */
export function useSignOut(): () => void {
  return useAgoraAuthContext().store.signOut
}
