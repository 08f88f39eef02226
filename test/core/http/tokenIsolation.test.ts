import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAgoraClient } from '../../../src/core/http/createAgoraClient.js'
import type { TokenSource } from '../../../src/core/http/types.js'
import { createSeededRandom } from '../../helpers/seededRandom.js'

// The URLs below point at hosts that do not exist (evil.com, …), so no server can answer them: `fetch` is a
// recording stub that stores every Request exactly as the client handed it over and answers 200. What is asserted
// is what would have left the process.

const BASE = 'https://api.example.com/api/v1'
const TOKEN = 'secret-session-token'
const source: TokenSource = { getToken: async () => TOKEN, renewToken: async () => TOKEN }


// Every way of naming a host that is NOT api.example.com over https on the default port.
const foreignHosts = [
  'https://evil.com',
  'https://api.example.com.evil.com',
  'https://api.example.com@evil.com',
  'https://api.example.com:443@evil.com',
  'https://api.example.com%40evil.com',
  'https://evil.com#@api.example.com',
  'https://evil.com?@api.example.com',
  'https://evil.com\\@api.example.com',
  'https://evil%2Ecom',
  'https://api.example.co',
  'https://api.example.com.',
  'https://xapi.example.com',
  'https://api-example.com',
  'https://example.com',
  'https://API.EXAMPLE.COM.EVIL.COM',
  'http://api.example.com',
  'HTTP://api.example.com',
  'https://api.example.com:8443',
  'https://api.example.com:80',
  'https://127.0.0.1',
  'https://[::1]',
  'https://0x7f.1',
  'wss://api.example.com',
  'ftp://api.example.com',
  '//evil.com',
  '\\\\evil.com',
  '/\\evil.com',
  '\\/evil.com',
  'https:evil.com',
  'https:/evil.com',
  'https:\\\\evil.com',
  ' https://evil.com',
  'https://evil.com\t',
  'https://ev\nil.com',
  'https://evil.com/https://api.example.com',
  'https://api.example.com\u3002evil.com',
  'https://аpi.example.com', // Cyrillic а
  'blob:https://api.example.com',
  'data:text/plain,api.example.com',
  'javascript:fetch("https://api.example.com")',
]

// Paths below the base and outside it; on a foreign host none may get the token whatever the path.
const insidePaths = ['/api/v1/proposals', '/api/v1/', '/api/v1', '/api/v1/delegates/0xabc?limit=1', '/api/v1/a/../b']
const outsidePaths = [
  '/api/v1/../admin',
  '/api/v1/%2e%2e/admin',
  '/api/v1/%2E%2E/%2e%2e/x',
  '/api/v1/.%2e/x',
  '/api/v1/..%2F..%2F/../x',
  '/api/v1\\..\\admin',
  '/api/v1x/proposals',
  '/api/v10',
  '/api/v',
  '/API/V1/proposals',
  '/api/%76%31/proposals',
  '/api//v1/proposals',
  '/',
  '/other',
  '/api/v1/../../api/v2',
]
// Path-only (relative) inputs: resolved against the base, some escape it.
const relativeOutside = ['/other', '../other', '../../x', '/api/v1x', '..', '/./api/v2', '//evil.com/api/v1/x']

function urls(count: number, seed: number) {
  // Seeded, so a failure names a URL that can be replayed.
  const { next: random, pick } = createSeededRandom(seed)
  const list: { url: string; foreign: boolean }[] = []
  while (list.length < count) {
    const kind = random()
    if (kind < 0.55) list.push({ url: pick(foreignHosts) + pick([...insidePaths, ...outsidePaths]), foreign: true })
    else if (kind < 0.8) list.push({ url: `https://api.example.com${pick(outsidePaths)}`, foreign: false })
    else if (kind < 0.9) list.push({ url: pick(relativeOutside), foreign: false })
    else list.push({ url: `https://api.example.com${pick(insidePaths)}`, foreign: false })
  }
  return list
}

/** The independent oracle: where a request with the token may go (no URL tricks: the WHATWG parse fetch used). */
function allowed(url: string) {
  const u = new URL(url)
  return (
    u.protocol === 'https:' &&
    u.hostname === 'api.example.com' &&
    u.port === '' &&
    !u.username &&
    !u.password &&
    (u.pathname === '/api/v1' || u.pathname.startsWith('/api/v1/'))
  )
}

/**
 * A recording `fetch` (see the top of this file) that answers `redirectTo(request)` with a 302 there, when given.
 * With `redirect: 'follow'` it follows as `fetch` does: every header kept, Authorization dropped only when the
 * origin changes, and the answer says where it ended (`url`, `redirected`).
 */
function recorder(redirectTo?: (request: Request) => string | undefined) {
  const seen: Request[] = []
  const send: typeof fetch = async (input, init) => {
    let request = new Request(input, init)
    for (let hops = 0; hops <= 20; hops++) {
      seen.push(request)
      const location = redirectTo?.(request)
      if (location === undefined) return endedAt(request.url, hops > 0)
      if (request.redirect !== 'follow') return new Response(null, { status: 302, headers: { location } })
      const target = new URL(location, request.url)
      const headers = new Headers(request.headers)
      if (target.origin !== new URL(request.url).origin) headers.delete('authorization')
      request = new Request(target, { headers })
    }
    throw new TypeError('Too many redirects.')
  }
  return { seen, send }
}

/** A 200 that says where fetch ended up, as a real fetch's answer does (a constructed Response cannot). */
function endedAt(url: string, redirected: boolean) {
  const response = new Response('{}')
  Object.defineProperties(response, { url: { value: url }, redirected: { value: redirected } })
  return response
}

/** What every hostile-URL run must show: no token outside the base, and enough traffic that the check means something. */
function expectNoLeak(seen: Request[], minimumWithToken: number) {
  const withToken = seen.filter((r) => r.headers.get('authorization') === `Bearer ${TOKEN}`)
  expect(withToken.filter((r) => !allowed(r.url)).map((r) => r.url)).toEqual([])
  // The test can fail: the requests that stayed inside did carry the token.
  expect(withToken.length).toBeGreaterThan(minimumWithToken)
  for (const r of seen) if (!allowed(r.url)) expect(r.headers.get('authorization')).toBeNull()
  return withToken
}

// The same checks with the base written in full, relative with an explicit origin, and relative to the page.
const bases: [string, { baseUrl: string; origin?: string }, { origin: string } | undefined][] = [
  ['an absolute base', { baseUrl: BASE }, undefined],
  ['a relative base with an origin', { baseUrl: '/api/v1', origin: 'https://api.example.com' }, undefined],
  ['a relative base on the page origin', { baseUrl: '/api/v1/' }, { origin: 'https://api.example.com' }],
]

describe('the token never leaves the base URL', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it.each(bases)('%s: 300 seeded random URLs of other origins and path tricks: zero requests outside the base carry it', async (_, options, location) => {
    if (location) vi.stubGlobal('location', location)
    const { seen, send } = recorder()
    const agora = createAgoraClient({ ...options, tokenSource: source, fetch: send })
    const cases = urls(300, 20261123)
    let rejected = 0
    for (const { url } of cases)
      await agora.fetch(url, { headers: { 'x-caller': 'kept' } }).catch(() => rejected++)

    const withToken = expectNoLeak(seen, 10)
    // The caller's headers reach every request, ours or not.
    expect(seen.every((r) => r.headers.get('x-caller') === 'kept')).toBe(true)
    expect(seen.length + rejected).toBe(cases.length)
    expect(seen.length).toBeGreaterThan(200)
    expect(seen.filter((r) => allowed(r.url) && !withToken.includes(r))).toEqual([])
    // Every case built on a foreign host went out without any token.
    const foreignUrls = new Set(cases.filter((c) => c.foreign).map((c) => c.url))
    expect(foreignUrls.size).toBeGreaterThan(80)
  })

  it.each(bases)('%s: 1,000 seeded hostile redirect targets: zero requests outside the base carry it', async (_, options, location) => {
    if (location) vi.stubGlobal('location', location)
    const targets = urls(1_000, 99).map((c) => c.url)
    let next = 0
    // The protected route `start` answers 302 to the next hostile URL; every other URL answers 200. Asked again
    // without the token (how the client follows), it answers the same target.
    const redirectTo = (request: Request) => {
      if (new URL(request.url).pathname !== '/api/v1/start') return undefined
      return request.headers.has('authorization') ? targets[next++] : targets[next - 1]
    }
    const { seen, send } = recorder(redirectTo)
    const agora = createAgoraClient({ ...options, tokenSource: source, fetch: send })
    while (next < targets.length) await agora.fetch('start').catch(() => undefined)
    const withToken = expectNoLeak(seen, 900)
    // Targets inside the base are followed with the token: the check sees both sides.
    expect(withToken.filter((r) => !r.url.endsWith('/api/v1/start')).length).toBeGreaterThan(25)
    expect(seen.length).toBeGreaterThan(1_750)
  })

  it('a foreign URL keeps the caller’s own Authorization and other headers, untouched', async () => {
    const seen: Request[] = []
    const agora = createAgoraClient({
      baseUrl: BASE,
      tokenSource: source,
      fetch: async (input, init) => (seen.push(new Request(input, init)), new Response('{}')),
    })
    for (const host of foreignHosts.slice(0, 20))
      await agora
        .fetch(`${host}/api/v1/x`, { headers: { authorization: 'Bearer theirs', 'x-a': '1' } })
        .catch(() => {})
    expect(seen.length).toBeGreaterThan(10)
    for (const r of seen) {
      expect(r.headers.get('authorization')).toBe('Bearer theirs')
      expect(r.headers.get('x-a')).toBe('1')
    }
  })

  it.each(bases)('%s: isProtected agrees with the oracle on the same URLs', (_, options, location) => {
    if (location) vi.stubGlobal('location', location)
    const agora = createAgoraClient({ ...options, tokenSource: source })
    for (const { url } of urls(300, 7)) {
      let resolved: string | undefined
      try {
        resolved = new URL(url, `${BASE}/`).href
      } catch {
        // Unparsable even for the oracle: nothing to compare.
      }
      if (resolved) expect([url, agora.isProtected(url)]).toEqual([url, allowed(resolved)])
    }
  })
})
