import { NetworkError } from '../errors/NetworkError.js'
import { cancelBody } from './cancelBody.js'
import type { UrlScope } from './createUrlScope.js'
import { withNetworkErrors } from './withNetworkErrors.js'

export type FollowRedirectsParameters = {
  send: typeof fetch
  /** The request as the caller made it, never sent (each attempt sends a copy), without our token. */
  request: Request
  /** The bearer token for URLs the scope protects. */
  token: string
  scope: UrlScope
  /** Most redirects to follow with the token, as `fetch` bounds its own; default 20. */
  maxRedirects?: number
}

export type FollowRedirectsReturnType = {
  response: Response
  /** Whether the request that got `response` carried the token (a 401 is then about the token). */
  tokenSent: boolean
}

const redirectStatuses = [301, 302, 303, 307, 308]

/**
 * Sends `request` with the token without following redirects, so that the token goes only to protected URLs
 * inside the base. A redirect is asked again without the token and followed by `fetch` itself (one path for every
 * runtime: browsers hide a manual redirect's target); when that ends on a protected URL, a GET or HEAD (safe to
 * repeat) is asked there with the token.
 * @example const { response } = await followRedirects({ send: fetch, request, token, scope })
 */
export async function followRedirects(parameters: FollowRedirectsParameters): Promise<FollowRedirectsReturnType> {
  const { send, request, token, scope, maxRedirects = 20 } = parameters
  const { signal } = request
  // The caller's own redirect mode ('manual' to see the 30x, 'error' to refuse it) is kept: nothing is followed.
  const isFollowedHere = request.redirect === 'follow'
  const isSafeToRepeat = request.method === 'GET' || request.method === 'HEAD'
  let target = request.url
  for (let hops = 0; ; hops++) {
    const withToken = copyOf(request, target, { token, redirect: isFollowedHere ? 'manual' : request.redirect })
    const response = await withNetworkErrors(send(withToken), signal)
    // Node shows the 30x and its Location; a browser answers an opaque redirect without either.
    const isRedirect = response.type === 'opaqueredirect' || (redirectStatuses.includes(response.status) && response.headers.has('location'))
    if (!isFollowedHere || !isRedirect) return { response, tokenSent: true }
    await cancelBody(response)
    if (hops >= maxRedirects) throw new NetworkError({ cause: new TypeError(`More than ${maxRedirects} redirects.`) })
    const followed = await withNetworkErrors(send(copyOf(request, target, { redirect: 'follow' })), signal)
    const finalUrl = scope.resolve(followed.url || target)
    const endsProtected = followed.redirected && scope.isProtected(finalUrl)
    if (!endsProtected || !isSafeToRepeat) return { response: followed, tokenSent: false }
    await cancelBody(followed)
    target = finalUrl.href
  }
}

/** A fresh copy of `request` for `url`, with or without the token; the original stays unsent for the next copy. */
function copyOf(request: Request, url: string, { token, redirect }: { token?: string; redirect: RequestRedirect }): Request {
  const headers = new Headers(request.headers)
  if (token) headers.set('authorization', `Bearer ${token}`)
  // The request's own URL: a clone keeps everything, body included (a browser sends it without streaming it).
  if (url === request.url) return new Request(request.clone(), { headers, redirect })
  // Another URL is only ever asked with GET or HEAD (see above): there is no body to carry.
  const { method, signal, credentials, cache, keepalive, referrerPolicy } = request
  return new Request(url, { method, headers, redirect, signal, credentials, cache, keepalive, referrerPolicy })
}
