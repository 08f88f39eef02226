// Redirects keep the token home (issue 11 item 5): two real loopback servers and the real `fetch`. The client
// never lets `fetch` follow a request that carries the token: a redirect is asked again without it, and the token
// is attached again only at a protected final URL inside the base (GET and HEAD). One path for Node and browsers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { NetworkError, UnauthorizedError } from '../../../src/core/errors/errors.js'
import { createAgoraClient } from '../../../src/core/http/createAgoraClient.js'
import type { TokenSource } from '../../../src/core/http/types.js'
import { type Received, send, startLoopback } from './loopback.js'

const TOKEN = 'home-token'
const renewals: string[] = []
const source: TokenSource = {
  getToken: async () => TOKEN,
  renewToken: async (stale) => {
    renewals.push(stale)
    return TOKEN
  },
}

let api: Awaited<ReturnType<typeof startLoopback>>
let other: Awaited<ReturnType<typeof startLoopback>>
let base: string
beforeAll(async () => {
  api = await startLoopback()
  other = await startLoopback()
  base = `${api.origin}/api/v1`
})
afterAll(async () => {
  await api.close()
  await other.close()
})
afterEach(() => {
  api.received.length = 0
  other.received.length = 0
  renewals.length = 0
})

/** The API answers `from` with a redirect to `location` and everything else with 200 and the path it saw. */
function redirect(from: string, status: number, location: string) {
  api.handle((req, res) => (req.path === from ? send(res, status, '', { location }) : send(res, 200, { path: req.path })))
}
const tokenAt = (received: Received[], path: string) => received.filter((r) => r.path === path).map((r) => r.authorization)

/**
 * `fetch` as a browser answers `redirect: 'manual'`: an opaque response without status, headers or Location
 * (Node's fetch shows the 30x instead). A stub, because Node cannot produce that answer; the servers stay real.
 */
const browserFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init)
  const response = await fetch(request)
  if (request.redirect !== 'manual' || response.status < 300 || response.status > 399) return response
  await response.body?.cancel()
  const opaque = new Response(null)
  Object.defineProperties(opaque, { type: { value: 'opaqueredirect' }, status: { value: 0 }, ok: { value: false } })
  return opaque
}

describe('followRedirects (through createAgoraClient)', () => {
  const statuses = [301, 302, 303, 307, 308]
  const outside = ['/admin', '/api/v2/proposals', '/api/v1x/a', '/']
  it.each(statuses)('a same-origin %i to a path outside the base does not carry the token there', async (status) => {
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    for (const location of outside) {
      redirect('/api/v1/start', status, location)
      const response = await agora.fetch('start')
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ path: location })
    }
    // Each start is asked with the token (answered by the redirect), then again without it, and followed.
    expect(tokenAt(api.received, '/api/v1/start')).toEqual(Array(outside.length).fill([`Bearer ${TOKEN}`, undefined]).flat())
    const atTargets = api.received.filter((r) => r.path !== '/api/v1/start')
    expect(atTargets.map((r) => [r.path, r.authorization])).toEqual(outside.map((path) => [path, undefined]))
  })

  it('an absolute same-origin Location outside the base, and one on another origin, get no token either', async () => {
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    redirect('/api/v1/start', 302, `${api.origin}/outside`)
    await agora.request('start')
    redirect('/api/v1/start', 307, `${other.origin}/api/v1/start`)
    await agora.request('start')
    expect(tokenAt(api.received, '/outside')).toEqual([undefined])
    expect(other.received.map((r) => r.authorization)).toEqual([undefined])
  })

  it('a redirect to a public route below the base does not carry the token', async () => {
    redirect('/api/v1/start', 302, '/api/v1/auth/nonce')
    await createAgoraClient({ baseUrl: base, tokenSource: source }).request('start')
    expect(tokenAt(api.received, '/api/v1/auth/nonce')).toEqual([undefined])
  })

  it('a GET redirected between protected routes gets the token at its final URL (never at the hops between); 307/308 repeat the method and the body', async () => {
    api.handle((req, res) => {
      if (req.path === '/api/v1/a') return send(res, 302, '', { location: 'b' })
      if (req.path === '/api/v1/b') return send(res, 307, '', { location: `${base}/c` })
      if (req.path === '/api/v1/c') return send(res, 308, '', { location: '/api/v1/d' })
      send(res, 200, { method: req.method, body: req.body })
    })
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    expect(await agora.request('a')).toEqual({ method: 'GET', body: '' })
    expect(api.received.map((r) => [r.path, r.authorization])).toEqual([
      ['/api/v1/a', `Bearer ${TOKEN}`],
      ['/api/v1/a', undefined],
      ['/api/v1/b', undefined],
      ['/api/v1/c', undefined],
      ['/api/v1/d', undefined],
      ['/api/v1/d', `Bearer ${TOKEN}`],
    ])
    api.received.length = 0
    // A PUT is not asked again with the token (repeating it is not safe): what fetch followed without it comes back.
    expect(await agora.request('b', { method: 'PUT', body: { vote: 1 } })).toEqual({ method: 'PUT', body: '{"vote":1}' })
    expect(api.received.map((r) => [r.method, r.path, r.body, r.authorization])).toEqual([
      ['PUT', '/api/v1/b', '{"vote":1}', `Bearer ${TOKEN}`],
      ['PUT', '/api/v1/b', '{"vote":1}', undefined],
      ['PUT', '/api/v1/c', '{"vote":1}', undefined],
      ['PUT', '/api/v1/d', '{"vote":1}', undefined],
    ])
  })

  it('a 303, or a 302 after a POST, becomes a GET without the body', async () => {
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    for (const status of [302, 303]) {
      redirect('/api/v1/start', status, '/api/v1/done')
      await agora.request('start', { method: 'POST', body: { a: 1 } })
    }
    expect(api.received.filter((r) => r.path === '/api/v1/done').map((r) => [r.method, r.body])).toEqual([
      ['GET', ''],
      ['GET', ''],
    ])
  })

  it('bounded: a redirect loop ends in NetworkError after 20 redirects', async () => {
    redirect('/api/v1/loop', 302, '/api/v1/loop')
    const error = await createAgoraClient({ baseUrl: base, tokenSource: source }).request('loop').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    // Once with the token, then without it: the first of fetch's own 21 requests (its limit is 20 redirects).
    expect(api.received).toHaveLength(22)
    expect(api.received.filter((r) => r.authorization).length).toBe(1)
  })

  it('bounded: a server that keeps sending the re-asked GET elsewhere ends in NetworkError after 20 redirects with the token', async () => {
    // Without the token, a path answers 200 the first time and redirects one level deeper afterwards; with the
    // token, every path redirects: each hop ends on a new protected URL, asked there with the token again.
    const tokenless = new Map<string, number>()
    api.handle((req, res) => {
      if (req.authorization) return send(res, 302, '', { location: req.path })
      const hits = (tokenless.get(req.path) ?? 0) + 1
      tokenless.set(req.path, hits)
      if (hits === 1 && req.path !== '/api/v1/deep') return send(res, 200, { path: req.path })
      send(res, 302, '', { location: `${req.path}/n` })
    })
    const error = await createAgoraClient({ baseUrl: base, tokenSource: source }).request('deep').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect(api.received.filter((r) => r.authorization).length).toBe(21)
  })

  it("the caller's redirect: 'manual' gets the 30x itself, and nothing is followed", async () => {
    redirect('/api/v1/start', 302, '/admin')
    const response = await createAgoraClient({ baseUrl: base, tokenSource: source }).fetch('start', { redirect: 'manual' })
    expect([response.status, response.headers.get('location')]).toEqual([302, '/admin'])
    expect(api.received.map((r) => r.path)).toEqual(['/api/v1/start'])
  })

  it('a 401 from a URL the token did not go to is not about the token: no renewal', async () => {
    api.handle((req, res) => (req.path === '/api/v1/start' ? send(res, 302, '', { location: '/login' }) : send(res, 401, 'Log in')))
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source })
    await expect(agora.request('start')).rejects.toBeInstanceOf(UnauthorizedError)
    expect(renewals).toEqual([])
    expect(tokenAt(api.received, '/login')).toEqual([undefined])
  })

  it("every copy sent keeps the caller's request: headers, signal, credentials, cache, keepalive, referrer and its policy", async () => {
    redirect('/api/v1/start', 302, '/api/v1/target')
    // A spy around the real fetch: a server cannot see a request's cache mode, credentials mode or signal.
    const sent: Request[] = []
    const spy: typeof fetch = (input, init) => {
      const request = new Request(input, init)
      sent.push(request)
      return fetch(request)
    }
    const controller = new AbortController()
    const init: RequestInit = {
      headers: { 'x-trace': 't1' },
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
      keepalive: true,
      referrer: `${api.origin}/page`,
      referrerPolicy: 'no-referrer',
    }
    await createAgoraClient({ baseUrl: base, tokenSource: source, fetch: spy }).fetch('start', init)
    // With the token at the start, again without it (followed by fetch), and with it at the protected final URL.
    expect(sent.map((r) => [r.url, r.method, r.headers.get('authorization'), r.headers.get('x-trace')])).toEqual([
      [`${base}/start`, 'GET', `Bearer ${TOKEN}`, 't1'],
      [`${base}/start`, 'GET', null, 't1'],
      [`${base}/target`, 'GET', `Bearer ${TOKEN}`, 't1'],
    ])
    for (const copy of sent)
      expect([copy.credentials, copy.cache, copy.keepalive, copy.referrer, copy.referrerPolicy]).toEqual(
        ['omit', 'no-store', true, `${api.origin}/page`, 'no-referrer'],
      )
    controller.abort()
    expect(sent.every((copy) => copy.signal.aborted)).toBe(true)
  })
})

describe('followRedirects where the redirect is hidden (the browser path)', () => {
  it('a redirect out of the base is asked again without the token and followed by fetch: no token outside', async () => {
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source, fetch: browserFetch })
    for (const status of [301, 302, 303, 307, 308]) {
      redirect('/api/v1/start', status, '/admin')
      const response = await agora.fetch('start')
      expect(await response.json()).toEqual({ path: '/admin' })
    }
    expect(tokenAt(api.received, '/api/v1/start')).toEqual(Array(5).fill([`Bearer ${TOKEN}`, undefined]).flat())
    expect(tokenAt(api.received, '/admin')).toEqual(Array(5).fill(undefined))
  })

  it('a GET redirected to a protected URL inside the base is asked there with the token', async () => {
    redirect('/api/v1/start', 302, '/api/v1/target')
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source, fetch: browserFetch })
    expect(await agora.request('start')).toEqual({ path: '/api/v1/target' })
    expect(api.received.map((r) => [r.path, r.authorization])).toEqual([
      ['/api/v1/start', `Bearer ${TOKEN}`],
      ['/api/v1/start', undefined],
      ['/api/v1/target', undefined],
      ['/api/v1/target', `Bearer ${TOKEN}`],
    ])
  })

  it('a POST is not repeated with the token after a hidden redirect: the answer without it is handed back', async () => {
    redirect('/api/v1/start', 307, '/api/v1/target')
    const agora = createAgoraClient({ baseUrl: base, tokenSource: source, fetch: browserFetch })
    await agora.request('start', { method: 'POST', body: { a: 1 } })
    expect(api.received.map((r) => [r.path, r.authorization, r.body])).toEqual([
      ['/api/v1/start', `Bearer ${TOKEN}`, '{"a":1}'],
      ['/api/v1/start', undefined, '{"a":1}'],
      ['/api/v1/target', undefined, '{"a":1}'],
    ])
  })
})
