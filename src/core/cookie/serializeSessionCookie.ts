import type { Session } from '../session/types.js'

/**
 * Internal: the `document.cookie` string that writes the session cookie, or removes it (`session: null`): Path=/ so
 * every page's server render sees it, SameSite=Lax so it goes with top-level navigations only, Secure on https.
 * @example document.cookie = serializeSessionCookie('agora_session', session, true)
 */
export function serializeSessionCookie(name: string, session: Pick<Session, 'token' | 'expiresAt'> | null, secure: boolean): string {
  // The cookie expires with the token; an expiry in the past (the epoch) is how a cookie is removed.
  const expires = new Date(session?.expiresAt ?? 0).toUTCString()
  const secureAttribute = secure ? '; Secure' : ''
  return `${name}=${session?.token ?? ''}; Path=/; Expires=${expires}; SameSite=Lax${secureAttribute}`
}
