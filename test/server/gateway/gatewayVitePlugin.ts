// Gateway mode for browser tests: gateways mounted in the test page's own Vite server (same origin as the page, as in
// a dApp), in front of an upstream in its own process. Started on the first request, so projects that never ask
// for it start nothing. Paths: /gateway/api/v1 (a v0 upstream, key 0), /gateway-dead/api/v1 (an upstream that stopped
// listening), /gateway-upstream/<control> (the upstream's test instrumentation: seen, reset, script, revoke).
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'
import { createAgoraServer } from '../../../src/server/createAgoraServer.js'
import { listen } from '../../../src/server/node/listen.js'
import { toNodeHandler } from '../../../src/server/node/toNodeHandler.js'
import { startUpstreamProcess, type UpstreamProcess } from './startUpstreamProcess.js'

type Handler = (request: IncomingMessage, response: ServerResponse, next: () => void) => void
type Mounted = { upstream: UpstreamProcess; gateway: Handler; dead: Handler }

async function mount(): Promise<Mounted> {
  const upstream = await startUpstreamProcess()
  const closed = await listen(createAgoraServer())
  await closed.close()
  const gatewayAt = (name: string, baseUrl: string) =>
    toNodeHandler(
      createAgoraServer({
        prefix: `/${name}/api/v1`,
        v0Prefix: `/${name}/v0`,
        rateLimit: false,
        upstream: { baseUrl, credential: { v0ApiKey: upstream.keys[0] }, onError: () => undefined },
      }),
    )
  return { upstream, gateway: gatewayAt('gateway', `${upstream.url}/v0`), dead: gatewayAt('gateway-dead', `${closed.url}/v0`) }
}

/** The JSON body of a control request, undefined when there is none (a GET). */
async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : undefined
}

/**
 * The gateway test servers as a Vite plugin (test only).
 * @example plugins: [react(), gatewayVitePlugin()]
 */
export function gatewayVitePlugin(): Plugin {
  let mounted: Promise<Mounted> | undefined
  return {
    name: 'agora-auth-gateway-test',
    configureServer(vite) {
      vite.httpServer?.once('close', () => {
        mounted?.then((ready) => ready.upstream.stop()).catch(() => undefined)
      })
      vite.middlewares.use((request, response, next) => {
        const path = request.url ?? ''
        const isOurs = /^\/gateway(-dead|-upstream)?\//.test(path)
        if (!isOurs) return next()
        mounted ??= mount()
        mounted
          .then(async ({ upstream, gateway, dead }) => {
            if (path.startsWith('/gateway/')) return gateway(request, response, next)
            if (path.startsWith('/gateway-dead/')) return dead(request, response, next)
            const answer = await upstream.control(path.slice('/gateway-upstream/'.length), await readJson(request))
            response.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text())
          })
          .catch((error: unknown) => {
            response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error))
          })
      })
    },
  }
}
