// @vitest-environment node
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgoraServer } from '../../../src/server/createAgoraServer.js'
import { toNodeHandler } from '../../../src/server/node/toNodeHandler.js'
import { rawHttp, statusOf } from './rawHttp.js'

// A real Agora server behind the adapter; its fetch is wrapped only to record the Request URL the adapter built.
const agora = createAgoraServer({ rateLimit: false })
const seen: string[] = []
const http: Server = createServer(
  toNodeHandler({
    ...agora,
    fetch: (request, context) => {
      seen.push(request.url)
      return agora.fetch(request, context)
    },
  }),
)
let port: number
beforeAll(async () => {
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const address = http.address()
  port = typeof address === 'object' && address ? address.port : 0
})
afterAll(() => {
  http.closeAllConnections()
  http.close()
})

describe('toNodeHandler', () => {
  it('answers a declared Content-Length over the limit with 413 at once, without waiting for the body', async () => {
    // Headers only: the megabyte is never sent, so an adapter that waited for the body would never answer.
    const v1 = await rawHttp(port, `POST /api/v1/auth/verify HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 1000000\r\n\r\n`, { end: false })
    expect(statusOf(v1)).toBe(413)
    expect(v1).toMatch(/\r\nconnection: close\r\n/i)
    expect(v1).toMatch(/larger than 16384 bytes/)
    const v0 = await rawHttp(port, `POST /v0/auth/token HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 50000000\r\n\r\n`, { end: false })
    expect(statusOf(v0)).toBe(413)
    expect(v0).toMatch(/"code":"payload_too_large"/)
  })

  it('an absolute-form target does not override the Host header: the Request URL is built from Host', async () => {
    seen.length = 0
    const answer = await rawHttp(port, `GET http://evil.example/api/v1/auth/nonce?x=1 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)
    expect(statusOf(answer)).toBe(200)
    expect(seen).toEqual([`http://127.0.0.1:${port}/api/v1/auth/nonce?x=1`])
  })

  it('a path that starts with // stays a path of the Host header’s site', async () => {
    seen.length = 0
    const answer = await rawHttp(port, `GET //evil.example/api/v1/auth/nonce HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)
    expect(statusOf(answer)).toBe(404)
    expect(seen).toEqual([`http://127.0.0.1:${port}//evil.example/api/v1/auth/nonce`])
  })

  it('a Host header a URL would read differently, or none at all, is a 400 before the server sees the request', async () => {
    seen.length = 0
    for (const host of [`127.0.0.1:${port}@evil.example`, 'evil.example/x', 'evil.example#', '[::1', `127.0.0.1:${port} evil`]) {
      const answer = await rawHttp(port, `GET /api/v1/auth/nonce HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)
      expect(statusOf(answer), host).toBe(400)
      expect(answer).toMatch(/\r\nrequest-id: req_[0-9a-f]{32}\r\n/i)
    }
    // HTTP/1.0 lets a client leave Host out; there is then no site to answer for.
    expect(statusOf(await rawHttp(port, 'GET /api/v1/auth/nonce HTTP/1.0\r\n\r\n'))).toBe(400)
    expect(seen).toEqual([])
  })

  it('as a middleware, calls next for paths outside its prefixes and for requests it cannot read', () => {
    const handler = toNodeHandler(agora)
    const calls: string[] = []
    const request = (url: string, host?: string) => ({ url, headers: host ? { host } : {}, method: 'GET' }) as never
    handler(request('/index.html', 'localhost:5173'), {} as never, () => calls.push('outside'))
    handler(request('/api/v1/auth/nonce'), {} as never, () => calls.push('no host'))
    expect(calls).toEqual(['outside', 'no host'])
  })
})
