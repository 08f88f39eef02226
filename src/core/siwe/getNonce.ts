import { InvalidResponseError } from '../errors/errors.js'
import { createAgoraClient } from '../http/createAgoraClient.js'

export type GetNonceParameters = { baseUrl: string; fetch?: typeof fetch; signal?: AbortSignal }

/**
 * Asks the Agora server for a single-use SIWE nonce (`GET {baseUrl}/auth/nonce`).
 * @example const nonce = await getNonce({ baseUrl: 'https://vote.optimism.io/api/v1' })
 */
export async function getNonce({ baseUrl, fetch, signal }: GetNonceParameters): Promise<string> {
  // A public route: the client only types the failures. No 429 waits: the user is watching a sign-in.
  const { nonce } = (await createAgoraClient({ baseUrl, fetch, retry: { count: 0 } }).request<{ nonce?: unknown } | null>('auth/nonce', { signal })) ?? {}
  // viem's message builder wants at least 8 alphanumerics; anything else would fail later and less clearly.
  if (typeof nonce === 'string' && /^[a-zA-Z0-9]{8,}$/.test(nonce)) return nonce
  throw new InvalidResponseError('No usable nonce.')
}
