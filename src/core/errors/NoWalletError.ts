import { AgoraAuthError, type AgoraAuthErrorParameters } from './AgoraAuthError.js'

/**
 * Sign-in was asked for while no wallet account is connected.
 * @example new NoWalletError()
 */
export class NoWalletError extends AgoraAuthError {
  override name = 'NoWalletError'
  declare readonly code: 'NO_WALLET'

  constructor(parameters?: AgoraAuthErrorParameters) {
    super('NO_WALLET', 'Connect a wallet first.', parameters)
  }
}
