import { type Chain, custom } from 'viem'
import { optimism } from 'viem/chains'
import { type Config, createConfig } from 'wagmi'
import { type LocalWalletParameters, type LocalWalletReturnType, localWallet } from './localWallet.js'

export type LocalWagmiConfigParameters = LocalWalletParameters & {
  /** The chains the config knows; the wallet starts on the first. Default: OP Mainnet, where Agora runs. */
  wagmiChains?: readonly [Chain, ...Chain[]]
}

/**
 * A wagmi config whose only connector is a {@link localWallet}: no RPC (a chain read fails loudly), no storage,
 * no injected-wallet discovery, so tests and demos are deterministic and offline.
 * @example const { config, wallet } = localWagmiConfig({ privateKey: DEMO_ACCOUNTS.badgeholder.privateKey })
 */
export function localWagmiConfig({ wagmiChains = [optimism], ...parameters }: LocalWagmiConfigParameters): {
  config: Config
  wallet: LocalWalletReturnType
} {
  const wallet = localWallet({ chainId: wagmiChains[0].id, ...parameters })
  const offline = custom({
    request: async ({ method }) => {
      throw new Error(`localWagmiConfig has no RPC node (asked for ${method}).`)
    },
  })
  const config = createConfig({
    chains: wagmiChains,
    connectors: [wallet],
    transports: Object.fromEntries(wagmiChains.map((chain) => [chain.id, offline])),
    storage: null,
    multiInjectedProviderDiscovery: false,
  })
  return { config, wallet }
}
