'use client'
import { type UseMutationOptions, type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query'
import type { AgoraAuthError } from '../../core/errors/AgoraAuthError.js'
import type {
  AgoraPathFor,
  AgoraRequestArguments,
  AgoraRequestBody,
  AgoraResponse,
  AgoraUntyped,
  AgoraUntypedPath,
} from '../../core/openapi/paths.js'
import { type ResolveAgoraPathParameters, resolveAgoraPath } from '../../core/openapi/resolveAgoraPath.js'
import { type AgoraRetryOption, agoraRetry } from '../../core/query/agoraRetry.js'
import { useAgoraAuthContext } from '../context.js'

/**
 * TanStack's mutation options without the function, which the hook makes from the path.
 * @example const options: AgoraMutationOptions<RetroFundingBallot, RetroFundingBallotInput> = { onSuccess: refresh }
 */
export type AgoraMutationOptions<T, V> = Omit<UseMutationOptions<T, AgoraAuthError, V>, 'mutationFn'>

/**
 * The options of an untyped mutation (a path the document does not have, a path made from the variables, or another
 * method than POST).
 * @example const options: UseAgoraMutationOptions<Ballot, BallotInput> = { method: 'PUT' }
 */
export type UseAgoraMutationOptions<T, V> = AgoraMutationOptions<T, V> & {
  /** Default `'POST'`. */
  method?: string
}

type SendOptions = UseAgoraMutationOptions<unknown, unknown> & { path?: unknown }

/**
 * POSTs the mutation's variables as the JSON body to a documented path, authenticated like the queries: the path and
 * its `{…}` parameters are checked against the Agora API document, the variables are its request body and `data` its
 * answer. Not retried by default (TanStack's rule for mutations); an auth error never is, unless your own `retry` says so.
 * @example
 * const save = useAgoraMutation('retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', { path: { roundId: 5, addressOrEnsName: address } })
 * save.mutate({ allocations: [{ projectId: 'p1', amount: '100' }] })
 */
export function useAgoraMutation<P extends AgoraPathFor<'post'>>(
  path: P,
  ...options: AgoraRequestArguments<P, 'post', AgoraMutationOptions<AgoraResponse<P, 'post'>, AgoraRequestBody<P>>>
): UseMutationResult<AgoraResponse<P, 'post'>, AgoraAuthError, AgoraRequestBody<P>>
/**
 * Sends the variables to a path the document does not have: name the answer's type, and the path is any string.
 * @example const vote = useAgoraMutation<Receipt, VoteInput>('proposals/42/vote')
 */
export function useAgoraMutation<T = AgoraUntyped, V = unknown, P extends string = string>(
  path: AgoraUntypedPath<T, P>,
  options?: UseAgoraMutationOptions<T, V>,
): UseMutationResult<T, AgoraAuthError, V>
/**
 * Sends the variables to the path made from them (`path(variables)`), typed as you name it.
 * @example const save = useAgoraMutation<Ballot, BallotInput>((b) => `retrofunding/rounds/5/ballots/${b.address}`)
 */
export function useAgoraMutation<T = unknown, V = unknown>(
  path: (variables: V) => string,
  options?: UseAgoraMutationOptions<T, V>,
): UseMutationResult<T, AgoraAuthError, V>
export function useAgoraMutation(
  template: string | ((variables: unknown) => string),
  { method = 'POST', retry, path: pathParameters, ...options }: SendOptions = {},
): UseMutationResult<unknown, AgoraAuthError, unknown> {
  const { client } = useAgoraAuthContext()
  const queryClient = useQueryClient()
  // A mutation is not retried unless the app asks for it: sending a POST twice may do it twice.
  const appDefault = (queryClient.getDefaultOptions().mutations?.retry as AgoraRetryOption | undefined) ?? false
  return useMutation<unknown, AgoraAuthError, unknown>({
    ...options,
    retry: retry ?? agoraRetry(appDefault),
    // The path is filled in when the mutation runs (its parameters may be known only then): a missing one rejects it
    // with a TypeError before anything is sent.
    mutationFn: (variables) => {
      const path =
        typeof template === 'function'
          ? template(variables)
          : resolveAgoraPath(template, pathParameters as ResolveAgoraPathParameters | undefined)
      return client.request<unknown>(path, { method, body: variables })
    },
  })
}
