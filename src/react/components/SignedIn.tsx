'use client'
import type { ReactNode } from 'react'
import { useSessionSelector } from '../hooks/useSessionSelector.js'

export type GateProps = {
  children?: ReactNode
  /** Rendered while the session is not known yet (wallet reconnecting, storage being read); default nothing. */
  loading?: ReactNode
}

const signedIn = ({ status, session }: { status: string; session: unknown }) =>
  status === 'loading' ? null : !!session

/**
 * Renders its children only while signed in; `loading` while the session is unknown.
 * @example <SignedIn loading={<Spinner />}><Dashboard /></SignedIn>
 */
export function SignedIn({ children, loading = null }: GateProps) {
  const state = useSessionSelector('SignedIn', signedIn)
  return state === null ? loading : state ? children : null
}

/**
 * Renders its children only while signed out (sign-in in progress included); `loading` while unknown.
 * @example <SignedOut><SignInButton /></SignedOut>
 */
export function SignedOut({ children, loading = null }: GateProps) {
  const state = useSessionSelector('SignedOut', signedIn)
  return state === null ? loading : state ? null : children
}
