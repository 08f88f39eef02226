import { AgoraAuthError, type AgoraAuthErrorParameters } from './AgoraAuthError.js'

/**
 * A token that is not a well-formed, unexpired session JWT (garbage, missing claims, wrong account).
 * @example new InvalidTokenError('The token names no account.')
 */
export class InvalidTokenError extends AgoraAuthError {
  override name = 'InvalidTokenError'
  declare readonly code: 'INVALID_TOKEN'

  constructor(shortMessage?: string, parameters?: AgoraAuthErrorParameters) {
    super('INVALID_TOKEN', shortMessage ?? 'The token is invalid.', parameters)
  }
}
