import type { AbortedError } from '../errors/AbortedError.js'
import { InvalidResponseError } from '../errors/InvalidResponseError.js'
import type { NetworkError } from '../errors/NetworkError.js'
import { assertNonNegative } from './assertNonNegative.js'
import { responseDetails } from './responseDetails.js'
import { withNetworkErrors } from './withNetworkErrors.js'

/** The cap for auth answers (nonce, verify, token exchange) and error bodies: 64 KiB, far above any real one. */
export const authResponseMaxBytes = 64 * 1024

export type ReadBoundedTextParameters = {
  /** The most bytes to read (`Infinity`: no cap); a larger body is cancelled there and is an `InvalidResponseError`. */
  maxBytes: number
  signal?: AbortSignal | null
}

export type ReadBoundedTextErrorType = InvalidResponseError | NetworkError | AbortedError

/** The error for an answer over the cap, with its status and request id. */
function tooLarge(response: Response, maxBytes: number): InvalidResponseError {
  return new InvalidResponseError(`The answer is larger than ${maxBytes} bytes.`, responseDetails(response))
}

/**
 * A response body as text, read as a stream and stopped at `maxBytes`: a hostile or broken server cannot make the
 * client buffer 200 MB (a declared `Content-Length` over the cap fails before reading anything).
 * @example const text = await readBoundedText(response, { maxBytes: authResponseMaxBytes })
 */
export async function readBoundedText(response: Response, { maxBytes, signal }: ReadBoundedTextParameters): Promise<string> {
  assertNonNegative('maxBytes', maxBytes)
  // Without a cap the runtime's own reader does it, faster than a loop over the stream (client.request's default).
  const isCapped = maxBytes !== Number.POSITIVE_INFINITY
  const reader = isCapped ? response.body?.getReader() : undefined
  const decoder = new TextDecoder()
  let text = ''
  let bytesRead = 0
  try {
    const isDeclaredTooLarge = Number(response.headers.get('content-length')) > maxBytes
    if (isDeclaredTooLarge) throw tooLarge(response, maxBytes)
    if (!reader) return await withNetworkErrors(response.text(), signal)
    for (;;) {
      const { done, value } = await withNetworkErrors(reader.read(), signal)
      if (done) return text + decoder.decode()
      bytesRead += value.byteLength
      if (bytesRead > maxBytes) throw tooLarge(response, maxBytes)
      text += decoder.decode(value, { stream: true })
    }
  } catch (error) {
    // Over the cap (declared or read) or aborted: stop the socket streaming, as fetch itself would; a failed
    // stream has nothing left to stop.
    await reader?.cancel().catch(() => undefined)
    throw error
  }
}
