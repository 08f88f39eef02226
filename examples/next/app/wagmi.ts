import { DEMO_ACCOUNTS, localWagmiConfig } from 'agora-auth/testing'

// A demo wallet that signs with a well-known development key, so the example runs with no browser extension.
// In your app this is wagmi's `createConfig` with your chains and connectors (injected, WalletConnect, …).
export const { config, wallet } = localWagmiConfig({
  privateKey: DEMO_ACCOUNTS.badgeholder.privateKey,
  // As an extension that already knows the site: a reload reconnects without asking.
  authorized: true,
})
