'use client'
import { type ButtonHTMLAttributes, useState } from 'react'
import { useConfig } from 'wagmi'
import { connect, getConnection } from 'wagmi/actions'
import type { AgoraAuthError } from '../../core/errors/AgoraAuthError.js'
import { useSession } from '../hooks/useSession.js'
import { useSessionStore } from '../hooks/useSessionSelector.js'

export type SignInButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'children'> & {
  /** Index of the wagmi connector to connect with when no wallet is connected; default 0. */
  connector?: number
  /** Labels by state; defaults in English. */
  labels?: Partial<Record<'idle' | 'pending' | 'error' | 'signedIn', string>>
}

/**
 * One button for the whole flow: connect the wallet if needed, sign, signed in (then it signs out). It is
 * disabled and `aria-busy` while pending, and a failure (a rejected signature, say) is announced and offers a retry.
 * Unstyled: style `.agora-sign-in` and its `data-state` (`idle`, `pending`, `error`, `signedIn`).
 * @example <SignInButton className="btn" />
 */
export function SignInButton({ connector = 0, labels, className, ...props }: SignInButtonProps) {
  const config = useConfig()
  const store = useSessionStore('SignInButton')
  const { status, error } = useSession()
  const [connectError, setConnectError] = useState<unknown>(null)
  const [connecting, setConnecting] = useState(false)
  const state =
    connecting || status === 'authenticating' || status === 'loading'
      ? 'pending'
      : status === 'authenticated'
        ? 'signedIn'
        : error || connectError
          ? 'error'
          : 'idle'
  const text = { idle: 'Sign in with Ethereum', pending: 'Check your wallet…', error: 'Try again', signedIn: 'Sign out', ...labels }
  const problem = (error as AgoraAuthError | null)?.shortMessage ?? (connectError ? 'Could not connect the wallet.' : '')

  const onClick = async () => {
    if (state === 'signedIn') return store.signOut()
    setConnectError(null)
    try {
      if (getConnection(config).status !== 'connected') {
        setConnecting(true)
        await connect(config, { connector: config.connectors[connector]! })
      }
    } catch (e) {
      return setConnectError(e)
    } finally {
      setConnecting(false)
    }
    // The outcome, error included, is in the session state; nothing to catch twice.
    store.signIn().catch(() => {})
  }

  return (
    <>
      <button
        type="button"
        {...props}
        className={className ? `agora-sign-in ${className}` : 'agora-sign-in'}
        data-state={state}
        disabled={state === 'pending' || props.disabled}
        aria-busy={state === 'pending'}
        onClick={onClick}
      >
        {text[state]}
      </button>
      {state === 'error' && (
        <span role="alert" className="agora-sign-in-error">
          {problem}
        </span>
      )}
    </>
  )
}
