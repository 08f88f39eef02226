// @vitest-environment node
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { agoraServerVitePlugin } from '../../../src/serverNode.js'

let vite: ViteDevServer
let url: string
beforeAll(async () => {
  vite = await createServer({
    configFile: false,
    logLevel: 'silent',
    root: process.cwd(),
    server: { port: 0, host: '127.0.0.1', strictPort: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [agoraServerVitePlugin({ rateLimit: false })],
  })
  await vite.listen()
  url = vite.resolvedUrls!.local[0]!.replace(/\/$/, '')
})
afterAll(() => vite?.close())

it('mounts both contracts in the Vite dev server on the same origin and leaves other paths to Vite', async () => {
  const nonce = await fetch(`${url}/api/v1/auth/nonce`)
  expect(nonce.status).toBe(200)
  expect((await nonce.json()) as object).toEqual({ nonce: expect.stringMatching(/^[a-zA-Z0-9]+$/) })
  expect((await fetch(`${url}/v0/metrics`)).headers.get('request-id')).toMatch(/^req_/)
  const unauthorized = await fetch(`${url}/api/v1/proposals`)
  expect(unauthorized.status).toBe(401)
  expect(await unauthorized.text()).toBe("No token provided in 'Authorization' header")
  // Vite itself serves the rest (here a file of the repository).
  const file = await fetch(`${url}/package.json`)
  expect(file.headers.get('request-id')).toBeNull()
})
