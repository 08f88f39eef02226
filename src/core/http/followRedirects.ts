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
  const ask = (copy: Request) => withNetworkErrors(send(copy), request.signal)
  // The caller's own redirect mode ('manual' to see the 30x, 'error' to refuse it) is kept: nothing is followed.
  const isFollowedHere = request.redirect === 'follow'
  const isSafeToRepeat = request.method === 'GET' || request.method === 'HEAD'
  let target = request.url
  for (let hops = 0; ; hops++) {
    const response = await ask(copyOf(request, target, isFollowedHere ? 'manual' : request.redirect, token))
    // Node shows the 30x and its Location; a browser answers an opaque redirect without either.
    const isRedirect = response.type === 'opaqueredirect' || (redirectStatuses.includes(response.status) && response.headers.has('location'))
    if (!isFollowedHere || !isRedirect) return { response, tokenSent: true }
    await cancelBody(response)
    if (hops >= maxRedirects) throw new NetworkError({ cause: new TypeError(`More than ${maxRedirects} redirects.`) })
    const followed = await ask(copyOf(request, target, 'follow'))
    const finalUrl = scope.resolve(followed.url || target)
    const endsProtected = followed.redirected && scope.isProtected(finalUrl)
    if (!endsProtected || !isSafeToRepeat) return { response: followed, tokenSent: false }
    await cancelBody(followed)
    target = finalUrl.href
  }
}

/** A fresh copy of `request` for `url`, with the token when given; the original stays unsent for the next copy. */
function copyOf(request: Request, url: string, redirect: RequestRedirect, token?: string): Request {
  // The request's own URL: a clone keeps everything, body included (a browser sends it without streaming it).
  // Another URL is only ever asked with GET or HEAD (see above): no body to carry, and the request itself is the
  // init that carries the rest (method, headers, signal, credentials, cache, …).
  // Only a request with a body is cloned (a copy made from the request itself would use its body up).
  const sameUrlSource = request.body ? request.clone() : request
  const source = url === request.url ? sameUrlSource : new Request(url, request)
  // An init resets the referrer and its policy (Fetch standard): they are given again.
  const { referrer, referrerPolicy } = request
  const copy = new Request(source, { redirect, referrer, referrerPolicy })
  if (token) copy.headers.set('authorization', `Bearer ${token}`)
  return copy
}
