import { defaultPublicRoutes } from './defaultPublicRoutes.js'
import { resolveBaseUrl } from './resolveBaseUrl.js'

export type CreateUrlScopeParameters = {
  /** The API base, absolute or relative to `origin`. */
  baseUrl: string
  /** What a relative `baseUrl` resolves against; default: the page's origin. */
  origin?: string
  /** Paths relative to the base that never get the token; default {@link defaultPublicRoutes}. */
  publicRoutes?: readonly string[]
}

/** Which URLs belong to the API and which of those get the token: the one place that decides where a token may go. */
export type UrlScope = {
  /** The absolute base, ending in `/` (on a stand-in origin when `originMissing`). */
  base: URL
  /**
   * Set when a relative base has no origin to resolve against (a server render): paths can still be judged, but
   * nothing can be sent; this is the `TypeError` message for a caller that tries.
   */
  originMissing?: string
  /** The absolute URL a `fetch` input names (relative inputs resolve against the base); undefined when unparsable. */
  resolve(input: string | URL | Request): URL | undefined
  /** Whether `url` is the base or below it: same scheme, host and port, no credentials, path under the base path. */
  isInside(url: URL | undefined): url is URL
  /** Whether `url` is inside and not a public route: the URLs that get the token. */
  isProtected(url: URL | undefined): url is URL
}

/**
 * The URL rules of one client: resolves inputs against the base and says which URLs get the token.
 * @example createUrlScope({ baseUrl: '/api/v1', publicRoutes: defaultPublicRoutes }).isProtected(new URL(location.href))
 */
export function createUrlScope(parameters: CreateUrlScopeParameters): UrlScope {
  const { base, originMissing } = resolveScopeBase(parameters)
  const publicRoutes = (parameters.publicRoutes ?? defaultPublicRoutes).map((route) => route.replace(/^\/+|\/+$/g, ''))

  function resolve(input: string | URL | Request): URL | undefined {
    // A Request (of any realm) names its URL in `.url`; a string or URL stringifies to it.
    const href = (input as Partial<Request>).url ?? `${input}`
    try {
      return new URL(href, base)
    } catch {
      // Unparsable: not ours, so `fetch` gets the input untouched and reports it the way it always does.
      return undefined
    }
  }

  // The WHATWG parser has already lowered the host, dropped default ports and resolved `..`, `%2e%2e` and `\`;
  // comparing the serialised href then checks scheme, host, port, absence of credentials and path prefix at once.
  function isInside(url: URL | undefined): url is URL {
    if (!url) return false
    const withoutQuery = url.href.replace(/[?#].*/s, '')
    return `${withoutQuery}/`.startsWith(base.href)
  }

  function isProtected(url: URL | undefined): url is URL {
    if (!isInside(url)) return false
    const path = url.pathname.slice(base.pathname.length).replace(/\/+$/, '')
    const isPublic = publicRoutes.some((route) =>
      route.endsWith('/*') ? path.startsWith(route.slice(0, -1)) : path === route,
    )
    return !isPublic
  }

  return { base, originMissing, resolve, isInside, isProtected }
}

// A reserved name (RFC 2606) that no request can reach: where a relative base waits for a page origin.
const standInOrigin = 'http://origin.invalid'

/**
 * The base, or for a relative base with no origin at all (a server render of a client component), the base on a
 * stand-in origin and the reason it cannot be used to send. Any other mistake throws here, at creation.
 */
function resolveScopeBase({ baseUrl, origin }: CreateUrlScopeParameters): Pick<UrlScope, 'base' | 'originMissing'> {
  try {
    return { base: resolveBaseUrl(baseUrl, origin) }
  } catch (error) {
    const mayWaitForOrigin = origin === undefined && error instanceof TypeError
    if (!mayWaitForOrigin) throw error
    // Still a TypeError now when the base is wrong in itself, not only missing its origin.
    return { base: resolveBaseUrl(baseUrl, standInOrigin), originMissing: error.message }
  }
}
