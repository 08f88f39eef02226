import { type Address, getAddress, type Hex, type LocalAccount, numberToHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import type { CreateConnectorFn } from 'wagmi'
import { localWalletConnector } from './localWalletConnector.js'

export type LocalWalletParameters = {
  /** The key to sign with; or pass `account`. */
  privateKey?: Hex
  /** A viem local account to sign with, instead of `privateKey`; a {@link localSmartAccount} signs as a contract wallet. */
  account?: LocalAccount
  /** The chain the wallet starts on; default: the first chain of the wagmi config. */
  chainId?: number
  /** Chain ids the wallet accepts in `wallet_switchEthereumChain` (others fail with 4902); default: any. */
  chains?: readonly number[]
  /**
   * Whether the wallet already knows the site, as a real wallet remembers a site it connected to: wagmi's
   * `reconnect` (a page load) then finds the account and a stored session is restored. Default `true`; `false`
   * starts as a wallet that never saw the site, so signing in connects first.
   */
  authorized?: boolean
  /** Reject every signature request with 4001 until `reject(false)`; default `false`. */
  rejectSignatures?: boolean
  /** Milliseconds the "user" takes before answering a signature request; default 0. */
  signDelayMs?: number
}

/** A signature request as the wallet's user sees it. */
export type LocalWalletPrompt = { address: Address; message: Hex; rejected: boolean }

/** The minimal EIP-1193 provider the wallet exposes to wagmi (and to anyone calling it directly). */
export type LocalWalletProvider = {
  request(args: { method: string; params?: unknown }): Promise<unknown>
  on(event: string, listener: (value: never) => void): void
  removeListener(event: string, listener: (value: never) => void): void
}

/** Drives the wallet from a test or a demo, as its user would. */
export type LocalWalletControl = {
  readonly provider: LocalWalletProvider
  /** The account the wallet currently exposes. */
  readonly account: LocalAccount
  /** The chain the wallet is on, once known. */
  readonly chainId: number | undefined
  /** Signature requests the wallet has shown so far, rejected ones included. */
  readonly signatureCount: number
  /** Switch to another account; a connected site sees `accountsChanged`. */
  setAccount(account: Hex | LocalAccount): void
  /** Switch chain from the wallet's side; a connected site sees `chainChanged`. */
  setChain(chainId: number): void
  /** `true` rejects every signature request (4001) until `reject(false)`; `'once'` rejects the next one only. */
  reject(mode?: boolean | 'once'): void
  /** Make the user take `ms` milliseconds to answer each signature request. */
  delay(ms: number): void
  /** Listen to signature requests (counting prompts, reading the message); returns the unsubscribe. */
  onSign(listener: (prompt: LocalWalletPrompt) => void): () => void
  /** The wallet disconnects the site: it emits `disconnect` and forgets the authorization. */
  disconnect(): void
}

export type LocalWalletReturnType = CreateConnectorFn<LocalWalletProvider> & LocalWalletControl

const providerError = (code: number, message: string) => Object.assign(new Error(message), { code })

/**
 * A wagmi connector that signs with a local key: no RPC, no extension; for tests and demos. It remembers the site
 * (`authorized: true`) like a real wallet, and signs as a contract wallet when given a {@link localSmartAccount}.
 * @example
 * const wallet = localWallet({ privateKey: generatePrivateKey() })
 * const config = createConfig({ chains: [mainnet], connectors: [wallet], transports: { [mainnet.id]: http() } })
 * wallet.reject('once') // the next signature request fails with EIP-1193 code 4001
 */
export function localWallet(parameters: LocalWalletParameters): LocalWalletReturnType {
  const toAccount = (a: Hex | LocalAccount) => (typeof a === 'string' ? privateKeyToAccount(a) : a)
  const source = parameters.account ?? parameters.privateKey
  if (!source) throw new TypeError('localWallet needs a `privateKey` or an `account`.')
  let account = toAccount(source)
  let chainId = parameters.chainId
  // Remembering the site is what a real wallet does after the first connect, so a reload restores the session.
  let authorized = parameters.authorized ?? true
  let rejectAll = parameters.rejectSignatures ?? false
  let rejectNext = false
  let delayMs = parameters.signDelayMs ?? 0
  let signatureCount = 0
  const listeners = new Map<string, Set<(value: never) => void>>()
  const signListeners = new Set<(prompt: LocalWalletPrompt) => void>()
  const emit = (event: string, value: unknown) => {
    for (const listener of listeners.get(event) ?? []) (listener as (value: unknown) => void)(value)
  }
  const accounts = () => (authorized ? [account.address] : [])

  const provider: LocalWalletProvider = {
    async request({ method, params }) {
      const args = (params ?? []) as readonly unknown[]
      switch (method) {
        case 'eth_requestAccounts':
          authorized = true
          return accounts()
        case 'eth_accounts':
          return accounts()
        case 'eth_chainId':
          return numberToHex(chainId ?? 1)
        case 'wallet_switchEthereumChain': {
          const id = Number((args[0] as { chainId: Hex }).chainId)
          if (parameters.chains && !parameters.chains.includes(id))
            throw providerError(4902, `Unrecognized chain ID ${id}.`)
          control.setChain(id)
          return null
        }
        case 'personal_sign': {
          const [message, address] = args as [Hex, Address]
          // A real wallet only signs for the account it currently exposes to the site.
          if (!authorized || getAddress(address) !== account.address)
            throw providerError(4100, 'The requested account has not been authorized by the user.')
          const rejected = rejectAll || rejectNext
          rejectNext = false
          signatureCount++
          for (const listener of signListeners) listener({ address: account.address, message, rejected })
          const signer = account
          if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs))
          if (rejected) throw providerError(4001, 'User rejected the request.')
          return signer.signMessage({ message: { raw: message } })
        }
      }
      throw providerError(4200, `localWallet does not support ${method}.`)
    },
    on(event, listener) {
      listeners.set(event, (listeners.get(event) ?? new Set()).add(listener))
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener)
    },
  }

  const control: LocalWalletControl = {
    provider,
    get account() {
      return account
    },
    get chainId() {
      return chainId
    },
    get signatureCount() {
      return signatureCount
    },
    setAccount(next) {
      account = toAccount(next)
      if (authorized) emit('accountsChanged', [account.address])
    },
    setChain(id) {
      chainId = id
      emit('chainChanged', numberToHex(id))
    },
    reject(mode = true) {
      if (mode === 'once') rejectNext = true
      else rejectAll = mode
    },
    delay(ms) {
      delayMs = ms
    },
    onSign(listener) {
      signListeners.add(listener)
      return () => signListeners.delete(listener)
    },
    disconnect() {
      authorized = false
      emit('disconnect', providerError(4900, 'Disconnected.'))
    },
  }

  const connector = localWalletConnector({
    provider,
    startOn(id) {
      chainId ??= id
    },
    forgetSite() {
      authorized = false
    },
    accounts,
  })
  // Getters must stay live, so copy descriptors rather than values.
  return Object.defineProperties(connector, Object.getOwnPropertyDescriptors(control)) as LocalWalletReturnType
}
