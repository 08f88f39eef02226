// The local Agora server (src/server) over loopback, with a clock offset, a "restart" (new JWT secret) and a log of
// what it received. Shared by the integration tests and test/bench/client.ts.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAgoraServer } from '../../../src/server/createAgoraServer.js'
import { toNodeHandler } from '../../../src/server/node/toNodeHandler.js'
import type { AgoraServer, AgoraServerOptions } from '../../../src/server/types.js'

export async function startAgoraServer(options: AgoraServerOptions = {}) {
  let offset = 0
  const make = () => createAgoraServer({ rateLimit: false, ...options, now: () => (options.now ?? Date.now)() + offset })
  let server = make()
  /** Every request as `METHOD /path` plus whether it carried a bearer. */
  const log: { request: string; bearer: string | undefined }[] = []
  const proxy: AgoraServer = {
    ...server,
    fetch(request, context) {
      const bearer = request.headers.get('authorization') ?? undefined
      log.push({ request: `${request.method} ${new URL(request.url).pathname}`, bearer })
      return server.fetch(request, context)
    },
  }
  const http = createServer(toNodeHandler(proxy))
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  return {
    origin,
    v1: `${origin}/api/v1`,
    v0: `${origin}/v0`,
    log,
    get server() {
      return server
    },
    /** Moves the server's clock by `ms` (tokens the client still trusts expire for the server). */
    clock(ms: number) {
      offset = ms
    },
    /** A new JWT secret and key pair: every token handed out so far gets a 401, though unexpired. */
    restart() {
      server = make()
    },
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections()
        http.close(() => resolve())
      }),
  }
}
