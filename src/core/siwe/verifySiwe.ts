import type { Hex } from 'viem'
import { AgoraAuthError } from '../errors/AgoraAuthError.js'
import { InvalidResponseError, UnauthorizedError, VerificationFailedError } from '../errors/errors.js'
import { createAgoraClient } from '../http/createAgoraClient.js'
import { authResponseMaxBytes } from '../http/readBoundedText.js'

export type VerifySiweParameters = {
  /** The Agora API base URL; a relative one (`/api/v1`) resolves against the page. */
  baseUrl: string
  /** The exact string that was signed. */
  message: string
  signature: Hex
  fetch?: typeof fetch
  signal?: AbortSignal
}

/**
 * Whether a failed verify is the server refusing this sign-in: a 401 carries its reason; a 500 is what the live
 * route answers (text `Internal server error`) for a message it cannot parse. Neither is worth retrying.
 */
const isRefusal = (error: unknown): error is AgoraAuthError =>
  error instanceof UnauthorizedError || (error instanceof AgoraAuthError && error.status === 500)

/**
 * Sends a signed SIWE message to `POST {baseUrl}/auth/verify` and returns the session JWT; the server's refusal
 * (401 with its reason, or 500) is `VerificationFailedError` with that `status` and `reason`.
 * @example const token = await verifySiwe({ baseUrl, message, signature })
 */
export async function verifySiwe({ baseUrl, message, signature, fetch, signal }: VerifySiweParameters): Promise<string> {
  let body: { access_token?: unknown; token?: unknown } | null
  try {
    const client = createAgoraClient({ baseUrl, fetch, retry: { count: 0 } })
    // A token is a few hundred bytes: a larger answer is a broken or hostile server, never buffered whole.
    const options = { method: 'POST', body: { message, signature }, signal, maxResponseBytes: authResponseMaxBytes }
    body = await client.request('auth/verify', options)
  } catch (error) {
    if (!isRefusal(error)) throw error
    const { status, reason, requestId } = error
    throw new VerificationFailedError({ status, reason, requestId, cause: error })
  }
  // Current servers answer {access_token, token_type, expires_in}; older docs show {token}.
  const token = body?.access_token ?? body?.token
  if (typeof token === 'string' && token) return token
  throw new InvalidResponseError('No token.')
}
