import { AbortedError } from '../../core/errors/AbortedError.js'
import { AgoraAuthError } from '../../core/errors/AgoraAuthError.js'
import { NetworkError } from '../../core/errors/NetworkError.js'
import type { AgoraClient } from '../../core/http/createAgoraClient.js'
import { withNetworkErrors } from '../../core/http/withNetworkErrors.js'
import { readBody } from '../readBody.js'

export type ForwardToUpstreamParameters = {
  upstream: AgoraClient
  /** The browser's request: only its method and the allowed headers are read. */
  request: Request
  /** The request body, already read (and bounded) by the server. */
  body: Uint8Array
  /** Below the upstream base, with its query (`proposals?limit=10`). */
  upstreamPath: string
  /** Lower-case names of the request headers passed on. */
  requestHeaders: readonly string[]
  timeoutMs: number
  maxResponseBytes: number
}

/** What the upstream answered, with only the allowed response headers. */
export type UpstreamAnswer = { kind: 'answer'; status: number; headers: Headers; body: Uint8Array<ArrayBuffer>; upstreamRequestId?: string }

/** Why the gateway answers for the upstream instead: the code of its own envelope. */
export type UpstreamFailure = {
  kind: 'failure'
  code:
    | 'upstream_unauthorized'
    | 'upstream_rate_limited'
    | 'upstream_unreachable'
    | 'upstream_timeout'
    | 'upstream_redirect'
    | 'upstream_response_too_large'
    | 'upstream_invalid_response'
  retryAfter?: number
  upstreamRequestId?: string
}

/** Response headers that describe the data; never a cookie, a CORS grant or a server's internals. */
const RESPONSE_HEADERS = ['content-type', 'content-language', 'cache-control', 'etag', 'last-modified', 'retry-after']

/** The typed error of a request that got no usable answer (the key exchange included), as the gateway's failure. */
function failureOf(error: unknown): UpstreamFailure {
  // The request's deadline (an abort), or the key exchange's own deadline (a fetch that failed with a TimeoutError).
  const isExchangeTimeout = error instanceof NetworkError && (error.cause as { name?: unknown } | undefined)?.name === 'TimeoutError'
  if (error instanceof AbortedError || isExchangeTimeout) return { kind: 'failure', code: 'upstream_timeout' }
  if (error instanceof NetworkError) return { kind: 'failure', code: 'upstream_unreachable' }
  if (!(error instanceof AgoraAuthError)) throw error
  const { requestId: upstreamRequestId, retryAfter } = error
  // The exchange of the gateway's own key was refused (401 revoked or unknown, 403): the server's problem.
  const isCredentialRefused = error.code === 'UNAUTHORIZED' || error.code === 'TOKEN_REVOKED' || error.code === 'FORBIDDEN'
  if (isCredentialRefused) return { kind: 'failure', code: 'upstream_unauthorized', upstreamRequestId }
  if (error.code === 'RATE_LIMITED') return { kind: 'failure', code: 'upstream_rate_limited', retryAfter, upstreamRequestId }
  return { kind: 'failure', code: 'upstream_invalid_response', upstreamRequestId }
}

/**
 * One upstream request for a browser's request (internal): the gateway's credential, the allowed headers only, no
 * redirect followed, bounded in time and size. A 401 is never passed on (it is about the gateway's key, and would
 * open the user's wallet): it is an `upstream_unauthorized` failure, as are a dead, slow or oversized upstream.
 * @example const result = await forwardToUpstream({ upstream, request, body, upstreamPath: 'proposals', requestHeaders: ['accept'], timeoutMs: 10_000, maxResponseBytes: 1 << 20 })
 */
export async function forwardToUpstream(parameters: ForwardToUpstreamParameters): Promise<UpstreamAnswer | UpstreamFailure> {
  const { upstream, request, body, upstreamPath, timeoutMs, maxResponseBytes } = parameters
  const headers = new Headers()
  for (const name of parameters.requestHeaders) {
    const value = request.headers.get(name)
    if (value !== null) headers.set(name, value)
  }
  const method = request.method === 'HEAD' ? 'GET' : request.method
  const hasBody = method !== 'GET' && body.byteLength > 0
  // One deadline for the whole exchange: the key exchange, the answer's headers and its body.
  const signal = AbortSignal.timeout(timeoutMs)
  let response: Response
  let answerBody: Uint8Array<ArrayBuffer> | undefined
  try {
    const url = new URL(upstreamPath, upstream.baseUrl)
    response = await upstream.fetch(url, { method, headers, body: hasBody ? body.slice() : undefined, signal, redirect: 'manual' })
    answerBody = await withNetworkErrors(readBody(response, maxResponseBytes, signal), signal)
  } catch (error) {
    return failureOf(error)
  }
  const upstreamRequestId = response.headers.get('request-id') ?? undefined
  if (response.status === 401) return { kind: 'failure', code: 'upstream_unauthorized', upstreamRequestId }
  const isRedirect = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304)
  if (isRedirect) return { kind: 'failure', code: 'upstream_redirect', upstreamRequestId }
  if (!answerBody) return { kind: 'failure', code: 'upstream_response_too_large', upstreamRequestId }
  const passed = new Headers()
  for (const name of RESPONSE_HEADERS) {
    const value = response.headers.get(name)
    if (value !== null) passed.set(name, value)
  }
  return { kind: 'answer', status: response.status, headers: passed, body: answerBody, upstreamRequestId }
}
