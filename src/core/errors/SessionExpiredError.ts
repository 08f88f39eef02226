import { AgoraAuthError, type AgoraAuthErrorParameters } from './AgoraAuthError.js'

/**
 * The session's token has passed its `exp`.
 * @example new SessionExpiredError()
 */
export class SessionExpiredError extends AgoraAuthError {
  override name = 'SessionExpiredError'
  declare readonly code: 'SESSION_EXPIRED'

  constructor(parameters?: AgoraAuthErrorParameters) {
    super('SESSION_EXPIRED', 'The session expired.', parameters)
  }
}
