import { SESSION_COOKIE_NAME } from '../../core/cookie/sessionCookieName.js'
import { resolveBaseUrl } from '../../core/http/resolveBaseUrl.js'
import type { Session } from '../../core/session/types.js'
import { readSessionToken, type SessionSource } from './readSessionToken.js'
import { verifySessionWithApi } from './verifySessionWithApi.js'
import { verifySessionWithSecret } from './verifySessionWithSecret.js'

export type { CookieStoreLike, SessionSource } from './readSessionToken.js'

export type GetSessionParameters = {
  /** The HS256 secret of the Agora server that issued the token (your own `createAgoraServer`): verifies locally. */
  jwtSecret?: string | Uint8Array
  /** The absolute URL of the Agora API that issued the token: verifies by asking it, once per token until `exp`. */
  baseUrl?: string
  /** The protected route below `baseUrl` that is asked; default `proposals?limit=1` (any signed-in user may read it). */
  verifyPath?: string
  /** The cookie holding the token; default `agora_session`, the one `AgoraAuthProvider`'s `sessionCookie` writes. */
  cookieName?: string
  /** Default `Date.now`. */
  now?: () => number
  /** Default the global `fetch`; used with `baseUrl` only. */
  fetch?: typeof fetch
}

export type GetSessionReturnType = Session | null

/** What `getSession` throws: only a caller's mistake (no or both of `jwtSecret`/`baseUrl`, an empty secret, a relative `baseUrl`). */
export type GetSessionErrorType = TypeError

/**
 * The signed-in session in a request's `agora_session` cookie, verified (with `jwtSecret`, or by the API at
 * `baseUrl`), or null: an unverified token never decides what the server renders.
 * @example const session = await getSession(await cookies(), { jwtSecret: process.env.AGORA_JWT_SECRET })
 */
export async function getSession(
  source: SessionSource | PromiseLike<SessionSource>,
  options: GetSessionParameters,
): Promise<GetSessionReturnType> {
  const { jwtSecret, baseUrl, verifyPath = 'proposals?limit=1', cookieName = SESSION_COOKIE_NAME, now = Date.now } = options
  // Caller mistakes are thrown before anything is read, so a misconfigured app fails loudly, not signed out.
  const hasSecret = jwtSecret !== undefined
  if (hasSecret === (baseUrl !== undefined)) throw new TypeError('getSession needs exactly one of `jwtSecret` or `baseUrl`.')
  const secret = typeof jwtSecret === 'string' ? new TextEncoder().encode(jwtSecret) : jwtSecret
  if (hasSecret && !secret?.length) throw new TypeError('getSession: `jwtSecret` is empty (is AGORA_JWT_SECRET set?).')
  // On a server there is no page origin: a relative baseUrl is a TypeError here, by design.
  const base = baseUrl === undefined ? undefined : resolveBaseUrl(baseUrl, undefined)
  const verifyUrl = base && new URL(verifyPath.replace(/^\/+/, ''), base)
  // The token goes to the API that issued it and nowhere else.
  if (base && !verifyUrl?.href.startsWith(base.href)) throw new TypeError(`getSession: verifyPath "${verifyPath}" is not below baseUrl.`)

  const token = readSessionToken(await source, cookieName)
  if (!token) return null
  if (secret) return verifySessionWithSecret(token, secret, now())
  return verifySessionWithApi(token, verifyUrl!, now(), options.fetch ?? fetch)
}
