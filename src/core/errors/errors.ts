import { AgoraAuthError, type AgoraAuthErrorParameters } from './AgoraAuthError.js'

type P = AgoraAuthErrorParameters

/** The user declined the signature request in the wallet (EIP-1193 code 4001). */
export class UserRejectedError extends AgoraAuthError {
  override name = 'UserRejectedError'
  constructor(p: P = {}) {
    super('USER_REJECTED', 'The user rejected the signature request.', p)
  }
}

/** The server refused the signed SIWE message; `reason` holds its words (`SIWE nonce already used.`, …). */
export class VerificationFailedError extends AgoraAuthError {
  override name = 'VerificationFailedError'
  constructor(p: P = {}) {
    super('VERIFICATION_FAILED', 'The server refused the sign-in.', p)
  }
}

/** A token that is not a well-formed, unexpired session JWT (garbage, missing claims, wrong account). */
export class InvalidTokenError extends AgoraAuthError {
  override name = 'InvalidTokenError'
  constructor(shortMessage = 'The token is not a valid session token.', p: P = {}) {
    super('INVALID_TOKEN', shortMessage, p)
  }
}

/** The session's token has passed its `exp`. */
export class SessionExpiredError extends AgoraAuthError {
  override name = 'SessionExpiredError'
  constructor(p: P = {}) {
    super('SESSION_EXPIRED', 'The session has expired.', p)
  }
}

/** The server answered 401 even with a fresh token, or there is no session to send. */
export class UnauthorizedError extends AgoraAuthError {
  override name = 'UnauthorizedError'
  constructor(shortMessage = 'The request was not authorized.', p: P = {}) {
    super('UNAUTHORIZED', shortMessage, p)
  }
}

/** The API key was revoked: re-authenticating cannot help, a new key is needed. */
export class TokenRevokedError extends AgoraAuthError {
  override name = 'TokenRevokedError'
  constructor(p: P = {}) {
    super('TOKEN_REVOKED', 'The API key was revoked.', p)
  }
}

/** A valid token without the permission for this route (403); never retried by re-authenticating. */
export class ForbiddenError extends AgoraAuthError {
  override name = 'ForbiddenError'
  constructor(p: P = {}) {
    super('FORBIDDEN', 'The session is not allowed to do this.', p)
  }
}

/** The server kept answering 429; `retryAfter` says how many seconds to wait. */
export class RateLimitedError extends AgoraAuthError {
  override name = 'RateLimitedError'
  constructor(p: P = {}) {
    super('RATE_LIMITED', 'Too many requests.', p)
  }
}

/** The request never got an HTTP answer (offline, DNS, CORS, connection reset). */
export class NetworkError extends AgoraAuthError {
  override name = 'NetworkError'
  constructor(p: P = {}) {
    super('NETWORK_ERROR', 'The request failed before the server answered.', p)
  }
}

/** The server answered something that is not what the contract says (bad JSON, missing fields). */
export class InvalidResponseError extends AgoraAuthError {
  override name = 'InvalidResponseError'
  constructor(shortMessage = 'The server answered something unexpected.', p: P = {}) {
    super('INVALID_RESPONSE', shortMessage, p)
  }
}

/** Any other non-2xx answer (400, 404, 500, …), with the server's reason when it gave one. */
export class HttpError extends AgoraAuthError {
  override name = 'HttpError'
  constructor(p: P & { status: number }) {
    super('HTTP_ERROR', `The server answered ${p.status}.`, p)
  }
}

/** Sign-in was asked for while no wallet account is connected. */
export class NoWalletError extends AgoraAuthError {
  override name = 'NoWalletError'
  constructor() {
    super('NO_WALLET', 'Connect a wallet before signing in.')
  }
}

/** The caller aborted the operation through its AbortSignal. */
export class AbortedError extends AgoraAuthError {
  override name = 'AbortedError'
  constructor(p: P = {}) {
    super('ABORTED', 'The operation was aborted.', p)
  }
}
