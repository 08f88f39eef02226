import { InvalidResponseError } from '../errors/InvalidResponseError.js'
import type { AgoraClient } from '../http/createAgoraClient.js'
import { errorFromResponseInfo } from '../http/errorFromResponseInfo.js'
import { authResponseMaxBytes, readBoundedText } from '../http/readBoundedText.js'
import { readErrorResponse } from '../http/readErrorResponse.js'

export type ExchangeApiKeyParameters = {
  /** A client for the v0 base (no token source: the key is sent by hand). */
  client: AgoraClient
  apiKey: string
}

export type ExchangeApiKeyReturnType = {
  sessionJwt: string
  /** The server's clock when it answered (the `Date` header), in ms; undefined when absent. */
  serverDate: number | undefined
}

/**
 * One `POST {base}/auth/token` with the API key: the session JWT and the server's `Date` (internal). The key never
 * follows a redirect, and the answer is read to 64 KiB at most.
 * @example const { sessionJwt } = await exchangeApiKey({ client, apiKey })
 */
export async function exchangeApiKey({ client, apiKey }: ExchangeApiKeyParameters): Promise<ExchangeApiKeyReturnType> {
  const response = await client.fetch('auth/token', {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json' },
    // The key is a long-lived secret: a redirected exchange is refused rather than sent on to wherever it points.
    redirect: 'manual',
  })
  const requestId = response.headers.get('request-id') ?? undefined
  const isRedirect = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)
  if (isRedirect) {
    await response.body?.cancel().catch(() => undefined)
    throw new InvalidResponseError('The key exchange was redirected; the key was not sent on.', { status: response.status, requestId })
  }
  if (!response.ok) throw errorFromResponseInfo(await readErrorResponse(response))
  const text = await readBoundedText(response, { maxBytes: authResponseMaxBytes })
  const sessionJwt = sessionJwtOf(text)
  if (!sessionJwt) throw new InvalidResponseError('No session JWT.', { status: response.status, requestId })
  const serverDate = Date.parse(response.headers.get('date') ?? '')
  return { sessionJwt, serverDate: Number.isNaN(serverDate) ? undefined : serverDate }
}

/** `sessionJwt` of a JSON body, when it is a non-empty string. */
function sessionJwtOf(text: string): string | undefined {
  let body: { sessionJwt?: unknown } | null
  try {
    body = JSON.parse(text)
  } catch {
    // Not JSON: no token, which the caller reports.
    return undefined
  }
  const sessionJwt = body?.sessionJwt
  return typeof sessionJwt === 'string' && sessionJwt ? sessionJwt : undefined
}
