import { AgoraAuthError, type AgoraAuthErrorCode, type AgoraAuthErrorParameters } from './AgoraAuthError.js'

type P = AgoraAuthErrorParameters

/**
 * The base of one subclass: `code` and default message fixed, `name` spelt from the code (`USER_REJECTED` →
 * `UserRejectedError`, so minifiers cannot rename it). With `worded`, the constructor takes a more precise message
 * first (`new InvalidTokenError('The token names no account.')`); otherwise only the details.
 * A factory, so that thirteen subclasses cost one constructor; each stays a real class for `instanceof`.
 */
const define = <C extends AgoraAuthErrorCode, W extends boolean = false>(code: C, message: string, worded?: W) =>
  class extends AgoraAuthError {
    override name = code
      .toLowerCase()
      .replace(/(?:^|_)(.)/g, (_, letter: string) => letter.toUpperCase())
      .replace(/(Error)?$/, 'Error')
    constructor(first?: string | P, parameters?: P) {
      super(code, typeof first === 'string' ? first : message, typeof first === 'object' ? first : parameters)
    }
  } as unknown as new (
    ...args: W extends true ? [shortMessage?: string, parameters?: P] : [parameters?: P]
  ) => AgoraAuthError & { readonly code: C }

/** The user declined the signature request in the wallet (EIP-1193 code 4001). */
export class UserRejectedError extends define('USER_REJECTED', 'The signature was rejected.') {}

/** The server refused the signed SIWE message; `reason` holds its words (`SIWE nonce already used.`, …). */
export class VerificationFailedError extends define('VERIFICATION_FAILED', 'The server refused the sign-in.') {}

/** A token that is not a well-formed, unexpired session JWT (garbage, missing claims, wrong account). */
export class InvalidTokenError extends define('INVALID_TOKEN', 'The token is invalid.', true) {}

/** The session's token has passed its `exp`. */
export class SessionExpiredError extends define('SESSION_EXPIRED', 'The session expired.') {}

/** The server answered 401 even with a fresh token, or there is no session to send. */
export class UnauthorizedError extends define('UNAUTHORIZED', 'Not authorized.', true) {}

/** The API key was revoked: re-authenticating cannot help, a new key is needed. */
export class TokenRevokedError extends define('TOKEN_REVOKED', 'The API key was revoked.') {}

/** A valid token without the permission for this route (403); never retried by re-authenticating. */
export class ForbiddenError extends define('FORBIDDEN', 'Not allowed.') {}

/** The server kept answering 429; `retryAfter` says how many seconds to wait. */
export class RateLimitedError extends define('RATE_LIMITED', 'Too many requests.') {}

/** The request never got an HTTP answer (offline, DNS, CORS, connection reset). */
export class NetworkError extends define('NETWORK_ERROR', 'The request got no answer.') {}

/** The server answered something that is not what the contract says (bad JSON, missing fields). */
export class InvalidResponseError extends define('INVALID_RESPONSE', 'Unexpected server answer.', true) {}

/** Any other non-2xx answer (400, 404, 500, …), with the server's reason when it gave one. */
export class HttpError extends define('HTTP_ERROR', '', true) {
  constructor(parameters: P & { status: number }) {
    super(`The server answered ${parameters.status}.`, parameters)
  }
}

/** Sign-in was asked for while no wallet account is connected. */
export class NoWalletError extends define('NO_WALLET', 'Connect a wallet first.') {}

/** The caller aborted the operation through its AbortSignal. */
export class AbortedError extends define('ABORTED', 'Aborted.') {}
