import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { base, optimism } from 'viem/chains'
import { describe, expect, it } from 'vitest'
import { connect, reconnect } from 'wagmi/actions'
import type { Account } from '../../../src/core/store/types.js'
import { watchWagmiAccount } from '../../../src/core/wagmi/watchWagmiAccount.js'
import { localWagmiConfig } from '../../../src/testing/localWagmiConfig.js'

/** A store that records what it is told, in order. */
const recordingStore = () => {
  const told: (Account | null)[] = []
  const store = {
    setAccount: (account: Account | null) => {
      told.push(account)
    },
  }
  return { told, store }
}

// The re-check is one macrotask after the start: waiting for the next one lets it run.
const nextTick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('watchWagmiAccount', () => {
  it('tells the store the connected account at once, then every switch synchronously with the change', async () => {
    const privateKey = generatePrivateKey()
    const { config, wallet } = localWagmiConfig({ privateKey, wagmiChains: [optimism, base] })
    await connect(config, { connector: config.connectors[0]! })
    const { told, store } = recordingStore()
    const unwatch = watchWagmiAccount(config, { store })
    const alice = privateKeyToAccount(privateKey).address
    expect(told).toEqual([{ address: alice, chainId: optimism.id }])

    const bobKey = generatePrivateKey()
    wallet.setAccount(bobKey)
    // No await: the store knows before anything else can run (a request must not pick up the old token).
    expect(told.at(-1)).toEqual({ address: privateKeyToAccount(bobKey).address, chainId: optimism.id })
    wallet.setChain(base.id)
    expect(told.at(-1)).toEqual({ address: privateKeyToAccount(bobKey).address, chainId: base.id })

    wallet.disconnect()
    await expect.poll(() => told.at(-1)).toBeNull()
    unwatch()
  })

  it('at start, a disconnected wallet decides nothing until wagmi had its tick to begin reconnecting', async () => {
    const privateKey = generatePrivateKey()
    const { config } = localWagmiConfig({ privateKey, authorized: true })
    const { told, store } = recordingStore()
    const unwatch = watchWagmiAccount(config, { store })
    expect(told).toEqual([]) // not "signed out": a stored session may be restored in a moment
    const reconnecting = reconnect(config)
    await reconnecting
    await nextTick()
    expect(told).not.toContain(null)
    expect(told.at(-1)).toEqual({ address: privateKeyToAccount(privateKey).address, chainId: optimism.id })
    unwatch()
  })

  it('a wallet still disconnected a tick after the start is signed out', async () => {
    const { config } = localWagmiConfig({ privateKey: generatePrivateKey() })
    const { told, store } = recordingStore()
    const unwatch = watchWagmiAccount(config, { store })
    expect(told).toEqual([])
    await nextTick()
    expect(told).toEqual([null])
    unwatch()
  })

  it('stops watching when told to: neither the re-check nor a later change reaches the store', async () => {
    const { config } = localWagmiConfig({ privateKey: generatePrivateKey() })
    const { told, store } = recordingStore()
    watchWagmiAccount(config, { store })()
    await nextTick()
    await connect(config, { connector: config.connectors[0]! })
    expect(told).toEqual([])
  })
})
