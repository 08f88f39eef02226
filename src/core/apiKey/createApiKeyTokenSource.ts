import type { AgoraAuthError } from '../errors/AgoraAuthError.js'
import { InvalidResponseError, TokenRevokedError } from '../errors/errors.js'
import { abortable } from '../http/abortable.js'
import { type CreateAgoraClientParameters, createAgoraClient } from '../http/createAgoraClient.js'
import type { TokenSource } from '../http/types.js'
import { decodeJwtPayload } from '../session/decodeJwtPayload.js'

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
  /** The clock, in ms; default `Date.now`. */
  now?: () => number
  /** Allow running where `window` or `document` exists; default `false`: API keys do not belong in bundles. */
  dangerouslyAllowBrowser?: boolean
}

/**
 * A token source for the Agora Public API v0: exchanges an API key for short-lived session JWTs, caches and
 * renews them, one exchange at a time.
 * @example
 * const tokenSource = createApiKeyTokenSource({ baseUrl: 'https://api.agora.example/v0', apiKey: process.env.AGORA_KEY! })
 * const agora = createAgoraClient({ baseUrl: 'https://api.agora.example/v0', tokenSource })
 */
export function createApiKeyTokenSource(parameters: CreateApiKeyTokenSourceParameters): TokenSource {
  const { apiKey, refreshMargin = 60_000, now = Date.now } = parameters
  if (!parameters.dangerouslyAllowBrowser && (typeof window !== 'undefined' || typeof document !== 'undefined'))
    throw new TypeError('An API key in a browser is public: use it on a server (or set dangerouslyAllowBrowser).')
  if (!apiKey) throw new TypeError('apiKey is required.')
  // The exchange is an ordinary Agora request: typed errors, Request-Id, and 429 waits come with the client, which
  // takes `baseUrl`, `fetch` and `retry` from these parameters (no token source: the key is sent by hand).
  const http = createAgoraClient(parameters)
  let current: { token: string; refreshAt: number; expiresAt: number } | undefined
  let exchanging: Promise<string> | undefined
  let revoked: AgoraAuthError | undefined

  // One exchange at a time, shared by every caller; no caller's signal can cancel it for the others.
  const exchange = () =>
    (exchanging ??= http
      .request<{ sessionJwt?: string } | undefined>('auth/token', {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}` },
      })
      .then(
        (body) => {
          // Revoked while the exchange was in flight: its token must not be handed out.
          if (revoked) throw revoked
          const token = body?.sessionJwt as string
          let exp: unknown
          try {
            exp = decodeJwtPayload(token).exp
          } catch {}
          if (typeof exp !== 'number') throw new InvalidResponseError('No session JWT with an exp.')
          const t = now()
          const expiresAt = exp * 1000
          // Halfway through a lifetime shorter than twice the margin, so a short TTL does not refresh on every call.
          current = { token, expiresAt, refreshAt: Math.max(expiresAt - refreshMargin, (t + expiresAt) / 2) }
          return token
        },
        (error: unknown) => {
          if (error instanceof TokenRevokedError) revoked = error
          throw error
        },
      )
      .finally(() => {
        exchanging = undefined
      }))

  const getToken = async ({ signal }: { signal?: AbortSignal } = {}): Promise<string> => {
    if (revoked) throw revoked
    const t = now()
    if (current && t < current.expiresAt) {
      // Rollover: refresh in the background and keep sending the old JWT, still valid until its own exp.
      if (t >= current.refreshAt) exchange().catch(() => {})
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
