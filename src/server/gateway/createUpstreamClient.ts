import { createApiKeyTokenSource } from '../../core/apiKey/createApiKeyTokenSource.js'
import { UnauthorizedError } from '../../core/errors/UnauthorizedError.js'
import { createAgoraClient, type AgoraClient } from '../../core/http/createAgoraClient.js'
import type { TokenSource } from '../../core/http/types.js'
import type { GatewayCredential } from './types.js'

export type CreateUpstreamClientParameters = {
  baseUrl: string
  credential: GatewayCredential
  fetch?: typeof fetch
  now?: () => number
  /** How long one key exchange may take, in ms. */
  timeoutMs: number
}

/** A v1 API key: the same bearer every time; a 401 that asks for a new one means the key itself is refused. */
function staticKeySource(apiKey: string): TokenSource {
  return {
    getToken: async () => apiKey,
    renewToken: async () => {
      throw new UnauthorizedError('The upstream refused the gateway\'s API key.')
    },
  }
}

/**
 * The gateway's client for the upstream (internal): the credential goes only below `baseUrl` and never to the
 * upstream's public routes; a v0 key is exchanged once and renewed before expiry for every caller (the API-key token
 * source); a 429 is never waited on here, it goes back to the browser with its `Retry-After`.
 * @example const upstream = createUpstreamClient({ baseUrl: 'https://api.agora.example/v0', credential: { v0ApiKey } })
 */
export function createUpstreamClient({ baseUrl, credential, fetch, now, timeoutMs }: CreateUpstreamClientParameters): AgoraClient {
  const noWaiting = { count: 0 }
  const isV0 = 'v0ApiKey' in credential
  const apiKey = isV0 ? credential.v0ApiKey : credential.v1ApiKey
  if (typeof apiKey !== 'string' || apiKey === '') throw new TypeError('createAgoraServer: upstream.credential needs a v0ApiKey or a v1ApiKey.')
  const send: typeof globalThis.fetch = fetch ?? ((input, init) => globalThis.fetch(input, init))
  // The exchange is shared and no caller's deadline cancels it, so it has its own: a silent upstream must not hold
  // every later request behind one exchange that never ends.
  const exchangeFetch: typeof globalThis.fetch = (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs)
    return send(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline })
  }
  const tokenSource = isV0
    ? createApiKeyTokenSource({ baseUrl, apiKey, fetch: exchangeFetch, now, retry: noWaiting })
    : staticKeySource(apiKey)
  return createAgoraClient({ baseUrl, tokenSource, fetch, retry: noWaiting })
}
