import { getConnection, watchConnection } from 'wagmi/actions'
import type { Account } from '../store/types.js'

/** A wagmi config (`createConfig(...)`), named through `wagmi/actions` so that core never imports wagmi's React layer. */
export type WagmiConfig = Parameters<typeof getConnection>[0]

export type WatchWagmiAccountParameters = {
  /** Told the wallet's account on every change; `null` once the wallet is disconnected. */
  store: { setAccount(account: Account | null): void }
}

export type WatchWagmiAccountReturnType = () => void

/**
 * Keeps a session store on the wallet's account: connected → that account, disconnected → `null`; `connecting` and
 * `reconnecting` decide nothing. Returns the function that stops watching.
 * @example const unwatch = watchWagmiAccount(config, { store })
 */
export function watchWagmiAccount(config: WagmiConfig, { store }: WatchWagmiAccountParameters): WatchWagmiAccountReturnType {
  const sync = (atStart = false) => {
    const { status, address, chainId } = getConnection(config)
    if (status === 'connected') store.setAccount({ address, chainId })
    // At start, "disconnected" may only mean wagmi has not begun reconnecting yet (SSR configs begin a tick
    // later): deciding now would flash a signed-out state before a stored session is restored.
    else if (status === 'disconnected' && !atStart) store.setAccount(null)
  }
  // wagmi's listener runs synchronously with the account change, before any React render, so no request can pick
  // up account A's token once the wallet says B.
  const unwatch = watchConnection(config, { onChange: () => sync() })
  sync(true) // at start: only a connected wallet decides now
  // A tick later wagmi has begun reconnecting if it is going to; a wallet still disconnected is signed out.
  const recheck = setTimeout(() => sync())
  return () => {
    unwatch()
    clearTimeout(recheck)
  }
}
