import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render } from '@testing-library/react'
import { createElement, Fragment, type ReactNode, StrictMode, useState } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { generatePrivateKey } from 'viem/accounts'
import { base, optimism } from 'viem/chains'
import { vi } from 'vitest'
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

export type AgoraProvidersProps = Omit<RenderAgoraOptions, 'strict' | 'queryClient'> & {
  /** Default: a QueryClient with TanStack's defaults, one per mount. */
  queryClient?: QueryClient
  children?: ReactNode
}

/**
 * WagmiProvider, QueryClientProvider and AgoraAuthProvider around `children`, nested as a dApp nests them; for
 * renderToString and hydration, where renderAgora's render does not fit.
 * @example renderToString(<AgoraProviders wagmi={makeWagmi()} provider={{ baseUrl }}><SignInButton /></AgoraProviders>)
 */
export function AgoraProviders({ wagmi, provider, queryClient, children }: AgoraProvidersProps) {
  const [client] = useState(() => queryClient ?? new QueryClient())
  return (
    <WagmiProvider config={wagmi.config} reconnectOnMount>
      <QueryClientProvider client={client}>
        <AgoraAuthProvider {...provider}>{children}</AgoraAuthProvider>
      </QueryClientProvider>
    </WagmiProvider>
  )
}

/** Renders `ui` inside WagmiProvider, QueryClientProvider and AgoraAuthProvider, as a dApp would. */
export function renderAgora(ui: ReactNode, { wagmi, provider, strict, queryClient = noRetries() }: RenderAgoraOptions) {
  const tree = (node: ReactNode) => {
    const inner = (
      <AgoraProviders wagmi={wagmi} provider={provider} queryClient={queryClient}>
        {node}
      </AgoraProviders>
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

/** Before each test (`beforeEach(freshPage)`): no stored session, and a server request log that starts empty. */
export async function freshPage() {
  localStorage.clear()
  await serverRequests()
}

/** A component rendered first in the tree that hands the test `useSignIn()` (makeSignIn's, or a test's own probe). */
export type SignInProbe = { SignIn: () => ReactNode; api: { signIn?: UseSignInReturnType } }

export type RenderConnectedOptions<Probe extends SignInProbe> = Omit<RenderAgoraOptions, 'wagmi' | 'provider'> & {
  /** The local wallet. Default: a fresh random key on OP Mainnet and Base. */
  wallet?: Partial<LocalWalletParameters>
  /** AgoraAuthProvider's props. Default: the local Agora server's base URL, nothing else. */
  provider?: Partial<RenderAgoraOptions['provider']>
  /** Default: makeSignIn()'s probe. */
  probe?: Probe
}

/**
 * Renders `ui` after a sign-in probe inside the providers, and connects the local wallet as a user would: a page
 * whose user has not signed in yet. `rerender(...nodes)` keeps the probe first and puts each node beside it, so a
 * node that keeps its place (`ui` is the first) stays mounted.
 * @example const page = await renderConnected(<Data />); await act(() => page.api.signIn!.signInAsync())
 */
export async function renderConnected<Probe extends SignInProbe = ReturnType<typeof makeSignIn>>(
  ui: ReactNode = null,
  { wallet, provider, probe, ...options }: RenderConnectedOptions<Probe> = {},
) {
  const wagmi = makeWagmi(wallet)
  // Without a probe of the test's own, Probe is its default, makeSignIn()'s type: the cast says only that.
  const { SignIn, ...signIn } = probe ?? (makeSignIn() as unknown as Probe)
  // Siblings, not one fragment: a component moved into a fragment would be a new one to React, and mount again.
  const withProbe = (nodes: ReactNode[]) => createElement(Fragment, null, <SignIn />, ...nodes)
  const view = renderAgora(withProbe([ui]), { ...options, wagmi, provider: { baseUrl: await apiBase(), ...provider } })
  await wagmi.connect()
  return { ...view, ...signIn, wagmi, rerender: (...nodes: ReactNode[]) => view.rerender(withProbe(nodes)) }
}

/**
 * renderConnected, then one sign-in (one signature): the page of a signed-in user, and that user's session.
 * @example const { wagmi, session, rerender } = await renderSignedIn(<Ballot />, { provider: { accountChangePolicy: 'switch' } })
 */
export async function renderSignedIn<Probe extends SignInProbe = ReturnType<typeof makeSignIn>>(
  ui: ReactNode = null,
  options: RenderConnectedOptions<Probe> = {},
) {
  const page = await renderConnected(ui, options)
  const session = await act(() => page.api.signIn!.signInAsync())
  return { ...page, session }
}

/**
 * Puts server-rendered `html` in the page and hydrates it with `ui`, as a browser opening a server-rendered page does;
 * `recoverable` records each mismatch React had to recover from, `unmount` takes it all away again.
 * @example const page = await hydrateServerHtml(html, <App />); expect(page.recoverable).not.toHaveBeenCalled()
 */
export async function hydrateServerHtml(html: string, ui: ReactNode) {
  const container = document.createElement('div')
  container.innerHTML = html
  document.body.append(container)
  const recoverable = vi.fn()
  const root = await act(async () => hydrateRoot(container, ui, { onRecoverableError: recoverable }))
  function unmount() {
    act(() => root.unmount())
    container.remove()
  }
  return { recoverable, unmount }
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
