// A tiny real HTTP server on 127.0.0.1 whose answers each test scripts, and which records what it received.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll } from 'vitest'

export type Received = { method: string; path: string; authorization: string | undefined; body: string }
export type Handler = (request: Received, response: ServerResponse, raw: IncomingMessage) => void

export type Loopback = Awaited<ReturnType<typeof startLoopback>>

export async function startLoopback(initial?: Handler) {
  const received: Received[] = []
  let handler: Handler = initial ?? ((_, res) => send(res, 200, { ok: true }))
  const server = createServer(async (raw, res) => {
    let body = ''
    for await (const chunk of raw) body += chunk
    const request = { method: raw.method!, path: raw.url!, authorization: raw.headers.authorization, body }
    received.push(request)
    handler(request, res, raw)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    handle(next: Handler) {
      handler = next
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(text)
}

/** The v0 error envelope (contract B). */
export const v0 = (code: string, reason?: string) => ({
  code,
  message: `${code} ${reason ?? ''}`,
  docs_url: 'https://docs.example/errors',
  ...(reason && { context: { reason } }),
})

/** Yields to real I/O (not a timer): for waiting on a loopback socket while timers are faked. */
export async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve))
}

/**
 * A loopback server for the enclosing `describe` that answers every request 200 with `prefix` followed by `a`s for as
 * long as the client reads, up to 200 MB: a never-ending answer. `written()` says how many bytes went out, to show
 * that a bounded reader hung up early.
 * @example const endless = useEndlessAnswer('{"nonce":"'); … getNonce({ baseUrl: endless.apiBase() })
 */
export function useEndlessAnswer(prefix: string) {
  const answer = endlessAnswer(prefix)
  let server: Loopback | undefined
  beforeAll(async () => {
    server = await startLoopback(answer.handler)
  })
  afterAll(() => server?.close())
  return { apiBase: () => `${server!.origin}/api/v1`, written: answer.written }
}

function endlessAnswer(prefix: string) {
  let written = 0
  const handler: Handler = (_, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    const chunk = Buffer.alloc(64 * 1024, 0x61)
    const pump = () => {
      while (!res.destroyed && written < 200 * 1024 * 1024) {
        written += chunk.length
        if (!res.write(chunk)) return res.once('drain', pump)
      }
    }
    res.write(prefix)
    pump()
  }
  return { handler, written: () => written }
}

/**
 * One loopback server for a test file: started before its tests, closed after them, and between tests back to
 * answering 200 `{ ok: true }` with nothing received.
 * @example let server: Loopback; useLoopback((started) => { server = started })
 */
export function useLoopback(onStart: (server: Loopback) => void): void {
  let server: Loopback | undefined
  beforeAll(async () => {
    server = await startLoopback()
    onStart(server)
  })
  afterAll(() => server?.close())
  afterEach(() => {
    if (!server) return
    server.received.length = 0
    server.handle((_, res) => send(res, 200, { ok: true }))
  })
}
