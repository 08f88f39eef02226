import { AgoraAuthError, type AgoraAuthErrorParameters } from './AgoraAuthError.js'

/**
 * The API key was revoked: re-authenticating cannot help, a new key is needed.
 * @example new TokenRevokedError({ status: 401, reason: 'token_revoked' })
 */
export class TokenRevokedError extends AgoraAuthError {
  override name = 'TokenRevokedError'
  declare readonly code: 'TOKEN_REVOKED'

  constructor(parameters?: AgoraAuthErrorParameters) {
    super('TOKEN_REVOKED', 'The API key was revoked.', parameters)
  }
}
