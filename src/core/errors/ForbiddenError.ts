import { AgoraAuthError, type AgoraAuthErrorParameters } from './AgoraAuthError.js'

/**
 * A valid token without the permission for this route (403); never retried by re-authenticating.
 * @example new ForbiddenError({ status: 403, reason: 'account_not_eligible' })
 */
export class ForbiddenError extends AgoraAuthError {
  override name = 'ForbiddenError'
  declare readonly code: 'FORBIDDEN'

  constructor(parameters?: AgoraAuthErrorParameters) {
    super('FORBIDDEN', 'Not allowed.', parameters)
  }
}
