// The demo's Agora API: local Agora servers mounted in Storybook's own Vite server (same origin, no network).
// One per behaviour a story needs, each under its own prefix, so stories running side by side in the test run
// never change each other's server.
import type { Plugin } from 'vite'
import { createAgoraServer } from '../src/server/createAgoraServer.js'
import { toNodeHandler } from '../src/server/node/toNodeHandler.js'
import type { AgoraServer, AgoraServerOptions } from '../src/server/types.js'
import { demoRolesFor } from '../src/testing/demoAccounts.js'

/** The servers by name: the story's `parameters.agora.server` picks one; its API is at `/{name}/api/v1`. */
export const DEMO_SERVERS = {
  /** Behaves like the real governance API. */
  main: {},
  /** Issues tokens that live 31 s: with the client's 30 s safety margin they count as expired after one second. */
  expiring: { jwtTtl: 31 },
  /** Can be restarted with a new secret (POST /restart/__restart): every token handed out so far gets a 401. */
  restart: {},
  /** Two data requests per account, then 429 with Retry-After. */
  limited: { rateLimit: { capacity: 2, refillPerSecond: 0.05 } },
} satisfies Record<string, AgoraServerOptions>

export type DemoServerName = keyof typeof DEMO_SERVERS

export function demoServers(): Plugin {
  const make = (name: DemoServerName) =>
    createAgoraServer({
      prefix: `/${name}/api/v1`,
      v0Prefix: `/${name}/v0`,
      demoRoles: demoRolesFor(),
      rateLimit: false,
      ...DEMO_SERVERS[name],
    })
  const servers = new Map<DemoServerName, AgoraServer>()
  for (const name of Object.keys(DEMO_SERVERS) as DemoServerName[]) servers.set(name, make(name))
  return {
    name: 'agora-auth-demo-servers',
    configureServer(vite) {
      vite.middlewares.use((req, res, next) => {
        const [, name, rest] = /^\/(\w+)(\/.*)?$/.exec(req.url ?? '') ?? []
        const server = servers.get(name as DemoServerName)
        if (!server) return next()
        if (rest === '/__restart' && req.method === 'POST') {
          servers.set(name as DemoServerName, make(name as DemoServerName))
          res.writeHead(204).end()
          return
        }
        toNodeHandler(server)(req, res, next)
      })
    },
  }
}
