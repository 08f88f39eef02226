// The demo's chain: an EVM inside Storybook's own Vite server (ganache, in-process, offline) holding the demo
// smart wallets, and a local Agora server that verifies their signatures on it, under /smart (same origin).
// `GET /smart/wallets.json` tells a story the wallets' addresses; `/smart/api/v1` is the Agora API.
import type { Plugin } from 'vite'
import { createAgoraServer } from '../src/server/createAgoraServer.js'
import { toNodeHandler } from '../src/server/node/toNodeHandler.js'
import type { AgoraServer } from '../src/server/types.js'
import { DEMO_ACCOUNTS, demoRolesFor } from '../src/testing/demoAccounts.js'
import type { SmartWallets } from '../test/chain/deploySmartWallets.js'

/** The key that owns the demo smart wallets; the wallets get the badgeholder's demo roles. */
export const SMART_WALLET_OWNER = DEMO_ACCOUNTS.badgeholder

/** The chain the demo wallets live on: OP Mainnet's id, as the demo's local wallet starts there. */
const CHAIN_ID = 10

type DemoChain = { server: AgoraServer; wallets: SmartWallets; close(): Promise<void> }

async function startDemoChain(): Promise<DemoChain> {
  // Loaded on start only: `storybook build` reads this file too and never needs a chain.
  const { startChain } = await import('../test/chain/startChain.js')
  const { deploySmartWallets } = await import('../test/chain/deploySmartWallets.js')
  const chain = await startChain({ chainId: CHAIN_ID })
  const wallets = await deploySmartWallets(chain, SMART_WALLET_OWNER.address)
  const roles = SMART_WALLET_OWNER.roles
  const server = createAgoraServer({
    prefix: '/smart/api/v1',
    v0Prefix: '/smart/v0',
    rpc: { [CHAIN_ID]: chain.publicClient },
    demoRoles: { ...demoRolesFor(), [wallets.deployed]: roles, [wallets.safe]: roles, [wallets.counterfactual.address]: roles },
    rateLimit: false,
  })
  return { server, wallets, close: chain.close }
}

/** Mounts the demo chain and its Agora server in Storybook's dev server; the chain starts with the server. */
export function demoChain(): Plugin {
  return {
    name: 'agora-auth-demo-chain',
    configureServer(vite) {
      // Started now, not on the first request: a story signing in then finds the chain warm.
      const started = startDemoChain()
      started.catch((error: unknown) => console.error('agora-auth demo chain: could not start', error))
      vite.httpServer?.once('close', () => {
        started.then((demo) => demo.close()).catch(() => {
          // It never started: nothing to close.
        })
      })
      vite.middlewares.use((req, res, next) => {
        if (!req.url?.startsWith('/smart/')) return next()
        started.then(
          ({ server, wallets }) => {
            if (req.url !== '/smart/wallets.json') return toNodeHandler(server)(req, res, next)
            res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(wallets))
          },
          (error: unknown) => next(error),
        )
      })
    },
  }
}
