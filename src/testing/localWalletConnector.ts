import { type Address, getAddress, numberToHex } from 'viem'
import { type CreateConnectorFn, createConnector } from 'wagmi'
import type { LocalWalletProvider } from './localWallet.js'

/** What the connector needs of the wallet behind it (internal to `localWallet`). */
export type LocalWalletConnectorSource = {
  provider: LocalWalletProvider
  /** Called once wagmi's chains are known: a wallet given no chain starts on the first. */
  startOn(chainId: number): void
  /** The site disconnected the wallet: the wallet forgets the site. */
  forgetSite(): void
  /** The accounts the site may see: none until the site is authorized. */
  accounts(): Address[]
}

const providerError = (code: number, message: string) => Object.assign(new Error(message), { code })

/**
 * The wagmi side of a {@link localWallet}: connects through its EIP-1193 provider and relays its events to wagmi
 * (internal; `localWallet` is the public API).
 * @example const connector = localWalletConnector({ provider, startOn, forgetSite, accounts })
 */
export function localWalletConnector(wallet: LocalWalletConnectorSource): CreateConnectorFn<LocalWalletProvider> {
  return createConnector<LocalWalletProvider>((config) => {
    // Bound once per connector so removeListener finds the same functions.
    let onAccounts: ((a: string[]) => void) | undefined
    let onChain: ((c: string) => void) | undefined
    let onDisconnect: (() => void) | undefined
    const unsubscribe = () => {
      if (onAccounts) wallet.provider.removeListener('accountsChanged', onAccounts)
      if (onChain) wallet.provider.removeListener('chainChanged', onChain)
      if (onDisconnect) wallet.provider.removeListener('disconnect', onDisconnect)
    }
    return {
      id: 'localWallet',
      name: 'Local Wallet',
      type: 'localWallet',
      async setup() {
        wallet.startOn(config.chains[0].id)
      },
      async connect({ chainId: wanted, withCapabilities } = {}) {
        const addresses = (await wallet.provider.request({ method: 'eth_requestAccounts' })) as Address[]
        if (wanted && wanted !== (await this.getChainId())) await this.switchChain!({ chainId: wanted })
        unsubscribe()
        onAccounts = this.onAccountsChanged.bind(this)
        onChain = this.onChainChanged.bind(this)
        onDisconnect = this.onDisconnect.bind(this)
        wallet.provider.on('accountsChanged', onAccounts)
        wallet.provider.on('chainChanged', onChain)
        wallet.provider.on('disconnect', onDisconnect)
        return {
          accounts: (withCapabilities ? addresses.map((address) => ({ address, capabilities: {} })) : addresses) as never,
          chainId: await this.getChainId(),
        }
      },
      async disconnect() {
        unsubscribe()
        wallet.forgetSite()
      },
      async getAccounts() {
        return wallet.accounts()
      },
      async getChainId() {
        return Number(await wallet.provider.request({ method: 'eth_chainId' }))
      },
      async getProvider() {
        return wallet.provider
      },
      async isAuthorized() {
        return wallet.accounts().length > 0
      },
      async switchChain({ chainId: id }) {
        const chain = config.chains.find((c) => c.id === id)
        if (!chain) throw providerError(4902, `Chain ${id} is not configured.`)
        await wallet.provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: numberToHex(id) }] })
        return chain
      },
      onAccountsChanged(addresses) {
        if (addresses.length === 0) this.onDisconnect()
        else config.emitter.emit('change', { accounts: addresses.map((a) => getAddress(a)) })
      },
      onChainChanged(id) {
        config.emitter.emit('change', { chainId: Number(id) })
      },
      onDisconnect() {
        unsubscribe()
        config.emitter.emit('disconnect')
      },
    }
  })
}
