import { DEMO_ACCOUNTS, localWagmiConfig } from 'agora-auth/testing'

// A demo wallet that signs with a well-known development key, so the example runs with no browser extension.
// In your app this is wagmi's `createConfig` with your chains and connectors (injected, WalletConnect, …).
// Like an extension that already knows the site (localWallet's default), a reload reconnects without asking.
export const { config, wallet } = localWagmiConfig({ privateKey: DEMO_ACCOUNTS.badgeholder.privateKey })
