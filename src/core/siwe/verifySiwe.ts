import type { Hex } from 'viem'
import { InvalidResponseError, UnauthorizedError, VerificationFailedError } from '../errors/errors.js'
import { createAgoraClient } from '../http/createAgoraClient.js'

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
  let body: { access_token?: unknown; token?: unknown } | null
  try {
    body = await createAgoraClient({ baseUrl, fetch, retry: { count: 0 } }).request('auth/verify', {
      method: 'POST',
      body: { message, signature },
      signal,
    })
  } catch (error) {
    // A 401 here is the server refusing the signed message, not a missing session.
    throw error instanceof UnauthorizedError ? new VerificationFailedError(error) : error
  }
  // Current servers answer {access_token, token_type, expires_in}; older docs show {token}.
  const token = body?.access_token ?? body?.token
  if (typeof token === 'string' && token) return token
  throw new InvalidResponseError('No token.')
}
