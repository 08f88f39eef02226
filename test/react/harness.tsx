import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render } from '@testing-library/react'
import { type ReactNode, StrictMode } from 'react'
import { generatePrivateKey } from 'viem/accounts'
import { base, optimism } from 'viem/chains'
import { commands } from 'vitest/browser'
import { WagmiProvider } from 'wagmi'
import { connect } from 'wagmi/actions'
import { AgoraAuthProvider, type AgoraAuthProviderProps } from '../../src/react/AgoraAuthProvider.js'
import type { LocalWalletParameters } from '../../src/testing/localWallet.js'
import { localWagmiConfig } from '../../src/testing/localWagmiConfig.js'

export const apiBase = async () => (await commands.agoraServer()).apiBase

/** Requests the local Agora server saw since the last call, without CORS preflights. */
export const serverRequests = () => commands.agoraServerRequests()

/** A wagmi config around a local wallet (offline), and a way to connect it as a user would. */
export function makeWagmi(wallet: Partial<LocalWalletParameters> = {}) {
  const local = localWagmiConfig({ privateKey: generatePrivateKey(), wagmiChains: [optimism, base], ...wallet })
  return { ...local, connect: () => act(() => connect(local.config, { connector: local.config.connectors[0]! })) }
}

export type RenderAgoraOptions = {
  wagmi: ReturnType<typeof makeWagmi>
  provider: Omit<AgoraAuthProviderProps, 'children'>
  strict?: boolean
}

/** Renders `ui` inside WagmiProvider, QueryClientProvider and AgoraAuthProvider, as a dApp would. */
export function renderAgora(ui: ReactNode, { wagmi, provider, strict }: RenderAgoraOptions) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const tree = (node: ReactNode) => {
    const inner = (
      <WagmiProvider config={wagmi.config} reconnectOnMount>
        <QueryClientProvider client={queryClient}>
          <AgoraAuthProvider {...provider}>{node}</AgoraAuthProvider>
        </QueryClientProvider>
      </WagmiProvider>
    )
    return strict ? <StrictMode>{inner}</StrictMode> : inner
  }
  const result = render(tree(ui))
  return { ...result, queryClient, rerender: (node: ReactNode) => result.rerender(tree(node)) }
}
