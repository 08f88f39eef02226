// @vitest-environment node
// followRedirects in real Chromium, where `redirect: 'manual'` answers an opaque response without its Location: the
// client (bundled by esbuild, relative baseUrl on the page's origin) against a real loopback server.
import { build } from 'esbuild'
import { chromium, type Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from '../../setup/chromium.js'
import { send, startLoopback } from './loopback.js'

let browser: Browser
let server: Awaited<ReturnType<typeof startLoopback>>
beforeAll(async () => {
  const bundle = await build({
    entryPoints: ['src/core/http/createAgoraClient.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'AgoraHttp',
    write: false,
  })
  const script = bundle.outputFiles[0]!.text
  const redirects: Record<string, [number, string]> = {
    '/api/v1/out': [302, '/admin'],
    '/api/v1/in': [302, '/api/v1/target'],
    '/api/v1/post': [307, '/api/v1/target'],
  }
  server = await startLoopback((req, res) => {
    if (req.path === '/') return send(res, 200, '<!doctype html><script src="/client.js"></script>', { 'content-type': 'text/html' })
    if (req.path === '/client.js') return send(res, 200, script, { 'content-type': 'text/javascript' })
    const redirect = redirects[req.path]
    if (redirect) return send(res, redirect[0], '', { location: redirect[1] })
    send(res, 200, { path: req.path })
  })
  browser = await chromium.launch(chromiumLaunchOptions)
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('followRedirects in Chromium (opaque redirects)', () => {
  it('no token outside the base; a GET redirected inside is asked there with the token; a POST is not repeated with it', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.origin}/`)
    const answers = await page.evaluate(async () => {
      const { createAgoraClient } = (globalThis as unknown as { AgoraHttp: typeof import('../../../src/core/http/createAgoraClient.js') }).AgoraHttp
      const client = createAgoraClient({
        baseUrl: '/api/v1',
        tokenSource: { getToken: async () => 'page-token', renewToken: async () => 'page-token' },
      })
      return [await client.request('out'), await client.request('in'), await client.request('post', { method: 'POST', body: { a: 1 } })]
    })
    await page.close()
    expect(answers).toEqual([{ path: '/admin' }, { path: '/api/v1/target' }, { path: '/api/v1/target' }])
    const api = server.received.filter((r) => r.path !== '/' && r.path !== '/client.js' && r.path !== '/favicon.ico')
    expect(api.map((r) => [r.method, r.path, r.authorization])).toEqual([
      ['GET', '/api/v1/out', 'Bearer page-token'],
      ['GET', '/api/v1/out', undefined],
      ['GET', '/admin', undefined],
      ['GET', '/api/v1/in', 'Bearer page-token'],
      ['GET', '/api/v1/in', undefined],
      ['GET', '/api/v1/target', undefined],
      ['GET', '/api/v1/target', 'Bearer page-token'],
      ['POST', '/api/v1/post', 'Bearer page-token'],
      ['POST', '/api/v1/post', undefined],
      ['POST', '/api/v1/target', undefined],
    ])
  }, 60_000)
})
