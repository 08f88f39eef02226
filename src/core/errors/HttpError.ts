import { AgoraAuthError, type AgoraAuthErrorParameters } from './AgoraAuthError.js'

/**
 * Any other non-2xx answer (400, 404, 500, …), with the server's reason when it gave one.
 * @example new HttpError({ status: 404, reason: 'not_found' })
 */
export class HttpError extends AgoraAuthError {
  override name = 'HttpError'
  declare readonly code: 'HTTP_ERROR'
  declare readonly status: number

  constructor(parameters: AgoraAuthErrorParameters & { status: number }) {
    super('HTTP_ERROR', `The server answered ${parameters.status}.`, parameters)
  }
}
