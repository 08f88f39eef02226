// @vitest-environment node
// Issue 11 item 1: the server answers only for its own host(s), so a phishing page's Host cannot get a nonce, and a
// victim's signature on a message for the phishing domain never becomes a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgoraServer, createMemoryNonceStore, type NonceStore } from '../../src/server.js'
import { createHostGuard } from '../../src/server/createHostGuard.js'
import { message, newAccount, rawRequest, start, type Running } from './helpers.js'

/** A memory nonce store that remembers for which hosts it was asked to store a nonce. */
function countingNonceStore(): NonceStore & { hosts: string[] } {
  const store = createMemoryNonceStore()
  const hosts: string[] = []
  return {
    hosts,
    put(nonce, host, ttl) {
      hosts.push(host)
      return store.put(nonce, host, ttl)
    },
    consume: (nonce) => store.consume(nonce),
  }
}

const withHost = (url: string, host: string, init: RequestInit = {}) => new Request(url, { ...init, headers: { ...init.headers, host } })

describe('createHostGuard', () => {
  it('with no origins (or an empty list), accepts loopback hosts on any port and nothing else', () => {
    for (const guard of [createHostGuard({}), createHostGuard({ origins: [] })]) {
      for (const host of ['localhost', 'localhost:3000', '127.0.0.1:8787', '[::1]:6006', 'LOCALHOST:1'])
        expect(guard(withHost('http://x/', host)), host).toEqual({ allowed: true, host: host.toLowerCase() })
      for (const host of ['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', 'evil.example@localhost', 'localhost/x', '10.0.0.1'])
        expect(guard(withHost('http://x/', host)).allowed, host).toBe(false)
    }
  })

  it('pins an origin to its host and port, and a bare host name to any port; nothing else, loopback included', () => {
    const guard = createHostGuard({ origins: ['https://app.example', 'http://dev.example:3000', 'api.example'] })
    const allowed = (host: string) => guard(withHost('http://localhost/', host)).allowed
    expect(['app.example', 'APP.example', 'dev.example:3000', 'api.example', 'api.example:8443'].map(allowed)).toEqual([true, true, true, true, true])
    expect(['app.example:8443', 'dev.example', 'dev.example:3001', 'localhost', '127.0.0.1', 'evil.example'].map(allowed)).toEqual([false, false, false, false, false, false])
  })

  it('reads the Host header before the URL (Next.js route handlers see localhost in request.url whatever the host)', () => {
    const guard = createHostGuard({ origins: ['https://app.example'] })
    expect(guard(withHost('http://localhost:3000/api/v1/auth/nonce', 'app.example'))).toEqual({ allowed: true, host: 'app.example' })
    expect(guard(withHost('http://app.example/api/v1/auth/nonce', 'evil.example'))).toEqual({ allowed: false, host: 'evil.example' })
    // No Host header at all (a Request made in code): the URL's host.
    expect(guard(new Request('https://app.example/api/v1/auth/nonce')).allowed).toBe(true)
  })

  it('reads X-Forwarded-Host only with trustProxy', () => {
    const forwarded = (host: string) => new Request('http://localhost/', { headers: { host: 'app.example', 'x-forwarded-host': host } })
    expect(createHostGuard({ origins: ['app.example'] })(forwarded('evil.example'))).toEqual({ allowed: true, host: 'app.example' })
    const behindProxy = createHostGuard({ origins: ['app.example'], trustProxy: true })
    expect(behindProxy(forwarded('evil.example'))).toEqual({ allowed: false, host: 'evil.example' })
    expect(behindProxy(new Request('http://localhost/', { headers: { host: 'internal:8080', 'x-forwarded-host': 'app.example, proxy' } })).allowed).toBe(true)
  })

  it('refuses origins that are not origins or host names with a TypeError', () => {
    for (const origins of [['ftp://app.example'], ['https://'], ['app example'], ['user@app.example'], [42 as unknown as string]])
      expect(() => createHostGuard({ origins }), String(origins)).toThrow(TypeError)
  })
})

describe('createAgoraServer refuses other hosts before a nonce is made', () => {
  it('403 naming the option to set, in each contract’s format, and no nonce stored', async () => {
    const nonceStore = countingNonceStore()
    const server = createAgoraServer({ nonceStore })
    const refused = await server.fetch(withHost('http://localhost:3000/api/v1/auth/nonce', 'evil.example'))
    expect(refused.status).toBe(403)
    expect(await refused.text()).toMatch(/host "evil\.example" is not allowed.*`origins`.*--origin/)
    const v0 = await server.fetch(withHost('http://localhost:3000/v0/metrics', 'evil.example'))
    expect(v0.status).toBe(403)
    expect(await v0.json()).toMatchObject({ code: 'forbidden', context: { reason: 'host_not_allowed' } })
    expect(nonceStore.hosts).toEqual([])
    expect((await server.fetch(withHost('http://localhost:3000/api/v1/auth/nonce', 'localhost:3000'))).status).toBe(200)
    expect(nonceStore.hosts).toEqual(['localhost:3000'])
  })

  it('mounted as a Next.js route (request.url says localhost): signs in for the pinned host, refuses the others', async () => {
    const nonceStore = countingNonceStore()
    const server = createAgoraServer({ origins: ['https://app.example'], nonceStore })
    const url = 'http://localhost:3000/api/v1/auth'
    const { nonce } = (await (await server.fetch(withHost(`${url}/nonce`, 'app.example'))).json()) as { nonce: string }
    expect(nonceStore.hosts).toEqual(['app.example'])
    const account = newAccount()
    const text = message({ host: 'app.example', address: account.address, nonce, uri: 'https://app.example' })
    const body = JSON.stringify({ message: text, signature: await account.signMessage({ message: text }) })
    // The same request under the loopback host request.url names is refused: only `origins` count once given.
    expect((await server.fetch(withHost(`${url}/verify`, 'localhost:3000', { method: 'POST', body }))).status).toBe(403)
    expect((await server.fetch(withHost(`${url}/verify`, 'app.example', { method: 'POST', body }))).status).toBe(200)
  })
})

describe('the phishing scenario over loopback (node:http, real signatures)', () => {
  let running: Running
  let nonceStore: ReturnType<typeof countingNonceStore>
  beforeAll(async () => {
    nonceStore = countingNonceStore()
    running = await start({ nonceStore })
  })
  afterAll(() => running.close())

  it('a nonce asked for with Host: evil.example, or an absolute-form target for evil.example, is refused', async () => {
    const byHost = await rawRequest(running.url, { target: '/api/v1/auth/nonce', host: 'evil.example' })
    expect(byHost.status).toBe(403)
    const absolute = await rawRequest(running.url, { target: 'http://evil.example/api/v1/auth/nonce', host: 'evil.example' })
    expect(absolute.status).toBe(403)
    expect(nonceStore.hosts).toEqual([])
  })

  it("a victim's signature on a message for evil.example never becomes a session, whatever the request says", async () => {
    // The attacker gets a nonce the only way left: for the server's own host (an absolute-form target cannot move it).
    const issued = await rawRequest(running.url, { target: 'http://evil.example/api/v1/auth/nonce', host: running.host })
    expect(issued.status).toBe(200)
    expect(nonceStore.hosts).toEqual([running.host])
    const { nonce } = JSON.parse(issued.text) as { nonce: string }
    // What the phishing page shows the victim: a message for its own domain, which the wallet signs without warning.
    const victim = newAccount()
    const text = message({ host: 'evil.example', address: victim.address, nonce, uri: 'https://evil.example' })
    const body = JSON.stringify({ message: text, signature: await victim.signMessage({ message: text }) })
    const attempts = [
      { target: '/api/v1/auth/verify', host: 'evil.example' },
      { target: 'http://evil.example/api/v1/auth/verify', host: 'evil.example' },
      { target: 'http://evil.example/api/v1/auth/verify', host: running.host },
      { target: '/api/v1/auth/verify', host: running.host },
    ]
    const answers = []
    for (const attempt of attempts) answers.push(await rawRequest(running.url, { ...attempt, method: 'POST', body }))
    expect(answers.map(({ status }) => status)).toEqual([403, 403, 401, 401])
    expect(answers[2]!.text).toBe('{"message":"SIWE domain mismatch."}')
  })
})
