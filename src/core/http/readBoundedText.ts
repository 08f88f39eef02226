import type { AbortedError } from '../errors/AbortedError.js'
import { InvalidResponseError } from '../errors/InvalidResponseError.js'
import type { NetworkError } from '../errors/NetworkError.js'
import { cancelBody } from './cancelBody.js'
import { withNetworkErrors } from './withNetworkErrors.js'

/** The cap for auth answers (nonce, verify, token exchange) and error bodies: 64 KiB, far above any real one. */
export const authResponseMaxBytes = 64 * 1024

export type ReadBoundedTextParameters = {
  /** The most bytes to read; a larger body is cancelled there and is an `InvalidResponseError`. */
  maxBytes: number
  signal?: AbortSignal | null
}

export type ReadBoundedTextErrorType = InvalidResponseError | NetworkError | AbortedError

/**
 * A response body as text, read as a stream and stopped at `maxBytes`: a hostile or broken server cannot make the
 * client buffer 200 MB (a declared `Content-Length` over the cap fails before reading anything).
 * @example const text = await readBoundedText(response, { maxBytes: authResponseMaxBytes })
 */
export async function readBoundedText(response: Response, { maxBytes, signal }: ReadBoundedTextParameters): Promise<string> {
  if (!(maxBytes >= 0)) throw new TypeError(`maxBytes must be a number ≥ 0, not ${maxBytes}.`)
  const tooLarge = () => {
    const requestId = response.headers.get('request-id') ?? undefined
    return new InvalidResponseError(`The answer is larger than ${maxBytes} bytes.`, { status: response.status, requestId })
  }
  const declaredLength = Number(response.headers.get('content-length') ?? 0)
  if (declaredLength > maxBytes) {
    await cancelBody(response)
    throw tooLarge()
  }
  if (!response.body) return withNetworkErrors(response.text(), signal)
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let bytesRead = 0
  for (;;) {
    const { done, value } = await withNetworkErrors(reader.read(), signal).catch(async (error: unknown) => {
      // An abort leaves the socket streaming: stop it, as fetch itself would.
      await reader.cancel().catch(() => undefined)
      throw error
    })
    if (done) return text + decoder.decode()
    bytesRead += value.byteLength
    if (bytesRead > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge()
    }
    text += decoder.decode(value, { stream: true })
  }
}
