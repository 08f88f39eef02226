/** Stable codes callers can `switch` on; a message may change between versions, a code does not. */
export type AgoraAuthErrorCode =
  | 'USER_REJECTED'
  | 'VERIFICATION_FAILED'
  | 'INVALID_TOKEN'
  | 'SESSION_EXPIRED'
  | 'UNAUTHORIZED'
  | 'TOKEN_REVOKED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'NETWORK_ERROR'
  | 'INVALID_RESPONSE'
  | 'HTTP_ERROR'
  | 'NO_WALLET'
  | 'ABORTED'

export type AgoraAuthErrorParameters = {
  /** HTTP status of the response that caused the error, where there was one. */
  status?: number
  /** The server's machine-readable reason (`token_expired`, `SIWE nonce already used.`, …). */
  reason?: string
  /** The `Request-Id` response header, to quote to support. */
  requestId?: string
  /** Seconds to wait before trying again (429). */
  retryAfter?: number
  cause?: unknown
}

/**
 * Base class of every error agora-auth throws on purpose; switch on `code`, never parse `message`.
 * @example if (error instanceof AgoraAuthError && error.code === 'RATE_LIMITED') wait(error.retryAfter)
 */
export class AgoraAuthError extends Error {
  override name = 'AgoraAuthError'
  // `declare`: no class-field initialisers, the constructor assigns them all at once.
  declare readonly code: AgoraAuthErrorCode
  /** The message without the details appended to `message`. */
  declare readonly shortMessage: string
  declare readonly status?: number
  declare readonly reason?: string
  declare readonly requestId?: string
  declare readonly retryAfter?: number

  constructor(
    code: AgoraAuthErrorCode,
    shortMessage: string,
    { status, reason, requestId, retryAfter, cause }: AgoraAuthErrorParameters = {},
  ) {
    const details = [
      status !== undefined && `status ${status}`,
      reason && `reason: ${reason}`,
      requestId && `request id: ${requestId}`,
    ]
      .filter(Boolean)
      .join(', ')
    super(details ? `${shortMessage} (${details})` : shortMessage, { cause })
    Object.assign(this, { code, shortMessage, status, reason, requestId, retryAfter })
  }
}
