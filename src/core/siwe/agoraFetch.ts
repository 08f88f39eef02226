import type { AgoraAuthError } from '../errors/AgoraAuthError.js'
import { AbortedError, InvalidResponseError, NetworkError } from '../errors/errors.js'
import { type ErrorResponseInfo, errorFromResponseInfo, readErrorResponse } from '../http/readErrorResponse.js'

/**
 * Internal: one request to the Agora auth routes, resolving with the string `pick` finds in the JSON answer. Every
 * failure is typed: no answer → AbortedError or NetworkError; non-2xx → `onError` of what the answer says; a 2xx
 * without that string → InvalidResponseError(`missing`).
 */
export async function agoraFetch(
  baseUrl: string,
  path: string,
  { fetch = globalThis.fetch, ...init }: RequestInit & { fetch?: typeof globalThis.fetch | undefined },
  pick: (body: Record<string, unknown>) => unknown,
  missing: string,
  onError: (info: ErrorResponseInfo) => AgoraAuthError = errorFromResponseInfo,
): Promise<string> {
  let response: Response
  try {
    response = await fetch(baseUrl.replace(/\/+$/, '') + path, init)
  } catch (cause) {
    throw (cause as Error)?.name === 'AbortError' || init.signal?.aborted
      ? new AbortedError({ cause })
      : new NetworkError({ cause })
  }
  if (!response.ok) throw onError(await readErrorResponse(response))
  let value: unknown
  let cause: unknown
  try {
    value = pick(await response.json()) // not JSON, or JSON null: a TypeError here, kept as the cause
  } catch (error) {
    cause = error
  }
  if (typeof value !== 'string' || !value) throw new InvalidResponseError(missing, { status: response.status, cause })
  return value
}
