// The demo dApp the stories show: what a developer builds with agora-auth, on a local wallet and server.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'
import type { Hex } from 'viem'
import { generatePrivateKey } from 'viem/accounts'
import { WagmiProvider } from 'wagmi'
import type { DemoServerName } from '../.storybook/demoServers.js'
import { AgoraAuthProvider, type AgoraAuthProviderProps } from '../src/react/AgoraAuthProvider.js'
import { DEMO_ACCOUNTS } from '../src/testing/demoAccounts.js'
import type { LocalWalletParameters } from '../src/testing/localWallet.js'
import { localWagmiConfig } from '../src/testing/localWagmiConfig.js'

/** What a story sets in `parameters.agora`. */
export type DemoParameters = {
  /** Which local server (see .storybook/demoServers.ts); default `main`. */
  server?: DemoServerName
  /** A demo account with known roles, or a fresh random one (default). */
  account?: keyof typeof DEMO_ACCOUNTS
  /** Wallet behaviour: `authorized: false` starts disconnected; `signDelayMs`; `rejectSignatures`. */
  wallet?: Partial<LocalWalletParameters>
  /** Extra AgoraAuthProvider props. */
  provider?: Partial<Omit<AgoraAuthProviderProps, 'baseUrl' | 'children'>>
}

export type Demo = ReturnType<typeof makeDemo>

/** A fresh wallet, wagmi config and query cache for one story, so stories never share state. */
export function makeDemo(parameters: DemoParameters = {}) {
  // A previous story's stored session must not sign this one in.
  for (const key of Object.keys(localStorage)) if (key.startsWith('agora-auth:')) localStorage.removeItem(key)
  const server = parameters.server ?? 'main'
  const privateKey: Hex = parameters.account ? DEMO_ACCOUNTS[parameters.account].privateKey : generatePrivateKey()
  const { wallet, config } = localWagmiConfig({ privateKey, authorized: true, ...parameters.wallet })
  // TanStack's defaults (retry: 3), as a dApp has them: agora-auth's hooks never retry an auth error themselves.
  const queryClient = new QueryClient()
  return { wallet, config, queryClient, server, baseUrl: `${location.origin}/${server}/api/v1` }
}

const DemoContext = createContext<Demo | null>(null)
export const useDemo = () => useContext(DemoContext)!

/** What a dApp wraps its app in (wagmi, TanStack Query, agora-auth), around one story's demo. */
export function DemoProviders({ demo, provider, children }: { demo: Demo; provider?: DemoParameters['provider']; children: ReactNode }) {
  return (
    <DemoContext.Provider value={demo}>
      <WagmiProvider config={demo.config}>
        <QueryClientProvider client={demo.queryClient}>
          <AgoraAuthProvider baseUrl={demo.baseUrl} {...provider}>
            {children}
          </AgoraAuthProvider>
        </QueryClientProvider>
      </WagmiProvider>
    </DemoContext.Provider>
  )
}

/** The wallet as its user sees it: account, prompts so far, and buttons to act as the user would. */
export function WalletPanel({ children }: { children?: ReactNode }) {
  const { wallet } = useDemo()
  const [prompts, setPrompts] = useState(wallet.signatureCount)
  const [account, setAccount] = useState(wallet.account.address)
  useEffect(() => wallet.onSign(() => setPrompts(wallet.signatureCount)) as () => void, [wallet])
  const switchAccount = () => {
    wallet.setAccount(generatePrivateKey())
    setAccount(wallet.account.address)
  }
  return (
    <aside aria-label="Wallet" className="demo-wallet">
      <p>
        Local wallet <code data-testid="wallet-account">{account}</code> · prompts: <output data-testid="prompts">{prompts}</output>
      </p>
      {children}
      <button type="button" onClick={switchAccount}>
        Switch wallet account
      </button>
    </aside>
  )
}
