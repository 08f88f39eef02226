import { describe, expect, it } from 'vitest'
import { AbortedError, InvalidResponseError } from '../../../src/core/errors/errors.js'
import { createAgoraClient } from '../../../src/core/http/createAgoraClient.js'
import { authResponseMaxBytes, readBoundedText } from '../../../src/core/http/readBoundedText.js'
import { useEndlessAnswer } from './loopback.js'

/** A body that never ends, counting what was pulled from it. */
function endlessBody() {
  const state = { pulled: 0, cancelled: false }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled += 1024
      controller.enqueue(new Uint8Array(1024).fill(0x7b))
    },
    cancel() {
      state.cancelled = true
    },
  })
  return { stream, state }
}

describe('readBoundedText', () => {
  it('reads a body up to the cap, multi-byte characters split across chunks included', async () => {
    const bytes = new TextEncoder().encode('{"nonce":"héllo✓"}')
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]))
        controller.close()
      },
    })
    expect(await readBoundedText(new Response(stream), { maxBytes: bytes.length })).toBe('{"nonce":"héllo✓"}')
    expect(await readBoundedText(new Response(null), { maxBytes: 0 })).toBe('')
  })

  it('stops reading at the cap and cancels the body: InvalidResponseError with the status and Request-Id', async () => {
    const { stream, state } = endlessBody()
    const response = new Response(stream, { status: 200, headers: { 'request-id': 'req_big' } })
    const error = await readBoundedText(response, { maxBytes: authResponseMaxBytes }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidResponseError)
    expect(error).toMatchObject({ status: 200, requestId: 'req_big', shortMessage: 'The answer is larger than 65536 bytes.' })
    expect(state.cancelled).toBe(true)
    expect(state.pulled).toBeLessThanOrEqual(authResponseMaxBytes + 4 * 1024)
  })

  it('a declared Content-Length over the cap fails before anything is read', async () => {
    const { stream, state } = endlessBody()
    const response = new Response(stream, { headers: { 'content-length': String(50 * 1024 * 1024) } })
    await expect(readBoundedText(response, { maxBytes: 1024 })).rejects.toBeInstanceOf(InvalidResponseError)
    expect(state.cancelled).toBe(true)
  })

  it('an abort while reading is AbortedError', async () => {
    const stream = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) })
    const controller = new AbortController()
    const reading = readBoundedText(new Response(stream), { maxBytes: 10, signal: controller.signal })
    controller.abort()
    await expect(reading).rejects.toBeInstanceOf(AbortedError)
  })

  it('a negative or missing cap is a TypeError', async () => {
    await expect(readBoundedText(new Response('x'), { maxBytes: -1 })).rejects.toBeInstanceOf(TypeError)
    await expect(readBoundedText(new Response('x'), { maxBytes: Number.NaN })).rejects.toBeInstanceOf(TypeError)
  })
})

describe('a never-ending auth answer over loopback (client.request with maxResponseBytes)', () => {
  // Streams `{"access_token":"aaaa…` for as long as the client reads: a 50 MB verify answer, and more.
  const answer = useEndlessAnswer('{"access_token":"')

  it('stops at the cap with InvalidResponseError instead of buffering the answer', async () => {
    const agora = createAgoraClient({ baseUrl: answer.apiBase(), retry: { count: 0 } })
    const error = await agora
      .request<unknown>('auth/verify', { method: 'POST', body: {}, maxResponseBytes: authResponseMaxBytes })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidResponseError)
    // Socket buffers aside, the server could not write much more than the cap before the client hung up.
    expect(answer.written()).toBeLessThan(16 * 1024 * 1024)
  }, 30_000)
})
