import type { AgoraAuthError } from '../errors/AgoraAuthError.js'
import type { AbortedError } from '../errors/AbortedError.js'
import type { ForbiddenError } from '../errors/ForbiddenError.js'
import type { HttpError } from '../errors/HttpError.js'
import { InvalidResponseError } from '../errors/InvalidResponseError.js'
import type { NetworkError } from '../errors/NetworkError.js'
import type { RateLimitedError } from '../errors/RateLimitedError.js'
import type { TokenRevokedError } from '../errors/TokenRevokedError.js'
import type { UnauthorizedError } from '../errors/UnauthorizedError.js'
import type {
  AgoraGetPath,
  AgoraPathFor,
  AgoraRequestArguments,
  AgoraRequestBody,
  AgoraRequestParameters,
  AgoraResponse,
  AgoraUndocumentedPath,
  AgoraUntyped,
  AgoraUntypedResponse,
} from '../openapi/paths.js'
import { type ResolveAgoraPathParameters, resolveAgoraPath } from '../openapi/resolveAgoraPath.js'
import { assertNonNegative } from './assertNonNegative.js'
import { createAgoraFetch } from './createAgoraFetch.js'
import { createUrlScope } from './createUrlScope.js'
import { errorFromResponseInfo } from './errorFromResponseInfo.js'
import { readBoundedText } from './readBoundedText.js'
import { readErrorResponse } from './readErrorResponse.js'
import { responseDetails } from './responseDetails.js'
import type { TokenSource } from './types.js'


export type CreateAgoraClientParameters = {
  /**
   * The API base, e.g. `https://vote.example/api/v1`, or relative to the page (`/api/v1`); the token goes only to
   * URLs below it.
   */
  baseUrl: string
  /**
   * What a relative `baseUrl` resolves against; default: the page's origin. A server has none: there the client
   * can be created (a server render) and say which paths are protected, but `fetch` and `request` throw a
   * `TypeError` until an `origin` is given.
   */
  origin?: string
  /** Where the bearer token comes from (session store, API-key source); without one, nothing is authenticated. */
  tokenSource?: TokenSource
  /** The `fetch` to send with; default: the global `fetch` at call time. */
  fetch?: typeof fetch
  /** Paths relative to `baseUrl` that never get the token; default {@link defaultPublicRoutes}. */
  publicRoutes?: readonly string[]
  /** How 429 answers are retried. */
  retry?: {
    /** Retries after a 429; default 2. */
    count?: number
    /** First backoff when there is no `Retry-After`, doubled each time, in ms; default 1000. */
    delay?: number
    /** The longest wait; a `Retry-After` beyond it is not waited for; default 30 000 ms. */
    maxDelay?: number
  }
}

/** What `request` takes besides the path: `fetch` options, query `params`, and a `body` sent as JSON. */
export type AgoraRequestOptions = Omit<RequestInit, 'body'> & {
  params?: Record<string, string | number | boolean | null | undefined>
  body?: unknown
  /**
   * The largest 2xx body to read, in bytes; a larger one is cancelled there and is an `InvalidResponseError`.
   * Default: no limit. Auth answers use `authResponseMaxBytes` (64 KiB). Error bodies are always read to 64 KiB at most.
   */
  maxResponseBytes?: number
}

/** What `client.fetch` rejects with; the token source's own errors (a refused signature, …) pass through as well. */
export type AgoraFetchErrorType = UnauthorizedError | TokenRevokedError | NetworkError | AbortedError | AgoraAuthError

/** What `client.request` rejects with. */
export type AgoraRequestErrorType = AgoraFetchErrorType | ForbiddenError | RateLimitedError | HttpError | InvalidResponseError

export type AgoraClient = {
  /** The normalised, absolute base URL, ending in `/`; only its path (`/api/v1/`) when a relative base has no origin. */
  baseUrl: string
  /**
   * `fetch` with the token attached inside `baseUrl` (redirects followed by hand, so it never leaves it), renewal on
   * 401 and waiting on 429; resolves with the final `Response` (non-2xx included). Relative URLs resolve against
   * `baseUrl`; URLs outside it pass through untouched. Rejects with `UnauthorizedError` (no request sent) when a
   * protected route has no session, `NetworkError`, `AbortedError`, or the token source's own error.
   */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>
  /**
   * GETs a documented path below `baseUrl` and resolves with the parsed JSON, typed from the Agora API document: the
   * template's `{…}` parameters go in `path`, its query in `params` (both checked). Throws `UnauthorizedError` (401
   * after one renewal), `TokenRevokedError`, `ForbiddenError`, `RateLimitedError` (429 after the retries),
   * `HttpError`, `InvalidResponseError` (2xx not JSON, or over `maxResponseBytes`), and what `fetch` throws; a
   * missing path parameter is a `TypeError` before any request.
   */
  request<P extends AgoraGetPath>(
    path: P,
    ...options: AgoraRequestArguments<P, 'get', Omit<AgoraRequestOptions, 'params' | 'body' | 'method'>>
  ): Promise<AgoraResponse<P>>
  /** POSTs the document's request body to a documented path and resolves with its typed answer (throws as a GET). */
  request<P extends AgoraPathFor<'post'>>(
    path: P,
    options: AgoraRequestParameters<P, 'post'> &
      Omit<AgoraRequestOptions, 'params' | 'body' | 'method'> & { method: 'POST'; body: AgoraRequestBody<P> },
  ): Promise<AgoraResponse<P, 'post'>>
  /**
   * A path the document does not have (or any method), resolved as the type you name, else `unknown` (`undefined`
   * when the body is empty). A documented path read this way needs the type argument: `request<Mine>('proposals')`.
   */
  request<T = AgoraUntyped, P extends string = string>(
    path: AgoraUndocumentedPath<T, P>,
    options?: AgoraRequestOptions,
  ): Promise<AgoraUntypedResponse<T>>
  /** Whether a URL would get the token (inside `baseUrl` and not a public route). */
  isProtected(input: string | URL | Request): boolean
}

/**
 * An HTTP client for an Agora API that sends the bearer token only where it belongs and re-authenticates once.
 * @example
 * const agora = createAgoraClient({ baseUrl: 'https://vote.example/api/v1', tokenSource: store })
 * const proposals = await agora.request<Page<Proposal>>('proposals', { params: { limit: 10 } })
 */
export function createAgoraClient(parameters: CreateAgoraClientParameters): AgoraClient {
  const { tokenSource, retry: { count = 2, delay = 1000, maxDelay = 30_000 } = {} } = parameters
  const retry = { count, delay, maxDelay }
  for (const [name, value] of Object.entries(retry)) assertNonNegative(`retry.${name}`, value)
  const scope = createUrlScope(parameters)
  const send: typeof fetch = parameters.fetch ?? ((input, init) => fetch(input, init))
  const agoraFetch = createAgoraFetch({ scope, tokenSource, send, retry })

  async function request<T>(path: string, options: AgoraRequestOptions & { path?: unknown } = {}): Promise<T> {
    const { params, body, maxResponseBytes, path: pathParameters, ...init } = options
    // No cap by default: an API answer can be large (a page of votes), only auth answers are small.
    const maxBytes = maxResponseBytes ?? Number.POSITIVE_INFINITY
    assertNonNegative('maxResponseBytes', maxBytes)
    // Paths are always below the base: `/proposals` means `{base}proposals`, not the origin's root.
    const filled = resolveAgoraPath(path, pathParameters as ResolveAgoraPathParameters | undefined)
    const url = new URL(filled.replace(/^\/+/, ''), scope.base)
    for (const [key, value] of Object.entries(params ?? {}))
      if (value != null) url.searchParams.append(key, String(value))
    const headers = new Headers(init.headers)
    if (!headers.has('accept')) headers.set('accept', 'application/json')
    if (body !== undefined) headers.set('content-type', 'application/json')
    // JSON.stringify(undefined) is undefined: no body.
    const response = await agoraFetch(url, { ...init, headers, body: JSON.stringify(body) })
    if (!response.ok) throw errorFromResponseInfo(await readErrorResponse(response))
    const text = await readBoundedText(response, { maxBytes, signal: init.signal })
    if (!text) return undefined as T
    try {
      return JSON.parse(text) as T
    } catch (cause) {
      throw new InvalidResponseError(undefined, { ...responseDetails(response), cause })
    }
  }

  return {
    baseUrl: scope.originMissing ? scope.base.pathname : scope.base.href,
    fetch: agoraFetch,
    request,
    isProtected: (input) => scope.isProtected(scope.resolve(input)),
  }
}
