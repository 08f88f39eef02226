import { InvalidResponseError, NetworkError, TokenRevokedError, UnauthorizedError } from '../errors/errors.js'
import { abortable } from './abortable.js'
import { errorFromResponseInfo, parseRetryAfter, readErrorResponse } from './readErrorResponse.js'
import type { TokenSource } from './types.js'

/** The routes of both Agora APIs that take no token; a trailing `/*` matches everything below. */
export const defaultPublicRoutes: readonly string[] = [
  'auth/nonce',
  'auth/verify',
  'auth/token',
  'votable_supply',
  'spec',
  'metrics',
  'metrics/*',
]

export type CreateAgoraClientParameters = {
  /** The API base, e.g. `https://vote.example/api/v1`; the token goes only to URLs below it. */
  baseUrl: string
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
}

export type AgoraClient = {
  /** The normalised base URL, ending in `/`. */
  baseUrl: string
  /**
   * `fetch` with the token attached inside `baseUrl`, renewal on 401 and waiting on 429; resolves with the
   * final `Response` (non-2xx included). Relative URLs resolve against `baseUrl`; URLs outside it pass through
   * untouched. Rejects with `UnauthorizedError` (no request sent) when a protected route has no session,
   * `NetworkError`, `AbortedError`, or the token source's own error.
   */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>
  /**
   * GETs (or `method`s) `path` below `baseUrl` and resolves with the parsed JSON (`undefined` when empty). Throws
   * `UnauthorizedError` (401 after one renewal), `TokenRevokedError`, `ForbiddenError`, `RateLimitedError` (429 after
   * the retries), `HttpError`, `InvalidResponseError` (2xx not JSON), and what `fetch` throws.
   */
  request<T = unknown>(path: string, options?: AgoraRequestOptions): Promise<T>
  /** Whether a URL would get the token (inside `baseUrl` and not a public route). */
  isProtected(input: string | URL | Request): boolean
}

// 401 reasons a new token cannot fix: the credential is gone, or the token is fine but not allowed this route.
const finalReasons: readonly (string | undefined)[] = ['token_revoked', 'missing_claim', 'User disabled', 'JWT scope does not match route']

/** `promise`, with a failure to get any answer as `NetworkError` and an abort as `AbortedError`. */
const network = <T>(promise: Promise<T>, signal: AbortSignal | null | undefined) =>
  abortable(
    promise.catch((cause) => {
      throw new NetworkError({ cause })
    }),
    signal,
  )

/**
 * An HTTP client for an Agora API that sends the bearer token only where it belongs and re-authenticates once.
 * @example
 * const agora = createAgoraClient({ baseUrl: 'https://vote.example/api/v1', tokenSource: store })
 * const proposals = await agora.request<Page<Proposal>>('proposals', { params: { limit: 10 } })
 */
export function createAgoraClient(parameters: CreateAgoraClientParameters): AgoraClient {
  const { tokenSource, retry: { count = 2, delay = 1000, maxDelay = 30_000 } = {} } = parameters
  const publicRoutes = (parameters.publicRoutes ?? defaultPublicRoutes).map((r) => r.replace(/^\/+|\/+$/g, ''))
  const send: typeof fetch = parameters.fetch ?? ((input, init) => fetch(input, init))
  // Without query and hash, and ending in exactly one `/`, so that relative paths resolve below it.
  const base = new URL(parameters.baseUrl.replace(/\/*([?#].*)?$/s, '/'))

  // A Request names its URL in `.url`; a string or URL stringifies to it.
  const resolve = (input: string | URL | Request) => {
    try {
      return new URL((input as Request).url ?? `${input}`, base)
    } catch {}
  }
  // The WHATWG parser has already lowered the host, dropped default ports and resolved `..`, `%2e%2e` and `\`;
  // comparing the serialised href then checks scheme, host, port, absence of credentials and path prefix at once.
  const inside = (url: URL | undefined): url is URL => !!url && `${url.href.replace(/[?#].*/s, '')}/`.startsWith(base.href)
  const isProtected = (url: URL | undefined) => {
    if (!inside(url)) return false
    const path = url.pathname.slice(base.pathname.length).replace(/\/+$/, '')
    return !publicRoutes.some((r) => (r.endsWith('/*') ? path.startsWith(r.slice(0, -1)) : path === r))
  }

  async function agoraFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const url = resolve(input)
    const isRequest = input instanceof Request
    const signal = init?.signal ?? (input as Partial<Request>).signal
    // Outside the API: exactly what the caller asked for, untouched, and never our token.
    if (!inside(url)) return network(send(isRequest || !url ? input : url, init), signal)
    // A Request or a stream body can be read once: keep an unsent master and send a clone on each attempt.
    // Other bodies (string, Blob, FormData, …) are simply passed again, which is cheaper.
    const master = isRequest || init?.body instanceof ReadableStream ? new Request(isRequest ? input : url, init) : undefined
    const headers = master?.headers ?? new Headers(init?.headers)
    // A caller that set its own Authorization manages auth itself.
    let token =
      tokenSource && isProtected(url) && !headers.has('authorization')
        ? await abortable(tokenSource.getToken({ signal }), signal)
        : undefined
    if (token === null) throw new UnauthorizedError('Sign in first.')
    let renewed = false
    let attempt = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    for (;;) {
      // On the master before cloning it, or on the headers sent with `init` (the token only changes between attempts).
      if (token) headers.set('authorization', `Bearer ${token}`)
      const response = await network(send(master?.clone() ?? url, master ? undefined : { ...init, headers }), signal)
      // What to wait for before the next attempt; none: this response is the answer.
      let next: Promise<unknown> | undefined
      if (response.status === 401 && token) {
        const info = await readErrorResponse(response.clone())
        if (info.reason === 'token_revoked') tokenSource!.revoke?.(new TokenRevokedError(info))
        // One renewal per request: a 401 on a fresh token is final, never a loop.
        if (!renewed && !finalReasons.includes(info.reason)) {
          renewed = true
          next = tokenSource!.renewToken(token, { signal }).then((t) => (token = t))
        }
      } else if (response.status === 429 && attempt++ < count) {
        const after = parseRetryAfter(response.headers.get('retry-after'))
        // Without Retry-After: delay, 2 × delay, … up to maxDelay; a longer Retry-After is not waited for.
        const ms = after === undefined ? Math.min(delay * 2 ** (attempt - 1), maxDelay) : after * 1000
        if (ms <= maxDelay) next = new Promise((r) => (timer = setTimeout(r, ms)))
      }
      if (!next) return response
      void response.body?.cancel()
      // An abort also clears a pending 429 timer, so it does not keep a process alive.
      await abortable(next, signal).finally(() => clearTimeout(timer))
    }
  }

  async function request<T>(path: string, { params, body, ...init }: AgoraRequestOptions = {}): Promise<T> {
    // Paths are always below the base: `/proposals` means `{base}proposals`, not the origin's root.
    const url = new URL(path.replace(/^\/+/, ''), base)
    for (const [key, value] of Object.entries(params ?? {}))
      if (value != null) url.searchParams.append(key, String(value))
    const headers = new Headers(init.headers)
    if (!headers.has('accept')) headers.set('accept', 'application/json')
    if (body !== undefined) headers.set('content-type', 'application/json')
    // JSON.stringify(undefined) is undefined: no body.
    const response = await agoraFetch(url, { ...init, headers, body: JSON.stringify(body) })
    if (!response.ok) throw errorFromResponseInfo(await readErrorResponse(response))
    const text = await network(response.text(), init.signal)
    try {
      return text ? JSON.parse(text) : (undefined as T)
    } catch (cause) {
      throw new InvalidResponseError(undefined, {
        status: response.status,
        requestId: response.headers.get('request-id') ?? undefined,
        cause,
      })
    }
  }

  return { baseUrl: base.href, fetch: agoraFetch, request, isProtected: (input) => isProtected(resolve(input)) }
}
