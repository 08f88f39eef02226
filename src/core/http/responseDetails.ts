import type { ErrorResponseInfo } from './readErrorResponse.js'

/**
 * What every error about an answer carries: its status and its `Request-Id` (or `X-Request-Id`), to quote to
 * support (internal).
 * @example throw new InvalidResponseError('No nonce.', responseDetails(response))
 */
export function responseDetails({ status, headers }: Response): Pick<ErrorResponseInfo, 'status' | 'requestId'> {
  return { status, requestId: headers.get('request-id') || headers.get('x-request-id') || undefined }
}
