import { InvalidResponseError } from '../errors/errors.js'
import { createAgoraClient } from '../http/createAgoraClient.js'
import { authResponseMaxBytes } from '../http/readBoundedText.js'

export type GetNonceParameters = {
  /** The Agora API base URL; a relative one (`/api/v1`) resolves against the page. */
  baseUrl: string
  fetch?: typeof fetch
  signal?: AbortSignal
}

// viem's message builder wants at least 8 alphanumerics; anything else would fail later and less clearly.
const usableNonce = /^[a-zA-Z0-9]{8,}$/

/**
 * Asks the Agora server for a single-use SIWE nonce (`GET {baseUrl}/auth/nonce`).
 * @example const nonce = await getNonce({ baseUrl: 'https://vote.optimism.io/api/v1' })
 */
export async function getNonce({ baseUrl, fetch, signal }: GetNonceParameters): Promise<string> {
  // A public route: the client only types the failures. No 429 waits: the user is watching a sign-in.
  const client = createAgoraClient({ baseUrl, fetch, retry: { count: 0 } })
  // A nonce is a few bytes: a larger answer is a broken or hostile server, never buffered whole.
  const body = await client.request<{ nonce?: unknown } | null>('auth/nonce', { signal, maxResponseBytes: authResponseMaxBytes })
  const nonce = body?.nonce
  if (typeof nonce === 'string' && usableNonce.test(nonce)) return nonce
  throw new InvalidResponseError('No usable nonce.')
}
