import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render } from '@testing-library/react'
import { type ReactNode, StrictMode } from 'react'
import { generatePrivateKey } from 'viem/accounts'
import { base, optimism } from 'viem/chains'
import { commands } from 'vitest/browser'
import { WagmiProvider } from 'wagmi'
import { connect } from 'wagmi/actions'
import type { Session } from '../../src/core/session/types.js'
import { AgoraAuthProvider, type AgoraAuthProviderProps } from '../../src/react/AgoraAuthProvider.js'
import { useSession } from '../../src/react/hooks/useSession.js'
import { useSignIn, type UseSignInReturnType } from '../../src/react/hooks/useSignIn.js'
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
  /** Default: a QueryClient that retries nothing (tests of the retry rule pass TanStack's defaults). */
  queryClient?: QueryClient
}

const noRetries = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })

/** Renders `ui` inside WagmiProvider, QueryClientProvider and AgoraAuthProvider, as a dApp would. */
export function renderAgora(ui: ReactNode, { wagmi, provider, strict, queryClient = noRetries() }: RenderAgoraOptions) {
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

/** Signs in from inside the tree and exposes the session, for tests that act like a user. */
export function makeSignIn() {
  const api: { signIn?: UseSignInReturnType; session?: Session | null; status?: string } = {}
  function SignIn() {
    api.signIn = useSignIn()
    const { session, status } = useSession()
    api.session = session
    api.status = status
    return null
  }
  return { SignIn, api }
}

/** How often `line` ("METHOD /path") occurs in the server's request log. */
export const count = (requests: string[], line: string) => requests.filter((request) => request === line).length

/** The URL a `fetch` call is for, without reading (and so using up) a Request's body. */
export const urlOf = (input: string | URL | Request) => (input instanceof Request ? input.url : String(input))

export type RefusingFetchParameters = { status: number; body: unknown; times?: number }

/**
 * A `fetch` that answers requests whose URL ends in `path` with `status` (the first `times` of them; default all)
 * and sends everything else to the real server. For answers the local server cannot give on demand (a route that
 * refuses every token, a 5xx); `calls` counts the requests it answered or let through for `path`.
 */
export function refusingFetch(path: string, { status, body, times = Infinity }: RefusingFetchParameters) {
  const counter = { calls: 0 }
  const fetch: typeof window.fetch = async (input, init) => {
    if (!new URL(urlOf(input)).pathname.endsWith(`/${path}`)) return window.fetch(input, init)
    counter.calls++
    if (counter.calls > times) return window.fetch(input, init)
    return Response.json(body, { status })
  }
  return { fetch, get calls() { return counter.calls } }
}
