import type { AgoraAuthError } from '../errors/AgoraAuthError.js'
import { AbortedError, InvalidResponseError, NetworkError } from '../errors/errors.js'
import { errorFromResponseInfo, readErrorResponse } from '../http/readErrorResponse.js'

/** `fetch` whose failures before an HTTP answer are typed: an abort → AbortedError, anything else → NetworkError. */
export async function agoraFetch(
  url: string,
  init: RequestInit & { fetch?: typeof fetch | undefined },
): Promise<Response> {
  const { fetch: f = globalThis.fetch, ...rest } = init
  try {
    return await f(url, rest)
  } catch (cause) {
    throw (cause as Error)?.name === 'AbortError' || rest.signal?.aborted
      ? new AbortedError({ cause })
      : new NetworkError({ cause })
  }
}

/** The JSON body of a 2xx answer, or the typed error for the answer (`onError` picks one for specific statuses). */
export async function readJson(
  response: Response,
  onError: (info: Awaited<ReturnType<typeof readErrorResponse>>) => AgoraAuthError = errorFromResponseInfo,
): Promise<Record<string, unknown>> {
  if (!response.ok) throw onError(await readErrorResponse(response))
  let body: unknown
  try {
    body = await response.json()
  } catch (cause) {
    throw new InvalidResponseError(undefined, { status: response.status, cause })
  }
  if (!body || typeof body !== 'object') throw new InvalidResponseError(undefined, { status: response.status })
  return body as Record<string, unknown>
}

/** `baseUrl` + `path` without doubling the slash. */
export const joinUrl = (baseUrl: string, path: string) => baseUrl.replace(/\/+$/, '') + path
