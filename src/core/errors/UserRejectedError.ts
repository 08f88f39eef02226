import { AgoraAuthError, type AgoraAuthErrorParameters } from './AgoraAuthError.js'

/**
 * The user declined the signature request in the wallet (EIP-1193 code 4001).
 * @example new UserRejectedError({ cause: walletError })
 */
export class UserRejectedError extends AgoraAuthError {
  override name = 'UserRejectedError'
  declare readonly code: 'USER_REJECTED'

  constructor(parameters?: AgoraAuthErrorParameters) {
    super('USER_REJECTED', 'The signature was rejected.', parameters)
  }
}
