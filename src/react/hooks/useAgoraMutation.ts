'use client'
import { type UseMutationOptions, type UseMutationResult, useMutation } from '@tanstack/react-query'
import type { AgoraAuthError } from '../../core/errors/AgoraAuthError.js'
import { useAgoraAuthContext } from '../context.js'

export type UseAgoraMutationOptions<T, V> = Omit<UseMutationOptions<T, AgoraAuthError, V>, 'mutationFn'> & {
  /** Default `'POST'`. */
  method?: string
}

/**
 * Sends the mutation's variables as the JSON body to `path` (or to `path(variables)`), authenticated like the queries.
 * @example const save = useAgoraMutation<Ballot, BallotInput>((b) => `retrofunding/rounds/5/ballots/${b.address}`)
 */
export function useAgoraMutation<T = unknown, V = unknown>(
  path: string | ((variables: V) => string),
  { method = 'POST', ...options }: UseAgoraMutationOptions<T, V> = {},
): UseMutationResult<T, AgoraAuthError, V> {
  const { client } = useAgoraAuthContext()
  return useMutation<T, AgoraAuthError, V>({
    ...options,
    mutationFn: (variables) =>
      client.request<T>(typeof path === 'function' ? path(variables) : path, { method, body: variables }),
  })
}
