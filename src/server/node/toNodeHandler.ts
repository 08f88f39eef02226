import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AgoraServer } from '../types.js'

/** A Node/Connect middleware; `next` is called for paths outside the server's prefixes when given. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void

const requestId = () => `req_${crypto.randomUUID().replaceAll('-', '')}`

const isUnder = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`)

/**
 * Adapts an Agora server to `node:http` (and Connect/Vite middlewares): IncomingMessage → Request → Response.
 * Bodies over the server's `bodyLimit` (16 KB) are not buffered: the server answers 413 and the connection is closed.
 * @example http.createServer(toNodeHandler(createAgoraServer())).listen(8787)
 */
export function toNodeHandler(server: AgoraServer): NodeHandler {
  const limit = server.bodyLimit
  return (req, res, next) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/'
    if (next && !isUnder(pathname, server.prefix) && !isUnder(pathname, server.v0Prefix)) return next()
    void handle(server, req, res, limit).catch((error: unknown) => {
      // Only reachable when the socket died mid-response; nothing useful can be sent.
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Request-Id': requestId() })
        res.end('Internal server error')
      } else res.destroy(error instanceof Error ? error : undefined)
    })
  }
}

async function handle(server: AgoraServer, req: IncomingMessage, res: ServerResponse, limit: number) {
  const clientAddress = req.socket.remoteAddress ?? 'unknown'
  let overflow = false
  const chunks: Buffer[] = []
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
    overflow = await new Promise<boolean>((resolve, reject) => {
      let size = 0
      const onData = (chunk: Buffer) => {
        size += chunk.length
        if (size <= limit) return void chunks.push(chunk)
        // Keep one byte past the limit so the server itself answers 413 in its contract's format; stop reading
        // (without destroying the request, whose socket the response still needs).
        chunks.push(chunk.subarray(0, Math.max(0, limit + 1 - (size - chunk.length))))
        req.off('data', onData)
        req.pause()
        resolve(true)
      }
      req.on('data', onData)
      req.once('end', () => resolve(false))
      req.once('error', reject)
      // A client that disconnects mid-body: nothing to answer (a no-op after 'end').
      req.once('close', () => reject(new Error('The request was aborted.')))
    })
  }
  let request: Request
  try {
    const host = req.headers.host ?? 'localhost'
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || name.startsWith(':')) continue
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
    }
    const body = chunks.length ? Buffer.concat(chunks) : undefined
    headers.delete('content-length')
    request = new Request(new URL(req.url ?? '/', `http://${host}`), {
      method: req.method ?? 'GET',
      headers,
      ...(body && req.method !== 'GET' && req.method !== 'HEAD' ? { body } : {}),
    })
  } catch {
    // A Host header or path that is not a URL, or a header a Request refuses.
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Access-Control-Allow-Origin': '*', 'Request-Id': requestId() })
    res.end('Bad request: the Host header, path or headers cannot be parsed.')
    return
  }
  const response = await server.fetch(request, { clientAddress })
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  if (overflow) headers.connection = 'close'
  res.writeHead(response.status, headers)
  if (response.body) for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk)
  res.end()
  // The rest of an oversized body is never read: close the socket instead.
  if (overflow) res.once('finish', () => req.destroy())
}
