'use client'
import type { ReactNode } from 'react'
import type { SessionState } from '../../core/store/types.js'
import { useSessionSelector } from '../context.js'

export type GateProps = {
  children?: ReactNode
  /** Rendered while the session is not known yet (wallet reconnecting); default nothing. */
  loading?: ReactNode
}

// null while unknown, else whether there is a session; one boolean, so a new token re-renders nothing.
const signedIn = ({ status, session }: SessionState) => (status === 'loading' ? null : !!session)

/**
 * Renders its children only while signed in; `loading` while the session is unknown.
 * @example <SignedIn loading={<Spinner />}><Dashboard /></SignedIn>
 */
export function SignedIn({ children, loading = null }: GateProps) {
  const state = useSessionSelector(signedIn)
  return state === null ? loading : state && children
}

/**
 * Renders its children only while signed out (sign-in in progress included); `loading` while unknown.
 * @example <SignedOut><SignInButton /></SignedOut>
 */
export function SignedOut({ children, loading = null }: GateProps) {
  const state = useSessionSelector(signedIn)
  return state === null ? loading : !state && children
}
