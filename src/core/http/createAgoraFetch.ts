import { TokenRevokedError } from '../errors/TokenRevokedError.js'
import { UnauthorizedError } from '../errors/UnauthorizedError.js'
import { abortable } from './abortable.js'
import { cancelBody } from './cancelBody.js'
import type { UrlScope } from './createUrlScope.js'
import { followRedirects } from './followRedirects.js'
import { readErrorResponse } from './readErrorResponse.js'
import { retryDelay } from './retryDelay.js'
import { sleep } from './sleep.js'
import type { TokenSource } from './types.js'
import { withNetworkErrors } from './withNetworkErrors.js'

export type CreateAgoraFetchParameters = {
  scope: UrlScope
  tokenSource: TokenSource | undefined
  send: typeof fetch
  retry: { count: number; delay: number; maxDelay: number }
}

// 401 reasons a new token cannot fix: the credential is gone, or the token is fine but not allowed this route.
const finalReasons: readonly (string | undefined)[] = ['token_revoked', 'missing_claim', 'User disabled', 'JWT scope does not match route']

/**
 * The client's `fetch`: the token attached inside the base (and only there, redirects included), one renewal on
 * 401 (client → `tokenSource.renewToken` → retry), and waits on 429.
 * @example const agoraFetch = createAgoraFetch({ scope, tokenSource, send: fetch, retry: { count: 2, delay: 1000, maxDelay: 30_000 } })
 */
export function createAgoraFetch({ scope, tokenSource, send, retry }: CreateAgoraFetchParameters): typeof fetch {
  return async function agoraFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    // A relative base on a server without an origin: the caller's mistake, before anything is sent.
    if (scope.originMissing) throw new TypeError(scope.originMissing)
    const url = scope.resolve(input)
    const isRequest = input instanceof Request
    const signal = init?.signal ?? (input as Partial<Request>).signal
    // Outside the API: exactly what the caller asked for, untouched, and never our token.
    if (!scope.isInside(url)) return withNetworkErrors(send(isRequest || !url ? input : url, init), signal)
    // Never sent itself: every attempt sends a copy, so a body (even a stream) can go again after a 401 or 429.
    const request = new Request(isRequest ? input : url, init)
    // A caller that set its own Authorization manages auth itself.
    const getsToken = tokenSource !== undefined && scope.isProtected(url) && !request.headers.has('authorization')
    let token = getsToken ? await abortable(tokenSource.getToken({ signal }), signal) : undefined
    if (token === null) throw new UnauthorizedError('Sign in first.')
    let renewed = false
    let rateLimitedRetries = 0
    for (;;) {
      const { response, tokenSent } = token
        ? await followRedirects({ send, request, token, scope })
        : { response: await withNetworkErrors(send(request.clone()), signal), tokenSent: false }

      if (response.status === 401 && tokenSent && tokenSource && token) {
        const info = await readErrorResponse(response.clone())
        if (info.reason === 'token_revoked') tokenSource.revoke?.(new TokenRevokedError(info))
        // One renewal per request: a 401 on a fresh token is final, never a loop.
        const isRenewable = !renewed && !finalReasons.includes(info.reason)
        if (!isRenewable) return response
        renewed = true
        await cancelBody(response)
        token = await abortable(tokenSource.renewToken(token, { signal }), signal)
        continue
      }

      const wait = response.status === 429 && rateLimitedRetries < retry.count
        ? retryDelay({ response, retriesSoFar: rateLimitedRetries, ...retry })
        : undefined
      if (wait === undefined) return response
      rateLimitedRetries++
      await cancelBody(response)
      await sleep(wait, signal)
    }
  }
}
