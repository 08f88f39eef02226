import { AgoraAuthError, type AgoraAuthErrorCode, type AgoraAuthErrorParameters } from './AgoraAuthError.js'

type P = AgoraAuthErrorParameters

/**
 * The base of one subclass: `name`, `code` and default message fixed. With `worded`, the constructor takes a more
 * precise message first (`new InvalidTokenError('The token names no account.')`); otherwise only the details.
 * A factory, so that thirteen subclasses cost one constructor; each stays a real class for `instanceof`.
 */
const define = <C extends AgoraAuthErrorCode, W extends boolean = false>(
  name: string,
  code: C,
  message: string,
  worded?: W,
) =>
  class extends AgoraAuthError {
    override name = name
    constructor(first?: string | P, parameters?: P) {
      super(code, typeof first === 'string' ? first : message, typeof first === 'object' ? first : parameters)
    }
  } as unknown as new (
    ...args: W extends true ? [shortMessage?: string, parameters?: P] : [parameters?: P]
  ) => AgoraAuthError & { readonly code: C }

/** The user declined the signature request in the wallet (EIP-1193 code 4001). */
export class UserRejectedError extends define('UserRejectedError', 'USER_REJECTED', 'The user rejected the signature request.') {}

/** The server refused the signed SIWE message; `reason` holds its words (`SIWE nonce already used.`, …). */
export class VerificationFailedError extends define('VerificationFailedError', 'VERIFICATION_FAILED', 'The server refused the sign-in.') {}

/** A token that is not a well-formed, unexpired session JWT (garbage, missing claims, wrong account). */
export class InvalidTokenError extends define('InvalidTokenError', 'INVALID_TOKEN', 'The token is not a valid session token.', true) {}

/** The session's token has passed its `exp`. */
export class SessionExpiredError extends define('SessionExpiredError', 'SESSION_EXPIRED', 'The session has expired.') {}

/** The server answered 401 even with a fresh token, or there is no session to send. */
export class UnauthorizedError extends define('UnauthorizedError', 'UNAUTHORIZED', 'The request was not authorized.', true) {}

/** The API key was revoked: re-authenticating cannot help, a new key is needed. */
export class TokenRevokedError extends define('TokenRevokedError', 'TOKEN_REVOKED', 'The API key was revoked.') {}

/** A valid token without the permission for this route (403); never retried by re-authenticating. */
export class ForbiddenError extends define('ForbiddenError', 'FORBIDDEN', 'The session is not allowed to do this.') {}

/** The server kept answering 429; `retryAfter` says how many seconds to wait. */
export class RateLimitedError extends define('RateLimitedError', 'RATE_LIMITED', 'Too many requests.') {}

/** The request never got an HTTP answer (offline, DNS, CORS, connection reset). */
export class NetworkError extends define('NetworkError', 'NETWORK_ERROR', 'The request failed before the server answered.') {}

/** The server answered something that is not what the contract says (bad JSON, missing fields). */
export class InvalidResponseError extends define('InvalidResponseError', 'INVALID_RESPONSE', 'The server answered something unexpected.', true) {}

/** Any other non-2xx answer (400, 404, 500, …), with the server's reason when it gave one. */
export class HttpError extends define('HttpError', 'HTTP_ERROR', '', true) {
  constructor(parameters: P & { status: number }) {
    super(`The server answered ${parameters.status}.`, parameters)
  }
}

/** Sign-in was asked for while no wallet account is connected. */
export class NoWalletError extends define('NoWalletError', 'NO_WALLET', 'Connect a wallet before signing in.') {}

/** The caller aborted the operation through its AbortSignal. */
export class AbortedError extends define('AbortedError', 'ABORTED', 'The operation was aborted.') {}
