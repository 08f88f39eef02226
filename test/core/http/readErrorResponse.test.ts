import { describe, expect, it } from 'vitest'
import { readErrorResponse } from '../../../src/core/http/readErrorResponse.js'

const json = { 'content-type': 'application/json' }

describe('readErrorResponse', () => {
  it('reads a plain-text body under a JSON content type (contract A bearer failures)', async () => {
    const info = await readErrorResponse(new Response('Invalid format for API Key or JWT', { status: 401, headers: json }))
    expect(info).toEqual({ status: 401, reason: 'Invalid format for API Key or JWT' })
  })
  it('reads {message} (contract A verify and some routes)', async () => {
    const info = await readErrorResponse(Response.json({ message: 'SIWE nonce already used.' }, { status: 401 }))
    expect(info.reason).toBe('SIWE nonce already used.')
  })
  it('prefers context.reason, then code, in the v0 envelope, and captures Request-Id', async () => {
    const body = { code: 'unauthorized', message: 'Token expired', docs_url: 'x', context: { reason: 'token_expired' } }
    const info = await readErrorResponse(Response.json(body, { status: 401, headers: { 'Request-Id': 'req_1' } }))
    expect(info).toEqual({ status: 401, reason: 'token_expired', requestId: 'req_1' })
    const rate = await readErrorResponse(
      Response.json({ code: 'rate_limit_exceeded', message: 'slow down' }, { status: 429, headers: { 'Retry-After': '7' } }),
    )
    expect(rate).toEqual({ status: 429, reason: 'rate_limit_exceeded', retryAfter: 7 })
  })
  it('survives an empty or unreadable body', async () => {
    expect(await readErrorResponse(new Response(null, { status: 500 }))).toEqual({ status: 500 })
  })
  it('reads at most 64 KiB of an error body: a larger one is dropped unread, the status and headers still count', async () => {
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 16 * 1024
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x61))
      },
    })
    const info = await readErrorResponse(new Response(endless, { status: 401, headers: { 'request-id': 'req_big' } }))
    expect(info).toEqual({ status: 401, requestId: 'req_big' })
    expect(pulled).toBeLessThanOrEqual(128 * 1024)
  })
})
