import { describe, expect, it } from 'vitest'
import { createAgoraServer, type AgoraServer } from '../../src/server.js'
import { message, newAccount } from './helpers.js'

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

describe('createAgoraServer: secrets (issue 11 item 6)', () => {
  it('throws a TypeError at creation for an empty or short jwtSecret, before any request', () => {
    for (const jwtSecret of ['', new Uint8Array(0), 'short', 'x'.repeat(31), new Uint8Array(31)])
      expect(() => createAgoraServer({ jwtSecret }), String(jwtSecret.length)).toThrow(TypeError)
    expect(() => createAgoraServer({ jwtSecret: '' })).toThrow(/empty.*AGORA_JWT_SECRET/)
    expect(() => createAgoraServer({ jwtSecret: 'short' })).toThrow(/at least 32/)
  })

  it('takes a secret of 32 bytes or more, and makes up 32 random bytes when none is given', () => {
    expect(createAgoraServer({ jwtSecret: 'x'.repeat(32) }).jwtSecret).toEqual(new TextEncoder().encode('x'.repeat(32)))
    const made = [createAgoraServer().jwtSecret, createAgoraServer().jwtSecret]
    expect(made.map((secret) => secret.byteLength)).toEqual([32, 32])
    expect(made[0]).not.toEqual(made[1])
  })
})

describe('createAgoraServer: auth/nonce and auth/verify are rate-limited per client (issue 11 item 3)', () => {
  const nonceFrom = (server: AgoraServer, clientAddress: string, headers: HeadersInit = {}) =>
    server.fetch(new Request('http://localhost/api/v1/auth/nonce', { headers }), { clientAddress })

  it('by default: 60 at once per client, then 429 with Retry-After; other clients and data routes are unaffected', async () => {
    const server = createAgoraServer({ now: () => 0 })
    const statuses = []
    for (let index = 0; index < 61; index++) statuses.push((await nonceFrom(server, '192.0.2.1')).status)
    expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true)
    const limited = await nonceFrom(server, '192.0.2.1')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await limited.json()).toEqual({ message: 'Too many requests.' })
    expect((await nonceFrom(server, '192.0.2.2')).status).toBe(200)
    const data = await server.fetch(new Request('http://localhost/api/v1/votable_supply'), { clientAddress: '192.0.2.1' })
    expect(data.status).toBe(200)
  })

  it('verify spends the same bucket as nonce; the limit is configurable, and off with authRateLimit: false', async () => {
    const server = createAgoraServer({ now: () => 0, authRateLimit: { capacity: 2, refillPerSecond: 1 } })
    const account = newAccount()
    const { nonce } = (await (await nonceFrom(server, 'a')).json()) as { nonce: string }
    const text = message({ host: 'localhost', address: account.address, nonce, issuedAt: new Date(0), expirationTime: new Date(300_000) })
    const verify = () =>
      server.fetch(new Request('http://localhost/api/v1/auth/verify', { method: 'POST', body: JSON.stringify({ message: text, signature: '0x00' }) }), { clientAddress: 'a' })
    expect((await verify()).status).toBe(401)
    expect((await verify()).status).toBe(429)
    expect((await nonceFrom(server, 'a')).status).toBe(429)
    const unlimited = createAgoraServer({ authRateLimit: false })
    for (let index = 0; index < 100; index++) expect((await nonceFrom(unlimited, 'a')).status).toBe(200)
    // rateLimit: false turns every limit off unless authRateLimit says otherwise.
    const noLimits = createAgoraServer({ rateLimit: false })
    for (let index = 0; index < 100; index++) expect((await nonceFrom(noLimits, 'a')).status).toBe(200)
  })

  it('behind a proxy (trustProxy), each client is its last X-Forwarded-For hop; without it the header is ignored', async () => {
    const limit = { capacity: 1, refillPerSecond: 0.001 }
    const proxied = createAgoraServer({ now: () => 0, trustProxy: true, authRateLimit: limit })
    expect((await nonceFrom(proxied, 'proxy', { 'x-forwarded-for': 'spoofed, 198.51.100.1' })).status).toBe(200)
    expect((await nonceFrom(proxied, 'proxy', { 'x-forwarded-for': 'other, 198.51.100.1' })).status).toBe(429)
    expect((await nonceFrom(proxied, 'proxy', { 'x-forwarded-for': '198.51.100.2' })).status).toBe(200)
    const direct = createAgoraServer({ now: () => 0, authRateLimit: limit })
    expect((await nonceFrom(direct, 'client', { 'x-forwarded-for': '198.51.100.1' })).status).toBe(200)
    expect((await nonceFrom(direct, 'client', { 'x-forwarded-for': '198.51.100.2' })).status).toBe(429)
  })
})
