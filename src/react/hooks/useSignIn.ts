'use client'
import { useMutation } from '@tanstack/react-query'
import type { AgoraAuthError } from '../../core/errors/AgoraAuthError.js'
import type { Session } from '../../core/session/types.js'
import { useAgoraAuthContext } from '../context.js'

export type UseSignInReturnType = {
  /** Starts a sign-in (one wallet prompt); errors land in `error`, never as an unhandled rejection. */
  signIn: () => void
  /** The same, as a promise of the session. */
  signInAsync: () => Promise<Session>
  isPending: boolean
  error: AgoraAuthError | null
  reset: () => void
}

/**
 * Starts Sign-In with Ethereum: nonce, wallet signature, verify; concurrent calls share one prompt.
 * @example const { signIn, isPending, error } = useSignIn()
 */
export function useSignIn(): UseSignInReturnType {
  const { store } = useAgoraAuthContext()
  const { mutate, mutateAsync, isPending, error, reset } = useMutation<Session, AgoraAuthError>({
    mutationFn: () => store.signIn(),
  })
  return { signIn: () => mutate(), signInAsync: () => mutateAsync(), isPending, error, reset }
}
