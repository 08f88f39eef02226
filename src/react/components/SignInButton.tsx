'use client'
import type { ButtonHTMLAttributes } from 'react'
import { useConfig, useConnect } from 'wagmi'
import { getConnection } from 'wagmi/actions'
import { useAgoraAuthContext, useSessionSelector } from '../context.js'

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
  // wagmi's connect mutation: its pending state and error are the connecting step's.
  const connect = useConnect()
  const { store } = useAgoraAuthContext()
  const { status, error } = useSessionSelector()
  const state =
    connect.isPending || status === 'authenticating' || status === 'loading'
      ? 'pending'
      : status === 'authenticated'
        ? 'signedIn'
        : error || connect.error
          ? 'error'
          : 'idle'

  const onClick = async () => {
    if (state === 'signedIn') return store.signOut()
    connect.reset()
    try {
      if (getConnection(config).status !== 'connected') await connect.mutateAsync({ connector: config.connectors[connector]! })
      await store.signIn()
    } catch {} // the outcome, error included, is in the session state or the connect mutation
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
        {{ idle: 'Sign in with Ethereum', pending: 'Check your wallet…', error: 'Try again', signedIn: 'Sign out', ...labels }[state]}
      </button>
      {state === 'error' && (
        <span role="alert" className="agora-sign-in-error">
          {error?.shortMessage ?? 'Could not connect the wallet.'}
        </span>
      )}
    </>
  )
}
