'use client'
import type { SessionState } from '../../core/store/types.js'
import { useSessionSelector } from '../context.js'

/**
 * The session's status, the session when signed in, and the last error.
 * @example const { status, session } = useSession()
 */
export function useSession(): SessionState {
  return useSessionSelector()
}
