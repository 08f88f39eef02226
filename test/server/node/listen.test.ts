// @vitest-environment node
import { connect, type Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import { createAgoraServer } from '../../../src/server/createAgoraServer.js'
import { listen } from '../../../src/server/node/listen.js'
import { rawHttp, statusOf } from './rawHttp.js'

const agora = createAgoraServer({ rateLimit: false })

/** A keep-alive connection that has had one answer, so the server has surely accepted and counted it. */
const answeredConnection = (port: number) =>
  new Promise<Socket>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('data', () => resolve(socket))
    socket.once('error', reject)
    socket.write(`GET /api/v1/auth/nonce HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)
  })

// Each wait below is for the server to act (answer or close); the test's own timeout is the bound.
describe('listen', { timeout: 20_000 }, () => {
  it('closes a connection whose headers do not arrive within headersTimeout (slowloris)', async () => {
    const running = await listen(agora, { headersTimeout: 300, requestTimeout: 600 })
    try {
      const answer = await rawHttp(running.port, `GET /api/v1/auth/nonce HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nX-Slow: `, { end: false })
      expect([0, 408]).toContain(statusOf(answer))
    } finally {
      await running.close()
    }
  })

  it('closes a request whose body does not arrive within requestTimeout', async () => {
    const running = await listen(agora, { headersTimeout: 300, requestTimeout: 600 })
    try {
      const head = `POST /api/v1/auth/verify HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nContent-Length: 100\r\n\r\n{"mess`
      const answer = await rawHttp(running.port, head, { end: false })
      expect([0, 408]).toContain(statusOf(answer))
    } finally {
      await running.close()
    }
  })

  it('closes connections past maxConnections on arrival, and serves again once one is freed', async () => {
    const running = await listen(agora, { maxConnections: 2 })
    const held = [await answeredConnection(running.port), await answeredConnection(running.port)]
    try {
      const refused = await rawHttp(running.port, `GET /api/v1/auth/nonce HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nConnection: close\r\n\r\n`)
      expect(refused).toBe('')
      await new Promise((resolve) => {
        held.pop()!.once('close', resolve).destroy()
      })
      // The server counts the freed connection once it sees the close, which may come just after ours.
      let served = ''
      for (let attempt = 0; attempt < 50 && !served; attempt++) {
        served = await rawHttp(running.port, `GET /api/v1/auth/nonce HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nConnection: close\r\n\r\n`)
      }
      expect(statusOf(served)).toBe(200)
    } finally {
      for (const socket of held) socket.destroy()
      await running.close()
    }
  })

  it('refuses timeouts and caps that are not positive integers, and a header timeout longer than the request’s', () => {
    expect(() => listen(agora, { maxConnections: 0 })).toThrow(TypeError)
    expect(() => listen(agora, { requestTimeout: -1 })).toThrow(TypeError)
    expect(() => listen(agora, { headersTimeout: 2_000, requestTimeout: 1_000 })).toThrow(/headersTimeout/)
  })

  it('serves on a free port by default and names its URL', async () => {
    const running = await listen(agora)
    try {
      expect(running.url).toBe(`http://127.0.0.1:${running.port}`)
      expect((await fetch(`${running.url}/api/v1/auth/nonce`)).status).toBe(200)
    } finally {
      await running.close()
    }
  })
})
