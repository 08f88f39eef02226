'use client'
import type { ButtonHTMLAttributes } from 'react'
import { useConnect } from 'wagmi'
import type { SessionState } from '../../core/store/types.js'
import { useAgoraAuthContext, useSessionSelector } from '../context.js'

/** What the button shows: `loading` while the session is not known yet (server render included). */
export type SignInButtonState = 'loading' | 'idle' | 'pending' | 'error' | 'signedIn'

export type SignInButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'children'> & {
  /** Index of the wagmi connector to connect with when no wallet is connected; default 0. */
  connector?: number
  /** Labels by state; defaults in English (`loading` claims nothing of the wallet: no prompt exists yet). */
  labels?: Partial<Record<SignInButtonState, string>>
}

const defaultLabels: Record<SignInButtonState, string> = {
  loading: 'Checking for a session…',
  idle: 'Sign in with Ethereum',
  pending: 'Check your wallet…',
  error: 'Try again',
  signedIn: 'Sign out',
}

const buttonState = ({ status, error }: SessionState, connect: { isPending: boolean; error: unknown }): SignInButtonState => {
  // Only a connect or a sign-in under way has a wallet prompt to point at.
  if (connect.isPending || status === 'authenticating') return 'pending'
  if (status === 'loading') return 'loading'
  if (status === 'authenticated') return 'signedIn'
  if (error || connect.error) return 'error'
  return 'idle'
}

/**
 * One button for the whole flow: connect the wallet if needed (with the provider's wagmi config), sign, signed in
 * (then it signs out). It is disabled and `aria-busy` while loading or pending, and a failure (a rejected
 * signature, say) is announced and offers a retry. Unstyled: style `.agora-sign-in` and its `data-state`
 * (`loading`, `idle`, `pending`, `error`, `signedIn`).
 * @example <SignInButton className="btn" />
 */
export function SignInButton({ connector = 0, labels, className, ...props }: SignInButtonProps) {
  const { store, config } = useAgoraAuthContext()
  // wagmi's connect mutation, on the provider's config: its pending state and error are the connecting step's.
  const connect = useConnect({ config })
  const session = useSessionSelector()
  const state = buttonState(session, connect)
  const isBusy = state === 'pending' || state === 'loading'

  const onClick = async () => {
    if (state === 'signedIn') return store.signOut()
    connect.reset()
    try {
      // The config's own state (what wagmi's `getConnection` reads its status from), read at the click.
      const isConnected = config.state.status === 'connected'
      if (!isConnected) await connect.mutateAsync({ connector: config.connectors[connector]! })
      await store.signIn()
    } catch {
      // The outcome, error included, is in the session state or the connect mutation, both rendered below.
    }
  }

  return (
    <>
      <button
        type="button"
        {...props}
        className={className ? `agora-sign-in ${className}` : 'agora-sign-in'}
        data-state={state}
        disabled={isBusy || props.disabled}
        aria-busy={isBusy}
        onClick={onClick}
      >
        {{ ...defaultLabels, ...labels }[state]}
      </button>
      {state === 'error' && (
        <span role="alert" className="agora-sign-in-error">
          {session.error?.shortMessage ?? 'Could not connect the wallet.'}
        </span>
      )}
    </>
  )
}
