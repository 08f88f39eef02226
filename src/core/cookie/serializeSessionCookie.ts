export type SerializeSessionCookieParameters = {
  name: string
  /** The raw session JWT, or `null` to remove the cookie. */
  token: string | null
  /** When the token expires (ms since the epoch); the cookie expires with it. */
  expiresAt?: number
  /** Sent only over https; set it on https pages. */
  secure: boolean
}

// An expiry in the past is how a cookie is removed.
const removedExpiry = new Date(0).toUTCString()

/**
 * Internal: the `document.cookie` string that writes (or removes) the session cookie: Path=/ so every page's server
 * render sees it, SameSite=Lax so it goes with top-level navigations only, Secure on https.
 * @example document.cookie = serializeSessionCookie({ name: 'agora_session', token, expiresAt, secure: true })
 */
export function serializeSessionCookie({ name, token, expiresAt, secure }: SerializeSessionCookieParameters): string {
  const expires = token === null || expiresAt === undefined ? removedExpiry : new Date(expiresAt).toUTCString()
  const attributes = [`${name}=${token ?? ''}`, 'Path=/', `Expires=${expires}`, 'SameSite=Lax']
  if (secure) attributes.push('Secure')
  return attributes.join('; ')
}
