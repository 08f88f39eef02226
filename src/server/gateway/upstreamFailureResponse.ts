import { envelope } from '../respond.js'
import type { UpstreamFailure } from './forwardToUpstream.js'

/** Status and message of each failure: said to the browser without any detail of the upstream or the credential. */
const ANSWERS: Record<UpstreamFailure['code'], { status: number; message: string }> = {
  upstream_unauthorized: { status: 502, message: 'The upstream API refused this server\'s credential. This is a server problem: signing in again will not help.' },
  upstream_rate_limited: { status: 429, message: 'The upstream API limits this server\'s credential; wait for Retry-After seconds.' },
  upstream_unreachable: { status: 502, message: 'The upstream API could not be reached.' },
  upstream_timeout: { status: 504, message: 'The upstream API did not answer in time.' },
  upstream_redirect: { status: 502, message: 'The upstream API answered with a redirect, which this server does not follow.' },
  upstream_response_too_large: { status: 502, message: 'The upstream API\'s answer is larger than this server passes on.' },
  upstream_invalid_response: { status: 502, message: 'The upstream API gave an answer this server cannot use.' },
}

/**
 * The gateway's own answer for a failed upstream request (internal): a Public API v0 style envelope whose `code` names
 * the failure, never a 401 (a 401 would make the client re-authenticate the user, which cannot fix the server's key).
 * @example upstreamFailureResponse({ kind: 'failure', code: 'upstream_timeout' }) // 504
 */
export function upstreamFailureResponse(failure: UpstreamFailure): Response {
  const { status, message } = ANSWERS[failure.code]
  const headers: Record<string, string> = {}
  if (failure.upstreamRequestId) headers['Upstream-Request-Id'] = failure.upstreamRequestId
  if (failure.retryAfter !== undefined) headers['Retry-After'] = String(failure.retryAfter)
  const context = failure.retryAfter === undefined ? undefined : { retry_after: failure.retryAfter }
  return envelope(status, failure.code, message, context, headers)
}

