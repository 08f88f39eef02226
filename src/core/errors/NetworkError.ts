import { AgoraAuthError, type AgoraAuthErrorParameters } from './AgoraAuthError.js'

/**
 * The request never got an HTTP answer (offline, DNS, CORS, connection reset).
 * @example new NetworkError({ cause: fetchError })
 */
export class NetworkError extends AgoraAuthError {
  override name = 'NetworkError'
  declare readonly code: 'NETWORK_ERROR'

  constructor(parameters?: AgoraAuthErrorParameters) {
    super('NETWORK_ERROR', 'The request got no answer.', parameters)
  }
}
