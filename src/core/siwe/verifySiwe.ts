import type { Hex } from 'viem'
import { VerificationFailedError } from '../errors/errors.js'
import { errorFromResponseInfo } from '../http/readErrorResponse.js'
import { agoraFetch } from './agoraFetch.js'

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
export function verifySiwe({ baseUrl, message, signature, fetch, signal }: VerifySiweParameters): Promise<string> {
  return agoraFetch(
    baseUrl,
    '/auth/verify',
    { fetch, signal, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message, signature }) },
    // Current servers answer {access_token, token_type, expires_in}; older docs show {token}.
    (body) => body.access_token ?? body.token,
    'The server sent no token.',
    // A 401 here is the server refusing the signed message, not a missing session.
    (info) => (info.status === 401 ? new VerificationFailedError(info) : errorFromResponseInfo(info)),
  )
}
