import { parseRetryAfter } from './parseRetryAfter.js'
import { authResponseMaxBytes, readBoundedText } from './readBoundedText.js'
import { responseDetails } from './responseDetails.js'

/** What an error response says, whichever of Agora's envelopes it came in. */
export type ErrorResponseInfo = {
  status: number
  reason?: string
  requestId?: string
  retryAfter?: number
}

/**
 * Reads an error response once, as text first (contract A sends plain text under a JSON content type), then
 * picks the reason from `{context.reason}`, `{code}`, `{message}` or the text itself. Absent fields are undefined.
 * At most 64 KiB is read: a larger body is dropped, and the status still says what went wrong.
 * @example const { status, reason, requestId } = await readErrorResponse(response)
 */
export async function readErrorResponse(response: Response): Promise<ErrorResponseInfo> {
  // Unreadable or oversized: the status alone still makes the error.
  const text = await readBoundedText(response, { maxBytes: authResponseMaxBytes }).catch(() => '')
  return {
    ...responseDetails(response),
    reason: reasonFromBody(text) ?? (text.trim().slice(0, 300) || undefined),
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
  }
}

/** The first string among `context.reason` (v0), `code` (v0) and `message` (contract A) of a JSON body. */
function reasonFromBody(text: string): string | undefined {
  let body: { context?: { reason?: unknown }; code?: unknown; message?: unknown } | null
  try {
    body = JSON.parse(text)
  } catch {
    // Not JSON: contract A's plain-text reasons; the caller uses the text itself.
    return undefined
  }
  const candidates = [body?.context?.reason, body?.code, body?.message]
  return candidates.find((value): value is string => typeof value === 'string')
}
