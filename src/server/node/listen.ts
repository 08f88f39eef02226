import { createServer } from 'node:http'
import type { AgoraServer } from '../types.js'
import { toNodeHandler } from './toNodeHandler.js'

/** A running Node server. */
export type ListenReturnType = { url: string; port: number; close(): Promise<void> }

/**
 * Serves an Agora server over `node:http`; port 0 (the default) picks a free port.
 * @example const { url, close } = await listen(createAgoraServer(), { port: 0 })
 */
export function listen(server: AgoraServer, options: { port?: number; host?: string } = {}): Promise<ListenReturnType> {
  const host = options.host ?? '127.0.0.1'
  const http = createServer(toNodeHandler(server))
  // Keep-alive sockets would hold close() open; tests and benches close often.
  http.keepAliveTimeout = 5_000
  return new Promise((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port ?? 0, host, () => {
      const address = http.address()
      const port = typeof address === 'object' && address ? address.port : 0
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            http.close((error) => (error ? fail(error) : done()))
            http.closeAllConnections()
          }),
      })
    })
  })
}
