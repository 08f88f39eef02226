import { createServer } from 'node:http'
import type { AgoraServer } from '../types.js'
import { toNodeHandler } from './toNodeHandler.js'

export type ListenParameters = {
  /** Default: 0, a free port. */
  port?: number
  /** Default: `127.0.0.1`. */
  host?: string
  /** Time allowed to receive a whole request, headers and body, in ms. Default: 30 000. */
  requestTimeout?: number
  /** Time allowed to receive the request headers, in ms; at most `requestTimeout`. Default: 10 000. */
  headersTimeout?: number
  /** Open connections at once; further ones are closed on arrival. Default: 1 000. */
  maxConnections?: number
  /** How long an idle keep-alive connection stays open, in ms. Default: 5 000. */
  keepAliveTimeout?: number
}

/** A running Node server. */
export type ListenReturnType = { url: string; port: number; close(): Promise<void> }

const positiveInteger = (value: number, name: string) => {
  if (!Number.isInteger(value) || value <= 0) throw new TypeError(`${name} must be a positive integer, got ${value}.`)
  return value
}

/**
 * Serves an Agora server over `node:http` with bounded work per client: request and header timeouts and a cap on
 * open connections (slow or idle clients cannot hold the server); port 0 (the default) picks a free port.
 * @example const { url, close } = await listen(createAgoraServer(), { port: 0, maxConnections: 200 })
 */
export function listen(server: AgoraServer, options: ListenParameters = {}): Promise<ListenReturnType> {
  const host = options.host ?? '127.0.0.1'
  const requestTimeout = positiveInteger(options.requestTimeout ?? 30_000, 'requestTimeout')
  const headersTimeout = positiveInteger(options.headersTimeout ?? Math.min(10_000, requestTimeout), 'headersTimeout')
  if (headersTimeout > requestTimeout) throw new TypeError('headersTimeout must not be longer than requestTimeout.')
  const http = createServer(
    // Node checks the two timeouts every 30 s by default, which would let a slow client hold on far longer.
    { requestTimeout, headersTimeout, connectionsCheckingInterval: Math.min(1_000, headersTimeout) },
    toNodeHandler(server),
  )
  http.maxConnections = positiveInteger(options.maxConnections ?? 1_000, 'maxConnections')
  // Keep-alive sockets would hold close() open; tests and benches close often.
  http.keepAliveTimeout = positiveInteger(options.keepAliveTimeout ?? 5_000, 'keepAliveTimeout')
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
