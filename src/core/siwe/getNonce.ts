import { agoraFetch } from './agoraFetch.js'

export type GetNonceParameters = { baseUrl: string; fetch?: typeof fetch; signal?: AbortSignal }

/**
 * Asks the Agora server for a single-use SIWE nonce (`GET {baseUrl}/auth/nonce`).
 * @example const nonce = await getNonce({ baseUrl: 'https://vote.optimism.io/api/v1' })
 */
export function getNonce({ baseUrl, fetch, signal }: GetNonceParameters): Promise<string> {
  return agoraFetch(
    baseUrl,
    '/auth/nonce',
    { fetch, signal },
    // viem's message builder wants at least 8 alphanumerics; anything else would fail later and less clearly.
    ({ nonce }) => typeof nonce === 'string' && /^[a-zA-Z0-9]{8,}$/.test(nonce) && nonce,
    'The server sent no usable nonce.',
  )
}
