// The React benchmark's page (test/bench/react.ts opens it as `?bench`): counts, in a real browser, what a dApp
// pays for a sign-in and for a reload, and hands the figures back through `window.__bench`.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { flushSync } from 'react-dom'
import { generatePrivateKey } from 'viem/accounts'
import { WagmiProvider } from 'wagmi'
import { connect } from 'wagmi/actions'
import { AgoraAuthProvider, SignedIn, useHasRole, useRoles, useSession, useSignIn } from '../../../src/index.js'
import { localWagmiConfig } from '../../../src/testing.js'

const renders: Record<string, number> = {}
const counted = (name: string, node: ReactNode) => {
  renders[name] = (renders[name] ?? 0) + 1
  return node
}
function SessionConsumer() {
  return counted('useSession', <i>{useSession().status}</i>)
}
function RoleConsumer() {
  return counted('useHasRole', <i>{String(useHasRole('rf-demo-user'))}</i>)
}
function RolesConsumer() {
  return counted('useRoles', <i>{useRoles().length}</i>)
}
function GateChild() {
  return counted('<SignedIn> child', <i>in</i>)
}
let signIn: (() => Promise<unknown>) | undefined
function SignInHandle() {
  signIn = useSignIn().signInAsync
  return null
}

// Every request the page makes, with the moment it started.
const requests: { url: string; at: number }[] = []
const realFetch = window.fetch.bind(window)
window.fetch = (input, init) => {
  requests.push({ url: String(input instanceof Request ? input.url : input), at: performance.now() })
  return realFetch(input, init)
}

async function page(privateKey: `0x${string}`) {
  const { wallet, config } = localWagmiConfig({ privateKey, authorized: true })
  const container = document.body.appendChild(document.createElement('div'))
  const root = createRoot(container)
  let status = ''
  function Watch() {
    status = useSession().status
    return null
  }
  flushSync(() =>
    root.render(
      <WagmiProvider config={config}>
        <QueryClientProvider client={new QueryClient()}>
          <AgoraAuthProvider baseUrl={`${location.origin}/main/api/v1`}>
            <Watch />
            <SignInHandle />
            <SessionConsumer />
            <RoleConsumer />
            <RolesConsumer />
            <SignedIn>
              <GateChild />
            </SignedIn>
          </AgoraAuthProvider>
        </QueryClientProvider>
      </WagmiProvider>,
    ),
  )
  const until = async (wanted: string) => {
    while (status !== wanted) await new Promise((r) => setTimeout(r, 5))
  }
  return { wallet, config, root, until, unmount: () => (root.unmount(), container.remove()) }
}

async function run() {
  const privateKey = generatePrivateKey()
  const first = await page(privateKey)
  await connect(first.config, { connector: first.config.connectors[0]! }).catch(() => {})
  await first.until('unauthenticated')
  for (const key of Object.keys(renders)) renders[key] = 0
  let signedAt = 0
  first.wallet.onSign(() => (signedAt = performance.now()))
  requests.length = 0
  await signIn!()
  await first.until('authenticated')
  const signInRenders = { ...renders }
  const afterSignature = requests.filter((r) => r.at >= signedAt).length
  const signInRequests = requests.length
  first.unmount()

  // A reload: a new wagmi config and provider, the wallet already authorized, the token in localStorage.
  requests.length = 0
  const second = await page(privateKey)
  await second.until('authenticated')
  const restore = { requests: requests.length, prompts: second.wallet.signatureCount }
  second.unmount()
  return { signInRenders, signInRequests, afterSignature, restore }
}

;(window as unknown as { __bench: Promise<unknown> }).__bench = run()
