/**
 * Reads at most `limit` bytes of a body (internal): a request's, or an upstream response's in gateway mode.
 * Undefined when it is longer, and no more is read, so a hostile peer cannot make the server buffer past the cap.
 * An abort of `signal` stops the stream, so the socket is not left streaming into a body no one reads.
 * @example const body = await readBody(request, 16_384)
 */
export async function readBody(message: Request | Response, limit: number, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const declared = Number(message.headers.get('content-length') ?? '0')
  // The rest is never read; a failing cancel only means the stream was already gone.
  const cancel = (stream: { cancel(): Promise<void> } | null) => stream?.cancel().catch(() => undefined)
  if (declared > limit) {
    await cancel(message.body)
    return undefined
  }
  if (!message.body) return new Uint8Array()
  const reader = message.body.getReader()
  const stop = () => {
    cancel(reader)
  }
  signal?.addEventListener('abort', stop, { once: true })
  try {
    const chunks: Uint8Array[] = []
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        await cancel(reader)
        return undefined
      }
      chunks.push(value)
    }
    const body = new Uint8Array(size)
    let offset = 0
    for (const chunk of chunks) {
      body.set(chunk, offset)
      offset += chunk.byteLength
    }
    return body
  } catch (error) {
    await cancel(reader)
    throw error
  } finally {
    signal?.removeEventListener('abort', stop)
  }
}
