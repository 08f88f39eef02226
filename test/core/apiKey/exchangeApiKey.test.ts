// exchangeApiKey against a real loopback server: the key goes only to auth/token, never on through a redirect,
// and the answer is read to 64 KiB at most.
import { describe, expect, it } from 'vitest'
import { exchangeApiKey } from '../../../src/core/apiKey/exchangeApiKey.js'
import { InvalidResponseError, UnauthorizedError } from '../../../src/core/errors/errors.js'
import { createAgoraClient } from '../../../src/core/http/createAgoraClient.js'
import { type Loopback, send, useLoopback, v0 } from '../http/loopback.js'

const KEY = 'secret-api-key'
let server: Loopback
let client: ReturnType<typeof createAgoraClient>
useLoopback((started) => {
  server = started
  client = createAgoraClient({ baseUrl: `${server.origin}/v0`, retry: { count: 0 } })
})

describe('exchangeApiKey', () => {
  it("POSTs the key to auth/token and returns the session JWT and the server's Date", async () => {
    server.handle((_, res) => send(res, 200, { sessionJwt: 'a.b.c' }, { date: 'Mon, 23 Nov 2026 00:00:00 GMT' }))
    expect(await exchangeApiKey({ client, apiKey: KEY })).toEqual({
      sessionJwt: 'a.b.c',
      serverDate: Date.parse('2026-11-23T00:00:00Z'),
    })
    expect(server.received).toEqual([{ method: 'POST', path: '/v0/auth/token', authorization: `Bearer ${KEY}`, body: '' }])
  })

  it('a redirected exchange is refused: the key is not sent on, even to the same origin', async () => {
    server.handle((req, res) => (req.path === '/v0/auth/token' ? send(res, 307, '', { location: '/collect' }) : send(res, 200, {})))
    const error = await exchangeApiKey({ client, apiKey: KEY }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidResponseError)
    expect(error).toMatchObject({ status: 307 })
    expect(server.received.map((r) => r.path)).toEqual(['/v0/auth/token'])
  })

  it('an answer over 64 KiB, or without a session JWT, is InvalidResponseError; a 401 is UnauthorizedError', async () => {
    server.handle((_, res) => send(res, 200, { sessionJwt: 'x'.repeat(70 * 1024) }))
    await expect(exchangeApiKey({ client, apiKey: KEY })).rejects.toThrow(/larger than 65536 bytes/)
    server.handle((_, res) => send(res, 200, { token: 'a.b.c' }))
    await expect(exchangeApiKey({ client, apiKey: KEY })).rejects.toBeInstanceOf(InvalidResponseError)
    server.handle((_, res) => send(res, 401, v0('unauthorized', 'invalid_token')))
    await expect(exchangeApiKey({ client, apiKey: KEY })).rejects.toBeInstanceOf(UnauthorizedError)
  })
})
