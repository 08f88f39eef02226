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
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000))
}

/**
 * Reads an error response once, as text first (contract A sends plain text under a JSON content type), then
 * picks the reason from `{message}`, `{code, context.reason}` or the text itself.
 */
export async function readErrorResponse(response: Response): Promise<ErrorResponseInfo> {
  let text = ''
  try {
    text = await response.text()
  } catch {}
  let reason: string | undefined = text.trim().slice(0, 300) || undefined
  try {
    const body = JSON.parse(text) as unknown
    if (body && typeof body === 'object') {
      const { message, code, context } = body as Record<string, unknown>
      const contextReason = context && typeof context === 'object' ? (context as Record<string, unknown>).reason : undefined
      const picked = [contextReason, code, message].find((value) => typeof value === 'string')
      if (typeof picked === 'string') reason = picked
    }
  } catch {}
  const info: ErrorResponseInfo = { status: response.status }
  if (reason !== undefined) info.reason = reason
  const requestId = response.headers.get('request-id') ?? response.headers.get('x-request-id')
  if (requestId) info.requestId = requestId
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'))
  if (retryAfter !== undefined) info.retryAfter = retryAfter
  return info
}

/** The typed error for an HTTP failure: 401 → Unauthorized (or TokenRevoked), 403 → Forbidden, 429 → RateLimited. */
export function errorFromResponseInfo(info: ErrorResponseInfo): AgoraAuthError {
  if (info.status === 401)
    return info.reason === 'token_revoked' ? new TokenRevokedError(info) : new UnauthorizedError(undefined, info)
  if (info.status === 403) return new ForbiddenError(info)
  if (info.status === 429) return new RateLimitedError(info)
  return new HttpError(info)
}
