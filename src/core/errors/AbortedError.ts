import { AgoraAuthError, type AgoraAuthErrorParameters } from './AgoraAuthError.js'

/**
 * The caller aborted the operation through its AbortSignal.
 * @example new AbortedError({ cause: signal.reason })
 */
export class AbortedError extends AgoraAuthError {
  override name = 'AbortedError'
  declare readonly code: 'ABORTED'

  constructor(parameters?: AgoraAuthErrorParameters) {
    super('ABORTED', 'Aborted.', parameters)
  }
}
