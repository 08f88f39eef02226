// @vitest-environment node
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getNonce, message, newAccount, postVerify, start, tokenFor, type Running } from './helpers.js'
import { createSeededRandom } from '../helpers/seededRandom.js'

let running: Running
beforeAll(async () => {
  running = await start({ rateLimit: false })
})
afterAll(() => running.close())

/** Sends raw bytes over TCP and returns the status line Node answers with (or '' when it just closed). */
const raw = (bytes: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(Number(new URL(running.url).port), '127.0.0.1')
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')))
    socket.on('error', reject)
    socket.on('close', () => resolve(answer))
    socket.end(bytes, 'latin1')
  })
const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)

describe('bad input: a clear 4xx, never a 500, never a crash', () => {
  it('malformed JSON, non-object JSON and invalid UTF-8 on auth/verify → 400 JSON with a useful message', async () => {
    for (const body of ['{', 'null', '[1,2]', '"message"', '42', '', '\u0000\u0001']) {
      const response = await postVerify(running.url, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(((await response.json()) as { message: string }).message).toMatch(/JSON/)
    }
    const invalidUtf8 = await fetch(`${running.url}/api/v1/auth/verify`, { method: 'POST', body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) })
    expect(invalidUtf8.status).toBe(400)
  })

  it('a body over 16 KB → 413, whether declared by Content-Length or streamed chunked', async () => {
    const big = JSON.stringify({ message: 'x'.repeat(17_000), signature: '0x' })
    const declared = await postVerify(running.url, big)
    expect(declared.status).toBe(413)
    expect(await declared.text()).toMatch(/larger than 16384 bytes/)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new Uint8Array(1024).fill(0x20))
        controller.close()
      },
    })
    const chunked = await fetch(`${running.url}/api/v1/auth/verify`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit)
    expect(chunked.status).toBe(413)
    const v0 = await fetch(`${running.url}/v0/auth/token`, { method: 'POST', body: 'x'.repeat(20_000) })
    expect(v0.status).toBe(413)
    expect(await v0.json()).toMatchObject({ code: 'payload_too_large' })
  })

  it('never partially consumes a nonce: a valid signed message inside a rejected request still works afterwards', async () => {
    const account = newAccount()
    const text = message({ host: running.host, address: account.address, nonce: await getNonce(running.url) })
    const signature = await account.signMessage({ message: text })
    expect((await postVerify(running.url, { message: text, signature, padding: 'x'.repeat(17_000) })).status).toBe(413)
    expect((await postVerify(running.url, `${JSON.stringify({ message: text, signature })}}`)).status).toBe(400)
    expect((await postVerify(running.url, { message: text, signature })).status).toBe(200)
  })

  it('wrong methods → 405 with Allow; unknown routes → 404', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'GET']) {
      const response = await fetch(`${running.url}/api/v1/auth/verify`, { method })
      expect(response.status, method).toBe(405)
      expect(response.headers.get('allow')).toBe('POST')
    }
    expect((await fetch(`${running.url}/api/v1/auth/nonce`, { method: 'POST' })).status).toBe(405)
    for (const path of ['/api/v1/nope', '/api/v1/proposals/abc/votes', '/api/v1/', '/api/v10/proposals', '/', '/v0/nope', '/api/v1/auth/nonce/extra']) {
      expect((await fetch(`${running.url}${path}`)).status, path).toBe(404)
    }
  })

  it('garbage headers and request lines get a 4xx from the server or Node, and the server keeps serving', async () => {
    const port = new URL(running.url).port
    const answers = await Promise.all([
      raw(`GET /api/v1/auth/nonce HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n`),
      raw(`GET /api/v1/auth/nonce HTTP/1.1\r\nHost: %zz\r\nConnection: close\r\n\r\n`),
      raw(`GET /api/v1/proposals HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer \xe9\xe9\xe9\r\nConnection: close\r\n\r\n`),
      raw(`GET /api/v1/proposals HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nBad Header\r\n\r\n`),
      raw(`GET /api/v1/proposals HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX: a\x01b\r\n\r\n`),
      raw(`POST /api/v1/auth/verify HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: nope\r\n\r\n{}`),
      raw(`POST /api/v1/auth/verify HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 10\r\nConnection: close\r\n\r\n{"a"`),
      raw('\x16\x03\x01\x00garbage\r\n\r\n'),
    ])
    // The server's own 400 (a Host that is not a URL) carries a Request-Id like every other answer.
    expect(answers[0]).toMatch(/\r\nrequest-id: req_[0-9a-f]{32}\r\n/i)
    for (const answer of answers.slice(0, 6)) {
      const status = statusOf(answer)
      expect(status, answer.slice(0, 80)).toBeGreaterThanOrEqual(400)
      expect(status, answer.slice(0, 80)).toBeLessThan(500)
    }
    // A body cut short or a TLS hello: a 4xx or a closed socket, never a 5xx.
    for (const answer of answers.slice(6)) expect(statusOf(answer) < 500).toBe(true)
    expect((await fetch(`${running.url}/api/v1/auth/nonce`)).status).toBe(200)
  })

  it('a deterministic fuzz of paths, queries, methods and bodies never gets a 5xx', async () => {
    const { pick } = createSeededRandom(7)
    const token = await tokenFor(running)
    const paths = ['auth/nonce', 'auth/verify', 'proposals', 'proposals/1', 'proposals/99999999999999999999/votes', 'delegates', 'delegates/%E0%A4%A', 'delegates/0x', 'votable_supply', 'retrofunding/rounds/1/ballots/0x0000000000000000000000000000000000000000', 'spec']
    const queries = ['', '?limit=5', '?limit=-1', '?offset=1e9', '?filter=%00', '?sort=weight&limit=50', '?limit=9999999999999']
    const bodies = [undefined, '{}', '{"message":1}', '{"message":"a","signature":"0x"}', '{"allocations":[{"projectId":1}]}', '\u00ff'.repeat(100)]
    const auths = [undefined, `Bearer ${token}`, 'Bearer x.y.z', 'Bearer 00000000-0000-0000-0000-000000000000']
    for (let i = 0; i < 150; i++) {
      const method = pick(['GET', 'POST', 'PUT'] as const)
      const body = method === 'GET' ? undefined : pick(bodies)
      const auth = pick(auths)
      const prefix = pick(['/api/v1/', '/v0/'])
      const response = await fetch(`${running.url}${prefix}${pick(paths)}${pick(queries)}`, { method, ...(body !== undefined ? { body } : {}), headers: auth ? { Authorization: auth } : {} })
      expect(response.status, `${method} ${response.url}`).toBeLessThan(500)
      await response.arrayBuffer()
    }
  })
})
