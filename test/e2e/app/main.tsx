// Three pages in one: `?bench` runs the React benchmark (test/bench/react.ts); `?demo` renders the Storybook demo dApp (for the README screenshot, scripts/screenshot.ts);
// otherwise a minimal page whose every tab uses the same wallet account, so tabs share one session through
// agora-auth's cross-tab sync (test/e2e/crossTab.test.ts).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'
import { WagmiProvider } from 'wagmi'
import { AgoraAuthProvider, SessionBadge, SignInButton, useSession } from '../../../src/index.js'
import '../../../src/styles.css'
import '../../../stories/demo.css'
import { DEMO_ACCOUNTS, localWagmiConfig } from '../../../src/testing.js'
import { DemoProviders, makeDemo } from '../../../stories/demo.js'
import { DemoApp } from '../../../stories/DemoApp.js'

function Status() {
  const { status } = useSession()
  return <output data-testid="status">{status}</output>
}

function TabPage() {
  const { config } = localWagmiConfig({ privateKey: DEMO_ACCOUNTS.badgeholder.privateKey, authorized: true })
  return (
    <WagmiProvider config={config}>
      <QueryClientProvider client={new QueryClient()}>
        <AgoraAuthProvider baseUrl={`${location.origin}/main/api/v1`}>
          <SignInButton /> <Status /> <SessionBadge />
        </AgoraAuthProvider>
      </QueryClientProvider>
    </WagmiProvider>
  )
}

if (location.search.includes('bench')) import('./bench.js')
else
createRoot(document.getElementById('root')!).render(
  location.search.includes('demo') ? (
    <DemoProviders demo={makeDemo({ account: 'badgeholder' })}>
      <DemoApp />
    </DemoProviders>
  ) : (
    <TabPage />
  ),
)
