/**
 * The API base as an absolute URL ending in `/` (query and hash dropped), the form every check of the library
 * compares against. A relative base (`/api/v1`, the natural value for a same-origin API) resolves against
 * `origin`, which defaults to the page's origin; where there is none (a server render, Node) it is a caller's
 * mistake and throws a `TypeError` before any request.
 * @example resolveBaseUrl('/api/v1', 'https://app.example').href // 'https://app.example/api/v1/'
 */
export function resolveBaseUrl(baseUrl: string, origin: string | undefined = globalThis.location?.origin): URL {
  const withoutQuery = baseUrl.replace(/\/*([?#].*)?$/s, '/')
  const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(withoutQuery)
  if (!isAbsolute && !origin)
    throw new TypeError(`baseUrl "${baseUrl}" is relative and there is no page origin to resolve it against: pass an absolute URL.`)
  return new URL(withoutQuery, isAbsolute ? undefined : origin)
}
