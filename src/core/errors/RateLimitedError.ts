import { AgoraAuthError, type AgoraAuthErrorParameters } from './AgoraAuthError.js'

/**
 * The server kept answering 429; `retryAfter` says how many seconds to wait.
 * @example new RateLimitedError({ status: 429, retryAfter: 7 })
 */
export class RateLimitedError extends AgoraAuthError {
  override name = 'RateLimitedError'
  declare readonly code: 'RATE_LIMITED'

  constructor(parameters?: AgoraAuthErrorParameters) {
    super('RATE_LIMITED', 'Too many requests.', parameters)
  }
}
