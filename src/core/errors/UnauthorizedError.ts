import { AgoraAuthError, type AgoraAuthErrorParameters } from './AgoraAuthError.js'

/**
 * The server answered 401 even with a fresh token, or there is no session to send.
 * @example new UnauthorizedError('Sign in first.')
 */
export class UnauthorizedError extends AgoraAuthError {
  override name = 'UnauthorizedError'
  declare readonly code: 'UNAUTHORIZED'

  constructor(shortMessage?: string, parameters?: AgoraAuthErrorParameters) {
    super('UNAUTHORIZED', shortMessage ?? 'Not authorized.', parameters)
  }
}
