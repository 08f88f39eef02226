import { describe, expect, it } from 'vitest'
import { createAgoraServer } from '../../src/server.js'

describe('createAgoraServer, the Web handler', () => {
  it('answers 413 for a streamed body over the limit without a Content-Length, and HEAD like GET without a body', async () => {
    const server = createAgoraServer({ bodyLimit: 1024 })
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(512))
      },
    })
    const response = await server.fetch(new Request('http://localhost/api/v1/auth/verify', { method: 'POST', body, duplex: 'half' } as RequestInit))
    expect(response.status).toBe(413)
    const head = await server.fetch(new Request('http://localhost/api/v1/votable_supply', { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('mounts under custom prefixes only', async () => {
    const server = createAgoraServer({ prefix: 'agora/api/', v0Prefix: '/public/v0' })
    expect((await server.fetch(new Request('http://localhost/agora/api/auth/nonce'))).status).toBe(200)
    expect((await server.fetch(new Request('http://localhost/public/v0/metrics'))).status).toBe(200)
    expect((await server.fetch(new Request('http://localhost/api/v1/auth/nonce'))).status).toBe(404)
  })
})
