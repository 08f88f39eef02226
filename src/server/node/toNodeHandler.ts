import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AgoraServer } from '../types.js'

/** A Node/Connect middleware; `next` is called for paths outside the server's prefixes when given. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void

const requestId = () => `req_${crypto.randomUUID().replaceAll('-', '')}`

const isUnder = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`)

/** A host name (or IPv4), or a bracketed IPv6 literal, with an optional port: nothing a URL would read differently. */
const HOST_HEADER = /^(?:[a-z0-9._-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

/**
 * The path and query of a request target. An absolute-form target (`GET http://evil.example/x`, which proxies
 * send) gives up its host: the `Host` header alone names the site, so the server's host check sees what it should.
 * Undefined for targets that name no path (`*`, `host:port`).
 */
function pathOf(target: string): string | undefined {
  if (target.startsWith('/')) return target
  try {
    const url = new URL(target)
    return url.protocol === 'http:' || url.protocol === 'https:' ? `${url.pathname}${url.search}` : undefined
  } catch {
    // Not a URL either: refused below.
    return undefined
  }
}

/** The Web `Request` URL: the `Host` header's host with the target's path, or undefined when either is unusable. */
function requestUrl(req: IncomingMessage): URL | undefined {
  const host = req.headers.host
  const path = pathOf(req.url ?? '/')
  if (!host || !HOST_HEADER.test(host) || path === undefined) return undefined
  try {
    // The path is appended as text (never resolved against a base), so `//evil.example/x` stays a path.
    return new URL(`http://${host}${path}`)
  } catch {
    // A port above 65535 and the like.
    return undefined
  }
}

const badRequest = (res: ServerResponse) => {
  res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Access-Control-Allow-Origin': '*', 'Request-Id': requestId() })
  res.end('Bad request: the Host header, path or headers cannot be parsed.')
}

/**
 * Adapts an Agora server to `node:http` (and Connect/Vite middlewares): IncomingMessage → Request → Response.
 * The `Request` URL is built from the `Host` header and the path (an absolute-form target's host is ignored).
 * Bodies over the server's `bodyLimit` (16 KB) are not buffered: one declared larger by `Content-Length` is answered
 * 413 at once, unread; a streamed one is read to one byte past the limit; then the connection is closed.
 * @example http.createServer(toNodeHandler(createAgoraServer())).listen(8787)
 */
export function toNodeHandler(server: AgoraServer): NodeHandler {
  return (req, res, next) => {
    const url = requestUrl(req)
    if (next && (!url || (!isUnder(url.pathname, server.prefix) && !isUnder(url.pathname, server.v0Prefix)))) return next()
    if (!url) return badRequest(res)
    handle(server, url, req, res).catch((error: unknown) => {
      // Only reachable when the socket died mid-response; nothing useful can be sent.
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Request-Id': requestId() })
        res.end('Internal server error')
      } else res.destroy(error instanceof Error ? error : undefined)
    })
  }
}

/** Reads the body up to one byte past `limit`; `overflow` when there was more (the rest is left unread). */
function readBody(req: IncomingMessage, limit: number): Promise<{ chunks: Buffer[]; overflow: boolean }> {
  const chunks: Buffer[] = []
  const declaredTooLarge = Number(req.headers['content-length'] ?? 0) > limit
  // The server answers 413 in its contract's format for a body longer than its limit: it is given a stand-in.
  if (declaredTooLarge) return Promise.resolve({ chunks: [Buffer.alloc(limit + 1)], overflow: true })
  return new Promise((resolve, reject) => {
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      const keep = Math.min(chunk.length, limit + 1 - (size - chunk.length))
      chunks.push(keep < chunk.length ? chunk.subarray(0, keep) : chunk)
      if (size <= limit) return
      // Stop reading without destroying the request, whose socket the response still needs.
      req.off('data', onData)
      req.pause()
      resolve({ chunks, overflow: true })
    }
    req.on('data', onData)
    req.once('end', () => resolve({ chunks, overflow: false }))
    req.once('error', reject)
    // A client that disconnects mid-body: nothing to answer (a no-op after 'end').
    req.once('close', () => reject(new Error('The request was aborted.')))
  })
}

async function handle(server: AgoraServer, url: URL, req: IncomingMessage, res: ServerResponse) {
  const method = req.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS'
  const { chunks, overflow } = hasBody ? await readBody(req, server.bodyLimit) : { chunks: [], overflow: false }
  let request: Request
  try {
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || name.startsWith(':')) continue
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
    }
    headers.delete('content-length')
    request = new Request(url, { method, headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) })
  } catch {
    // A header a Request refuses.
    return badRequest(res)
  }
  const response = await server.fetch(request, { clientAddress: req.socket.remoteAddress ?? 'unknown' })
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  if (overflow) {
    headers.connection = 'close'
    // The rest of an oversized body is never read: the socket is closed once the answer is out.
    res.once('finish', () => req.destroy())
  }
  res.writeHead(response.status, headers)
  if (response.body) for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk)
  res.end()
}
