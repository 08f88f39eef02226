// agora-auth/testing — a wagmi connector that signs with a local key, and helpers for tests.
export { localWallet } from './testing/localWallet.js'
export type {
  LocalWalletControl,
  LocalWalletParameters,
  LocalWalletPrompt,
  LocalWalletProvider,
  LocalWalletReturnType,
} from './testing/localWallet.js'
export { DEMO_ACCOUNTS, demoRolesFor } from './testing/demoAccounts.js'
export { localWagmiConfig } from './testing/localWagmiConfig.js'
export { localSmartAccount } from './testing/localSmartAccount.js'
export type { LocalSmartAccountParameters } from './testing/localSmartAccount.js'
export type { LocalWagmiConfigParameters } from './testing/localWagmiConfig.js'
