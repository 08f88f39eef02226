// A contract wallet through the whole client: wagmi (localWallet acting as the smart account) → session store →
// the local Agora server verifying on an in-process chain → an authenticated, role-gated request. The same
// wiring AgoraAuthProvider does (signMessage through wagmi, watchWagmiAccount), without React; the React skin
// runs the same flow in Chromium in stories/SmartWallet.stories.tsx.
import type { LocalAccount } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reconnect, signMessage } from 'wagmi/actions'
import { createAgoraClient } from '../../src/core/http/createAgoraClient.js'
import { createMemoryStorage } from '../../src/core/store/createMemoryStorage.js'
import { createSessionStore } from '../../src/core/store/createSessionStore.js'
import type { CreateSessionStoreParameters, StorageAdapter } from '../../src/core/store/types.js'
import { watchWagmiAccount } from '../../src/core/wagmi/watchWagmiAccount.js'
import { createAgoraServer, type AgoraServer } from '../../src/server.js'
import { localSmartAccount } from '../../src/testing/localSmartAccount.js'
import { localWagmiConfig } from '../../src/testing/localWagmiConfig.js'
import { deploySmartWallets, type SmartWallets } from '../chain/deploySmartWallets.js'
import { type LocalChain, startChain } from '../chain/startChain.js'
import { newAccount } from '../server/helpers.js'

const CHAIN_ID = 31337
const baseUrl = 'http://localhost/api/v1'
const owner = newAccount()
let chain: LocalChain
let wallets: SmartWallets
let server: AgoraServer
let deployed: LocalAccount
let undeployed: LocalAccount
let safe: LocalAccount

beforeAll(async () => {
  chain = await startChain({ chainId: CHAIN_ID })
  wallets = await deploySmartWallets(chain, owner.address)
  server = createAgoraServer({
    chains: [CHAIN_ID],
    rpc: { [CHAIN_ID]: chain.publicClient },
    demoRoles: { [wallets.deployed]: ['badgeholder'] },
  })
  deployed = localSmartAccount({ owner, address: wallets.deployed })
  const { factory, factoryData } = wallets.counterfactual
  undeployed = localSmartAccount({ owner, address: wallets.counterfactual.address, deployment: { factory, factoryData } })
  safe = localSmartAccount({ owner, address: wallets.safe, scheme: 'safe', chainId: CHAIN_ID })
}, 120_000)

afterAll(async () => {
  await chain?.close()
})

/** One page load of a dApp: a wagmi config around the wallet, a session store bound to it as the provider binds it. */
async function openPage(account: LocalAccount, storage: StorageAdapter, options: Partial<CreateSessionStoreParameters> = {}) {
  // As the README shows: no `authorized` flag. The wallet remembers the site, so wagmi reconnects on load.
  const { config, wallet } = localWagmiConfig({ account, wagmiChains: [chain.chain] })
  const store = createSessionStore({
    baseUrl,
    storage,
    sync: false,
    fetch: (input, init) => server.fetch(new Request(input, init)),
    signMessage: ({ message, address }) => signMessage(config, { message, account: address }),
    ...options,
  })
  const unwatch = watchWagmiAccount(config, { store })
  await reconnect(config)
  const client = createAgoraClient({ baseUrl, tokenSource: store, fetch: (input, init) => server.fetch(new Request(input, init)) })
  return {
    wallet,
    store,
    client,
    close() {
      unwatch()
      store.destroy()
    },
  }
}

describe('a contract wallet through the session store', () => {
  it('deployed EIP-1271: signs in as the wallet, roles resolve for it, data loads, and a reload restores it with no prompt', async () => {
    const storage = createMemoryStorage()
    const first = await openPage(deployed, storage)
    const session = await first.store.signIn()
    expect(session.address).toBe(wallets.deployed)
    expect(session.roles).toEqual(['reader:public', 'rf-demo-user', 'badgeholder'])
    expect(first.wallet.signatureCount).toBe(1)
    // A role-gated route (badgeholders' ballots) answers for the wallet's own address.
    const ballot = await first.client.request<{ address: string }>(`retrofunding/rounds/5/ballots/${wallets.deployed}`)
    expect(ballot.address.toLowerCase()).toBe(wallets.deployed.toLowerCase())
    first.close()

    const reload = await openPage(deployed, storage)
    expect(reload.store.getSnapshot()).toMatchObject({ status: 'authenticated', session: { address: wallets.deployed } })
    expect(reload.wallet.signatureCount).toBe(0)
    reload.close()
  })

  it('undeployed (EIP-6492) and Safe-style wallets sign in as themselves', async () => {
    for (const account of [undeployed, safe]) {
      const page = await openPage(account, createMemoryStorage())
      expect((await page.store.signIn()).address).toBe(account.address)
      page.close()
    }
    expect(await chain.publicClient.getCode({ address: wallets.counterfactual.address })).toBeUndefined()
  })

  it('an account switch between contract wallets behaves as for EOAs: signed out, then back with no prompt under "switch"', async () => {
    const page = await openPage(deployed, createMemoryStorage(), { accountChangePolicy: 'switch' })
    await page.store.signIn()
    page.wallet.setAccount(undeployed)
    expect(page.store.getSnapshot()).toMatchObject({ status: 'unauthenticated' })
    expect((await page.store.signIn()).address).toBe(wallets.counterfactual.address)
    page.wallet.setAccount(deployed)
    expect(page.store.getSnapshot()).toMatchObject({ status: 'authenticated', session: { address: wallets.deployed } })
    expect(page.wallet.signatureCount).toBe(2)
    page.close()
  })

  it('under the default policy, switching wallets ends the session', async () => {
    const page = await openPage(deployed, createMemoryStorage())
    await page.store.signIn()
    page.wallet.setAccount(safe)
    expect(page.store.getSnapshot().session).toBeNull()
    page.close()
  })
})
