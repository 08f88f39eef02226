import { withNetworkErrors } from '../../core/http/withNetworkErrors.js'

/**
 * A response body as bytes, stopped at `maxBytes` (internal): undefined when the body is larger, so a broken or
 * hostile upstream cannot make the gateway buffer more than the cap. Network failures and aborts reject typed.
 * @example const body = await readBoundedBytes(response, 1_048_576, signal)
 */
export async function readBoundedBytes(response: Response, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const declaredLength = Number(response.headers.get('content-length') ?? 0)
  if (declaredLength > maxBytes) {
    await response.body?.cancel().catch(() => undefined)
    return undefined
  }
  if (!response.body) return new Uint8Array()
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let length = 0
  for (;;) {
    const { done, value } = await withNetworkErrors(reader.read(), signal).catch(async (error: unknown) => {
      // An abort leaves the socket streaming: stop it.
      await reader.cancel().catch(() => undefined)
      throw error
    })
    if (done) break
    length += value.byteLength
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(value)
  }
  const body = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}
