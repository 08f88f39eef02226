import type { Hex } from 'viem'
import { InvalidResponseError, VerificationFailedError } from '../errors/errors.js'
import { errorFromResponseInfo } from '../http/readErrorResponse.js'
import { agoraFetch, joinUrl, readJson } from './agoraFetch.js'

export type VerifySiweParameters = {
  baseUrl: string
  /** The exact string that was signed. */
  message: string
  signature: Hex
  fetch?: typeof fetch
  signal?: AbortSignal
}

/**
 * Sends a signed SIWE message to `POST {baseUrl}/auth/verify` and returns the session JWT.
 * @example const token = await verifySiwe({ baseUrl, message, signature })
 */
export async function verifySiwe({ baseUrl, message, signature, fetch, signal }: VerifySiweParameters): Promise<string> {
  const response = await agoraFetch(joinUrl(baseUrl, '/auth/verify'), {
    fetch,
    signal,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message, signature }),
  })
  const body = await readJson(response, (info) =>
    info.status === 401 ? new VerificationFailedError(info) : errorFromResponseInfo(info),
  )
  // Current servers answer {access_token, token_type, expires_in}; older docs show {token}.
  const token = body.access_token ?? body.token
  if (typeof token !== 'string' || !token)
    throw new InvalidResponseError('The server sent no token.', { status: response.status })
  return token
}
