import { InvalidResponseError } from '../errors/errors.js'
import { agoraFetch, joinUrl, readJson } from './agoraFetch.js'

export type GetNonceParameters = { baseUrl: string; fetch?: typeof fetch; signal?: AbortSignal }

/**
 * Asks the Agora server for a single-use SIWE nonce (`GET {baseUrl}/auth/nonce`).
 * @example const nonce = await getNonce({ baseUrl: 'https://vote.optimism.io/api/v1' })
 */
export async function getNonce({ baseUrl, fetch, signal }: GetNonceParameters): Promise<string> {
  const response = await agoraFetch(joinUrl(baseUrl, '/auth/nonce'), { fetch, signal })
  const { nonce } = await readJson(response)
  // viem's message builder wants at least 8 alphanumerics; anything else would fail later and less clearly.
  if (typeof nonce !== 'string' || !/^[a-zA-Z0-9]{8,}$/.test(nonce))
    throw new InvalidResponseError('The server sent no usable nonce.', { status: response.status })
  return nonce
}
