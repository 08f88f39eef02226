import { NetworkError } from '../errors/NetworkError.js'
import type { UrlScope } from './createUrlScope.js'
import { withNetworkErrors } from './withNetworkErrors.js'

export type FollowRedirectsParameters = {
  send: typeof fetch
  /** The request as the caller made it, never sent (each attempt sends a copy), without our token. */
  request: Request
  /** The bearer token for URLs the scope protects. */
  token: string
  scope: UrlScope
  /** Most redirects to follow, as `fetch` does; default 20. */
  maxRedirects?: number
}

export type FollowRedirectsReturnType = {
  response: Response
  /** Whether the request that got `response` carried the token (a 401 is then about the token). */
  tokenSent: boolean
}

const redirectStatuses = [301, 302, 303, 307, 308]
/** Headers that describe a body, dropped with it when a redirect turns the request into a GET (as `fetch` does). */
const bodyHeaders = ['content-encoding', 'content-language', 'content-location', 'content-type', 'content-length']

/**
 * Sends `request` with the token and follows redirects by hand, so that the token goes only to protected URLs
 * inside the base: a hop that leaves them is sent without it, and `fetch` follows the rest of the way on its own.
 * Browsers hide a manual redirect's target (`opaqueredirect`): there the hop is asked again without the token and
 * followed by the browser; when it ends on a protected URL (GET and HEAD only: repeating them is safe) that URL
 * is asked with the token.
 * @example const { response } = await followRedirects({ send: fetch, request, token, scope })
 */
export async function followRedirects(parameters: FollowRedirectsParameters): Promise<FollowRedirectsReturnType> {
  const { send, request, token, scope, maxRedirects = 20 } = parameters
  const { signal } = request
  // The caller's own redirect mode ('manual' to see the 30x, 'error' to refuse it) is kept: nothing is followed.
  if (request.redirect !== 'follow') {
    const response = await withNetworkErrors(send(copyOf(request, request.url, { token })), signal)
    return { response, tokenSent: true }
  }
  let target = request.url
  let method = request.method
  // undefined: the request's own body; after a redirect, a buffered copy of it or none.
  let body: ArrayBuffer | null | undefined
  for (let hops = 0; ; hops++) {
    const hop = { token, method, body, redirect: 'manual' as const }
    const response = await withNetworkErrors(send(copyOf(request, target, hop)), signal)
    const isHiddenRedirect = response.type === 'opaqueredirect'
    const location = redirectStatuses.includes(response.status) ? response.headers.get('location') : null
    if (!isHiddenRedirect && location === null) return { response, tokenSent: true }
    await response.body?.cancel().catch(() => undefined)
    if (hops >= maxRedirects) throw new NetworkError({ cause: new TypeError(`More than ${maxRedirects} redirects.`) })

    if (isHiddenRedirect) {
      const withoutToken = copyOf(request, target, { ...hop, token: undefined, redirect: 'follow' })
      const followed = await withNetworkErrors(send(withoutToken), signal)
      const finalUrl = scope.resolve(followed.url || target)
      const isSafeToRepeat = method === 'GET' || method === 'HEAD'
      if (!followed.redirected || !isSafeToRepeat || !scope.isProtected(finalUrl)) return { response: followed, tokenSent: false }
      await followed.body?.cancel().catch(() => undefined)
      target = finalUrl.href
      continue
    }

    const next = parseUrl(location!, target)
    if (!next) throw new NetworkError({ cause: new TypeError(`Unusable redirect to ${location}.`) })
    // 303, and 301/302 after a POST, become a GET without a body; 307/308 repeat the method and the body.
    const status = response.status
    const becomesGet = (status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')
    if (becomesGet) method = 'GET'
    if (becomesGet || request.body === null) body = null
    else if (body === undefined) body = await request.clone().arrayBuffer()
    target = next.href
    if (!scope.isProtected(next)) {
      // Leaving the protected URLs: from here on there is no token to guard, so `fetch` follows as it always does.
      const rest = copyOf(request, target, { token: undefined, method, body, redirect: 'follow' })
      return { response: await withNetworkErrors(send(rest), signal), tokenSent: false }
    }
  }
}

type CopyOptions = {
  token: string | undefined
  method?: string
  body?: ArrayBuffer | null
  redirect?: RequestRedirect
}

/** A fresh copy of `request` for `url`, with or without the token; the original stays unsent for the next copy. */
function copyOf(request: Request, url: string, { token, method = request.method, body, redirect = request.redirect }: CopyOptions): Request {
  const headers = new Headers(request.headers)
  if (token) headers.set('authorization', `Bearer ${token}`)
  // Unchanged but for headers: a clone keeps everything, and a browser sends its body without streaming it.
  if (url === request.url && body === undefined) return new Request(request.clone(), { headers, redirect })
  if (method !== request.method) for (const name of bodyHeaders) headers.delete(name)
  return new Request(url, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? null : body,
    redirect,
    signal: request.signal,
    credentials: request.credentials,
    cache: request.cache,
    keepalive: request.keepalive,
    referrerPolicy: request.referrerPolicy,
  })
}

/** `location` resolved against `base`, as `fetch` does; undefined when unparsable. */
function parseUrl(location: string, base: string): URL | undefined {
  try {
    return new URL(location, base)
  } catch {
    // An unparsable Location ends the redirect as a network error, as in `fetch`.
    return undefined
  }
}
