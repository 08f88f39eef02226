/**
 * The API base as an absolute URL ending in `/` (query and hash dropped), the form every check of the library
 * compares against. A relative base (`/api/v1`, the natural value for a same-origin API) resolves against
 * `origin`, which defaults to the page's origin; where there is none (a server render, Node) it is a caller's
 * mistake and throws a `TypeError` before any request.
 * @example resolveBaseUrl('/api/v1', 'https://app.example').href // 'https://app.example/api/v1/'
 */
export function resolveBaseUrl(baseUrl: string, origin: string | undefined = pageOrigin()): URL {
  if (typeof baseUrl !== 'string' || !baseUrl) throw new TypeError(`baseUrl must be a URL or a path, not "${baseUrl}".`)
  const withoutQuery = baseUrl.replace(/\/*([?#].*)?$/s, '/')
  const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(withoutQuery)
  if (isAbsolute) return new URL(withoutQuery)
  if (!origin) throw new TypeError(`baseUrl "${baseUrl}" is relative and there is no page origin: pass \`origin\` or an absolute URL.`)
  // Against the origin only (`api/v1` and `/api/v1` name the same base), never against the page's own path.
  const { origin: originOnly } = new URL(origin)
  const base = new URL(withoutQuery, originOnly)
  // A relative base stays on the origin (`//evil.example/api` names another host): another host is written in full.
  if (base.origin !== originOnly) throw new TypeError(`baseUrl "${baseUrl}" names another origin: write it in full.`)
  return base
}

/** The page's origin in a browser; undefined on a server and on opaque origins (`file:`, sandboxed frames say "null"). */
function pageOrigin(): string | undefined {
  const origin = globalThis.location?.origin
  return origin && origin !== 'null' ? origin : undefined
}
