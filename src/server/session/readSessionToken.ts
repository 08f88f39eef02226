/** What Next's `cookies()` store (and any `Map`-like cookie jar) offers: a cookie by name. */
export type CookieStoreLike = { get(name: string): { value: string } | undefined }

/** Where a server finds the session cookie: a `Cookie` header, a `Request`, `Headers`, or Next's `cookies()` store. */
export type SessionSource = string | Request | Headers | CookieStoreLike | null | undefined

// Browsers keep at most 4,096 bytes per cookie: a longer value never came from the provider, so it is not read.
const MAX_TOKEN_LENGTH = 4096
// A compact JWS: three base64url parts. Anything else is refused before any crypto or request.
const COMPACT_JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/

/** The value of cookie `name` in a `Cookie` header; the first one wins, as in browsers' `document.cookie` order. */
function cookieFromHeader(header: string, name: string): string | undefined {
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=')
    if (separator !== -1 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim()
  }
  return undefined
}

/**
 * The session token in `source`'s cookie `name`, if it looks like a compact JWT of a sane size; else undefined
 * (internal: nothing here is verified yet).
 */
export function readSessionToken(source: SessionSource, name: string): string | undefined {
  let value: string | undefined
  if (typeof source === 'string') value = cookieFromHeader(source, name)
  else if (source instanceof Headers) value = cookieFromHeader(source.get('cookie') ?? '', name)
  else if (source && 'headers' in source) value = cookieFromHeader(source.headers.get('cookie') ?? '', name)
  else value = source?.get(name)?.value
  const isCompactJwt = !!value && value.length <= MAX_TOKEN_LENGTH && COMPACT_JWT.test(value)
  return isCompactJwt ? value : undefined
}
