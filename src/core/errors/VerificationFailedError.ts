import { AgoraAuthError, type AgoraAuthErrorParameters } from './AgoraAuthError.js'

/**
 * The server refused the signed SIWE message; `reason` holds its words (`SIWE nonce already used.`, …).
 * @example new VerificationFailedError({ status: 401, reason: 'SIWE nonce already used.' })
 */
export class VerificationFailedError extends AgoraAuthError {
  override name = 'VerificationFailedError'
  declare readonly code: 'VERIFICATION_FAILED'

  constructor(parameters?: AgoraAuthErrorParameters) {
    super('VERIFICATION_FAILED', 'The server refused the sign-in.', parameters)
  }
}
