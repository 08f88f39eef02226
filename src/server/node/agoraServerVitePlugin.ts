import { createAgoraServer } from '../createAgoraServer.js'
import type { AgoraServerOptions } from '../types.js'
import { toNodeHandler, type NodeHandler } from './toNodeHandler.js'

/** The structural part of a Vite plugin this needs, so the type does not depend on Vite's own. */
export type AgoraServerVitePlugin = {
  name: string
  configureServer(server: { middlewares: { use(handler: NodeHandler): unknown } }): void
  configurePreviewServer(server: { middlewares: { use(handler: NodeHandler): unknown } }): void
}

/**
 * Mounts a local Agora server in Vite's dev (and preview) server under its prefixes, so the app talks to the
 * same origin; Storybook uses it through `viteFinal`.
 * @example export default defineConfig({ plugins: [agoraServerVitePlugin({ demoRoles })] })
 */
export function agoraServerVitePlugin(options: AgoraServerOptions = {}): AgoraServerVitePlugin {
  const handler = toNodeHandler(createAgoraServer(options))
  return {
    name: 'agora-auth-server',
    configureServer(server) {
      server.middlewares.use(handler)
    },
    configurePreviewServer(server) {
      server.middlewares.use(handler)
    },
  }
}
