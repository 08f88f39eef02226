// An independent upstream for the gateway tests, run in its own process (`tsx upstreamProcess.ts`): the local Agora
// server speaking both contracts on its own loopback port, with three API keys it prints once on stdout as one JSON
// line ({url, keys}). Test instrumentation lives under /__control/ only: what the upstream saw (method, path,
// Authorization, every header name), scripted answers for the next data requests (a 429, a 403, a slow or oversized
// answer: what a real server gives only when it wants to), and key revocation as the operator's CLI does it.
import { createAgoraServer, type AgoraServer } from '../../../src/server.js'
import { listen } from '../../../src/serverNode.js'

type Seen = { method: string; path: string; search: string; authorization: string | null; headerNames: string[] }
type Script = { status: number; body: string; headers: Record<string, string>; times: number; delayMs: number; bodyBytes: number }

const server = createAgoraServer({ rateLimit: false })
const keys = await Promise.all(
  ['gateway v0', 'gateway v1', 'spare'].map(async (description) => {
    const { key } = await server.createApiKey({ email: 'ops@example.org', address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', chainId: 10, description })
    return key
  }),
)
const seen: Seen[] = []
let scripts: Script[] = []

const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } })

async function control(request: Request, path: string): Promise<Response> {
  if (path === 'seen') return json(seen)
  if (path === 'reset') {
    seen.length = 0
    scripts = []
    return json({ ok: true })
  }
  if (path === 'script') {
    const given = (await request.json()) as Partial<Script>
    scripts.push({ status: 200, body: '', headers: {}, times: 1, delayMs: 0, bodyBytes: 0, ...given })
    return json({ ok: true })
  }
  if (path === 'revoke') {
    const { index } = (await request.json()) as { index: number }
    return json({ revoked: await server.revokeApiKey(keys[index]!) })
  }
  return json({ message: 'unknown control' }, 404)
}

async function scripted(script: Script, signal: AbortSignal): Promise<Response> {
  script.times--
  if (script.times <= 0) scripts.shift()
  // A slow upstream: answer late, unless the gateway gave up first.
  if (script.delayMs > 0)
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, script.delayMs)
      signal.addEventListener('abort', () => {
        clearTimeout(timer)
        resolve()
      })
    })
  const body = script.bodyBytes > 0 ? `"${'x'.repeat(script.bodyBytes)}"` : script.body
  return new Response(body, { status: script.status, headers: { 'content-type': 'application/json', ...script.headers } })
}

const observed: AgoraServer = {
  ...server,
  async fetch(request, context) {
    const url = new URL(request.url)
    if (url.pathname.startsWith('/__control/')) return control(request, url.pathname.slice('/__control/'.length))
    seen.push({
      method: request.method,
      path: url.pathname,
      search: url.search,
      authorization: request.headers.get('authorization'),
      headerNames: [...request.headers.keys()],
    })
    const isKeyExchange = url.pathname === '/v0/auth/token'
    const script = isKeyExchange ? undefined : scripts[0]
    if (script) {
      const answer = await scripted(script, request.signal)
      // Scripted answers skip the server's wrapper, so they get their own Request-Id (every contract answer has one).
      answer.headers.set('Request-Id', `req_scripted${seen.length}`)
      return answer
    }
    return server.fetch(request, context)
  },
}

const running = await listen(observed, { port: 0 })
process.stdout.write(`${JSON.stringify({ url: running.url, keys })}\n`)
const stop = () => {
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
