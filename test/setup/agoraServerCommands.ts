// Browser tests talk to a real local Agora server over loopback (another origin than the test page, so CORS is
// real too). It lives in the Vitest Node process; these commands let a test in Chromium reach it.
import { createServer, type Server } from 'node:http'
import type { BrowserCommand } from 'vitest/node'
import { createAgoraServer } from '../../src/server/createAgoraServer.js'
import { toNodeHandler } from '../../src/server/node/toNodeHandler.js'
import type { AgoraServer } from '../../src/server/types.js'
import { demoRolesFor } from '../../src/testing/demoAccounts.js'

let running: Promise<{ url: string }> | undefined
let clockOffset = 0
let requests: string[] = []
const makeServer = () =>
  createAgoraServer({ demoRoles: demoRolesFor(), now: () => Date.now() + clockOffset, rateLimit: false })
let server = makeServer()

const start = () =>
  (running ??= new Promise((resolve, reject) => {
    // Every request the server sees, as "METHOD /path", so a test can count nonces, verifies and data calls.
    const counted = {
      ...server,
      fetch: (request: Request, context?: Parameters<AgoraServer['fetch']>[1]) => {
        if (request.method !== 'OPTIONS') requests.push(`${request.method} ${new URL(request.url).pathname}`)
        return server.fetch(request, context)
      },
    }
    const http: Server = createServer(toNodeHandler(counted))
    http.on('error', reject)
    http.listen(0, '127.0.0.1', () => {
      http.unref() // the Vitest process may exit while the server still listens
      const address = http.address()
      resolve({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` })
    })
  }))

/** `{ url, apiBase }` of the running server (started on first use). */
const agoraServer: BrowserCommand<[]> = async () => {
  const { url } = await start()
  return { url, apiBase: `${url}/api/v1` }
}

/** Moves the server's clock (ms) so that tokens the client still trusts are expired for the server. */
const agoraServerClock: BrowserCommand<[offsetMs: number]> = async (_context, offsetMs) => {
  clockOffset = offsetMs
}

/** Restarts the server with a new JWT secret: every token handed out so far now gets a 401, though unexpired. */
const agoraServerRestart: BrowserCommand<[]> = async () => {
  server = makeServer()
}

/** The requests seen since the last call (and forgets them). */
const agoraServerRequests: BrowserCommand<[]> = async () => {
  const seen = requests
  requests = []
  return seen
}

export const agoraServerCommands = { agoraServer, agoraServerClock, agoraServerRestart, agoraServerRequests }

declare module 'vitest/browser' {
  interface BrowserCommands {
    agoraServer(): Promise<{ url: string; apiBase: string }>
    agoraServerClock(offsetMs: number): Promise<void>
    agoraServerRestart(): Promise<void>
    agoraServerRequests(): Promise<string[]>
  }
}
