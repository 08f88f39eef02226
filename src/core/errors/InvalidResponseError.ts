import { AgoraAuthError, type AgoraAuthErrorParameters } from './AgoraAuthError.js'

/**
 * The server answered something that is not what the contract says (bad JSON, missing fields, too large).
 * @example new InvalidResponseError('No usable nonce.', { status: 200 })
 */
export class InvalidResponseError extends AgoraAuthError {
  override name = 'InvalidResponseError'
  declare readonly code: 'INVALID_RESPONSE'

  constructor(shortMessage?: string, parameters?: AgoraAuthErrorParameters) {
    super('INVALID_RESPONSE', shortMessage ?? 'Unexpected server answer.', parameters)
  }
}
