import type { AgoraAuthError } from '../errors/AgoraAuthError.js'
import type { AbortedError } from '../errors/AbortedError.js'
import type { ForbiddenError } from '../errors/ForbiddenError.js'
import type { HttpError } from '../errors/HttpError.js'
import { InvalidResponseError } from '../errors/InvalidResponseError.js'
import type { NetworkError } from '../errors/NetworkError.js'
import type { RateLimitedError } from '../errors/RateLimitedError.js'
import { TokenRevokedError } from '../errors/TokenRevokedError.js'
import type { UnauthorizedError } from '../errors/UnauthorizedError.js'
import { abortable } from '../http/abortable.js'
import { type CreateAgoraClientParameters, createAgoraClient } from '../http/createAgoraClient.js'
import type { TokenSource } from '../http/types.js'
import { decodeJwtPayload } from '../session/decodeJwtPayload.js'
import { exchangeApiKey } from './exchangeApiKey.js'
import { sessionTimes } from './sessionTimes.js'

export type CreateApiKeyTokenSourceParameters = {
  /** The Public API v0 base, e.g. `https://api.agora.example/v0`; the key is exchanged at `{baseUrl}/auth/token`. */
  baseUrl: string
  /** The API key (a secret: server-side only). */
  apiKey: string
  /** The `fetch` to exchange with; default: the global `fetch`. */
  fetch?: CreateAgoraClientParameters['fetch']
  /** How long before its `exp` a session JWT is replaced, in ms; default 60 000. */
  refreshMargin?: number
  /** How a 429 from the exchange is retried; default as in `createAgoraClient`. */
  retry?: CreateAgoraClientParameters['retry']
  /** The clock, in ms; default `Date.now`. It may be wrong: a token's age is read on the server's clock. */
  now?: () => number
  /** Allow running where `window` or `document` exists; default `false`: API keys do not belong in bundles. */
  dangerouslyAllowBrowser?: boolean
}

/** What `getToken` and `renewToken` of an API-key source reject with. */
export type ApiKeyTokenSourceErrorType =
  | TokenRevokedError
  | UnauthorizedError
  | ForbiddenError
  | RateLimitedError
  | HttpError
  | InvalidResponseError
  | NetworkError
  | AbortedError

/**
 * A token source for the Agora Public API v0: exchanges an API key for short-lived session JWTs, caches and
 * renews them, one exchange at a time.
 * @example
 * const tokenSource = createApiKeyTokenSource({ baseUrl: 'https://api.agora.example/v0', apiKey: process.env.AGORA_KEY! })
 * const agora = createAgoraClient({ baseUrl: 'https://api.agora.example/v0', tokenSource })
 */
export function createApiKeyTokenSource(parameters: CreateApiKeyTokenSourceParameters): TokenSource {
  const { apiKey, refreshMargin = 60_000, now = Date.now } = parameters
  const isBrowser = typeof window !== 'undefined' || typeof document !== 'undefined'
  if (isBrowser && !parameters.dangerouslyAllowBrowser)
    throw new TypeError('An API key in a browser is public: use it on a server (or set dangerouslyAllowBrowser).')
  if (!apiKey) throw new TypeError('apiKey is required.')
  if (!(refreshMargin >= 0)) throw new TypeError(`refreshMargin must be a number ≥ 0, not ${refreshMargin}.`)
  // The exchange is an ordinary Agora request: typed errors, Request-Id, and 429 waits come with the client, which
  // takes `baseUrl`, `fetch` and `retry` from these parameters (no token source: the key is sent by hand).
  const client = createAgoraClient({ baseUrl: parameters.baseUrl, fetch: parameters.fetch, retry: parameters.retry })
  let current: { token: string; refreshAt: number; expiresAt: number } | undefined
  let exchanging: Promise<string> | undefined
  let revoked: AgoraAuthError | undefined

  async function exchangeOnce(): Promise<string> {
    try {
      const { sessionJwt, serverDate } = await exchangeApiKey({ client, apiKey })
      // Revoked while the exchange was in flight: its token must not be handed out.
      if (revoked) throw revoked
      const times = sessionTimes({ claims: claimsOf(sessionJwt), serverDate, receivedAt: now(), refreshMargin })
      current = { token: sessionJwt, ...times }
      return sessionJwt
    } catch (error) {
      if (error instanceof TokenRevokedError) revoked = error
      throw error
    } finally {
      exchanging = undefined
    }
  }

  // One exchange at a time, shared by every caller; no caller's signal can cancel it for the others.
  function exchange(): Promise<string> {
    exchanging ??= exchangeOnce()
    return exchanging
  }

  async function getToken({ signal }: { signal?: AbortSignal } = {}): Promise<string> {
    if (revoked) throw revoked
    const time = now()
    if (current && time < current.expiresAt) {
      // Rollover: refresh in the background and keep sending the old JWT, still valid until its own exp.
      const isDueForRefresh = time >= current.refreshAt
      if (isDueForRefresh) exchange().catch(() => undefined) // the valid JWT is served meanwhile; the next call tries again
      return current.token
    }
    return abortable(exchange(), signal)
  }

  return {
    getToken,
    // Forget the stale token only: when another caller already renewed it, the current one is simply returned.
    renewToken(staleToken, options) {
      if (current?.token === staleToken) current = undefined
      return getToken(options)
    },
    revoke(error) {
      revoked = error
    },
  }
}

/** The payload of a session JWT, or an `InvalidResponseError` when it is not one. */
function claimsOf(sessionJwt: string): { exp?: unknown; iat?: unknown } {
  try {
    return decodeJwtPayload(sessionJwt)
  } catch (cause) {
    throw new InvalidResponseError('The session JWT is malformed.', { cause })
  }
}
