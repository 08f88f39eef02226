'use client'
import { type UseMutationOptions, type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query'
import type { AgoraAuthError } from '../../core/errors/AgoraAuthError.js'
import { type AgoraRetryOption, agoraRetry } from '../../core/query/agoraRetry.js'
import { useAgoraAuthContext } from '../context.js'

export type UseAgoraMutationOptions<T, V> = Omit<UseMutationOptions<T, AgoraAuthError, V>, 'mutationFn'> & {
  /** Default `'POST'`. */
  method?: string
}

/**
 * Sends the mutation's variables as the JSON body to `path` (or to `path(variables)`), authenticated like the
 * queries. Not retried by default (TanStack's rule for mutations); an auth error never is, unless your own `retry` says so.
 * @example const save = useAgoraMutation<Ballot, BallotInput>((b) => `retrofunding/rounds/5/ballots/${b.address}`)
 */
export function useAgoraMutation<T = unknown, V = unknown>(
  path: string | ((variables: V) => string),
  { method = 'POST', retry, ...options }: UseAgoraMutationOptions<T, V> = {},
): UseMutationResult<T, AgoraAuthError, V> {
  const { client } = useAgoraAuthContext()
  const queryClient = useQueryClient()
  // A mutation is not retried unless the app asks for it: sending a POST twice may do it twice.
  const appDefault = (queryClient.getDefaultOptions().mutations?.retry as AgoraRetryOption | undefined) ?? false
  return useMutation<T, AgoraAuthError, V>({
    ...options,
    retry: retry ?? agoraRetry(appDefault),
    mutationFn: (variables) =>
      client.request<T>(typeof path === 'function' ? path(variables) : path, { method, body: variables }),
  })
}
