import type { AgoraAuthError } from '../errors/AgoraAuthError.js'
import {
  ForbiddenError,
  HttpError,
  RateLimitedError,
  TokenRevokedError,
  UnauthorizedError,
} from '../errors/errors.js'

/** What an error response says, whichever of Agora's envelopes it came in. */
export type ErrorResponseInfo = {
  status: number
  reason?: string
  requestId?: string
  retryAfter?: number
}

/** Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date); undefined when absent or garbage. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  const seconds = /^\s*\d+\s*$/.test(value) ? Number(value) : Math.max(0, Math.ceil((Date.parse(value) - now) / 1000))
  return Number.isNaN(seconds) ? undefined : seconds
}

/**
 * Reads an error response once, as text first (contract A sends plain text under a JSON content type), then
 * picks the reason from `{context.reason}`, `{code}`, `{message}` or the text itself. Absent fields are undefined.
 */
export async function readErrorResponse(response: Response): Promise<ErrorResponseInfo> {
  const text = await response.text().catch(() => '')
  let reason: string | undefined
  try {
    const body = JSON.parse(text)
    reason = [body.context?.reason, body.code, body.message].find((value): value is string => typeof value === 'string')
  } catch {} // not JSON, or JSON null
  const { status, headers } = response
  return {
    status,
    reason: reason ?? (text.trim().slice(0, 300) || undefined),
    requestId: headers.get('request-id') || headers.get('x-request-id') || undefined,
    retryAfter: parseRetryAfter(headers.get('retry-after')),
  }
}

/** The typed error for an HTTP failure: 401 → Unauthorized (or TokenRevoked), 403 → Forbidden, 429 → RateLimited. */
export function errorFromResponseInfo(info: ErrorResponseInfo): AgoraAuthError {
  if (info.status === 401)
    return info.reason === 'token_revoked' ? new TokenRevokedError(info) : new UnauthorizedError(undefined, info)
  if (info.status === 403) return new ForbiddenError(info)
  if (info.status === 429) return new RateLimitedError(info)
  return new HttpError(info)
}
