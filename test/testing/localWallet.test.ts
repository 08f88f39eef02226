import { http, type Hex, hashMessage, recoverMessageAddress, UserRejectedRequestError, verifyMessage } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { mainnet, optimism } from 'viem/chains'
import { createConfig } from 'wagmi'
import {
  connect,
  disconnect,
  getConnection,
  reconnect,
  signMessage,
  switchChain,
  watchConnection,
} from 'wagmi/actions'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { localWallet, type LocalWalletPrompt } from '../../src/testing/localWallet.js'

const keyA = generatePrivateKey()
const keyB = generatePrivateKey()
const a = privateKeyToAccount(keyA)
const b = privateKeyToAccount(keyB)

// The transports point at URLs that are never called: the wallet signs locally. A request would fail the test
// (connection refused), which is how "no RPC" is asserted.
function setup(wallet: ReturnType<typeof localWallet>) {
  return createConfig({
    chains: [optimism, mainnet],
    connectors: [wallet],
    storage: null,
    multiInjectedProviderDiscovery: false,
    transports: { [optimism.id]: http('http://127.0.0.1:9/never'), [mainnet.id]: http('http://127.0.0.1:9/never') },
  })
}

afterEach(() => {
  vi.useRealTimers()
})

describe('localWallet', () => {
  it('connects through wagmi and signs personal_sign locally with a verifiable signature', async () => {
    const wallet = localWallet({ privateKey: keyA })
    const config = setup(wallet)
    const { accounts, chainId } = await connect(config, { connector: config.connectors[0]! })
    expect(accounts).toEqual([a.address])
    expect(chainId).toBe(optimism.id)
    expect(getConnection(config).address).toBe(a.address)

    const message = 'Sign in to Agora with Ethereum\nnonce: abc123'
    const signature = await signMessage(config, { message })
    expect(await verifyMessage({ address: a.address, message, signature })).toBe(true)
    expect(wallet.signatureCount).toBe(1)
  })

  it('accepts a viem LocalAccount and starts on the chain it is given', async () => {
    const wallet = localWallet({ account: b, chainId: mainnet.id })
    const config = setup(wallet)
    const { accounts, chainId } = await connect(config, { connector: config.connectors[0]! })
    expect(accounts).toEqual([b.address])
    expect(chainId).toBe(mainnet.id)
  })

  it('rejects with EIP-1193 code 4001 once, or every time until told otherwise', async () => {
    const wallet = localWallet({ privateKey: keyA })
    const config = setup(wallet)
    await connect(config, { connector: config.connectors[0]! })

    wallet.reject('once')
    const error = await signMessage(config, { message: 'x' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserRejectedRequestError)
    expect((error as UserRejectedRequestError).code).toBe(4001)
    await expect(signMessage(config, { message: 'x' })).resolves.toMatch(/^0x/)

    wallet.reject()
    await expect(signMessage(config, { message: 'x' })).rejects.toMatchObject({ code: 4001 })
    await expect(signMessage(config, { message: 'x' })).rejects.toMatchObject({ code: 4001 })
    wallet.reject(false)
    await expect(signMessage(config, { message: 'x' })).resolves.toMatch(/^0x/)
    expect(wallet.signatureCount).toBe(5)
  })

  it('starts rejecting when created with rejectSignatures, and the raw provider throws {code: 4001}', async () => {
    const wallet = localWallet({ privateKey: keyA, rejectSignatures: true })
    await wallet.provider.request({ method: 'eth_requestAccounts' })
    await expect(
      wallet.provider.request({ method: 'personal_sign', params: ['0x68690a', a.address] }),
    ).rejects.toMatchObject({ code: 4001 })
  })

  it('reports each prompt with its message, so tests can count and read them', async () => {
    const wallet = localWallet({ privateKey: keyA })
    const config = setup(wallet)
    await connect(config, { connector: config.connectors[0]! })
    const prompts: LocalWalletPrompt[] = []
    const off = wallet.onSign((prompt) => prompts.push(prompt))
    const signature = await signMessage(config, { message: 'hello' })
    wallet.reject('once')
    await signMessage(config, { message: 'again' }).catch(() => {})
    off()
    await signMessage(config, { message: 'unheard' })
    expect(prompts.map((p) => p.rejected)).toEqual([false, true])
    expect(prompts[0]!.address).toBe(a.address)
    expect(await recoverMessageAddress({ message: { raw: prompts[0]!.message }, signature })).toBe(a.address)
    expect(hashMessage({ raw: prompts[1]!.message })).toBe(hashMessage('again'))
  })

  it('takes as long as told to answer (a slow wallet), under fake timers', async () => {
    const wallet = localWallet({ privateKey: keyA, signDelayMs: 5_000 })
    const config = setup(wallet)
    await connect(config, { connector: config.connectors[0]! })
    vi.useFakeTimers()
    let signature: Hex | undefined
    const pending = signMessage(config, { message: 'slow' }).then((s) => (signature = s))
    await vi.advanceTimersByTimeAsync(4_999)
    expect(signature).toBeUndefined()
    expect(wallet.signatureCount).toBe(1) // the prompt is showing
    await vi.advanceTimersByTimeAsync(1)
    await pending
    expect(await verifyMessage({ address: a.address, message: 'slow', signature: signature! })).toBe(true)

    wallet.delay(0)
    await expect(signMessage(config, { message: 'fast' })).resolves.toMatch(/^0x/)
  })

  it('switches account at runtime: wagmi sees accountsChanged, and signatures come from the new key', async () => {
    const wallet = localWallet({ privateKey: keyA })
    const config = setup(wallet)
    await connect(config, { connector: config.connectors[0]! })
    const seen: (string | undefined)[] = []
    const unwatch = watchConnection(config, { onChange: (c) => seen.push(c.address) })
    wallet.setAccount(keyB)
    expect(getConnection(config).address).toBe(b.address)
    expect(seen).toEqual([b.address])
    const signature = await signMessage(config, { message: 'as b' })
    expect(await verifyMessage({ address: b.address, message: 'as b', signature })).toBe(true)
    unwatch()
  })

  it('refuses to sign for an account it no longer exposes (code 4100)', async () => {
    const wallet = localWallet({ privateKey: keyA })
    await wallet.provider.request({ method: 'eth_requestAccounts' })
    wallet.setAccount(b)
    await expect(
      wallet.provider.request({ method: 'personal_sign', params: ['0x00', a.address] }),
    ).rejects.toMatchObject({ code: 4100 })
  })

  it('switches chain from the wallet (chainChanged) and through wagmi switchChain', async () => {
    const wallet = localWallet({ privateKey: keyA, chains: [optimism.id, mainnet.id] })
    const config = setup(wallet)
    await connect(config, { connector: config.connectors[0]! })
    const chains: (number | undefined)[] = []
    const unwatch = watchConnection(config, { onChange: (c) => chains.push(c.chainId) })
    wallet.setChain(mainnet.id)
    expect(getConnection(config).chainId).toBe(mainnet.id)
    await switchChain(config, { chainId: optimism.id })
    expect(getConnection(config).chainId).toBe(optimism.id)
    expect(wallet.chainId).toBe(optimism.id)
    expect(chains).toEqual([mainnet.id, optimism.id])
    // signing still works on the new chain (wagmi checks the connector's chain matches the connection's)
    await expect(signMessage(config, { message: 'x' })).resolves.toMatch(/^0x/)
    unwatch()
  })

  it('refuses a chain it does not know with 4902', async () => {
    const wallet = localWallet({ privateKey: keyA, chains: [optimism.id] })
    await expect(
      wallet.provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x1' }] }),
    ).rejects.toMatchObject({ code: 4902 })
    await expect(wallet.provider.request({ method: 'eth_sendTransaction' })).rejects.toMatchObject({ code: 4200 })
  })

  it('disconnects from the wallet side: wagmi sees it, and the site is no longer authorized', async () => {
    const wallet = localWallet({ privateKey: keyA })
    const config = setup(wallet)
    await connect(config, { connector: config.connectors[0]! })
    wallet.disconnect()
    expect(getConnection(config).status).toBe('disconnected')
    expect(await wallet.provider.request({ method: 'eth_accounts' })).toEqual([])
    // after a disconnect, account switches no longer reach the old connection
    wallet.setAccount(keyB)
    expect(getConnection(config).address).toBeUndefined()
  })

  it('reconnects on a "reload" when authorized, and not after a disconnect from the site', async () => {
    const wallet = localWallet({ privateKey: keyA })
    const first = setup(wallet)
    await connect(first, { connector: first.connectors[0]! })
    const reloaded = setup(wallet)
    await reconnect(reloaded)
    expect(getConnection(reloaded).address).toBe(a.address)

    await disconnect(reloaded)
    const again = setup(wallet)
    await reconnect(again)
    expect(getConnection(again).status).toBe('disconnected')

    const preAuthorized = localWallet({ privateKey: keyB, authorized: true })
    const config = setup(preAuthorized)
    await reconnect(config)
    expect(getConnection(config).address).toBe(b.address)
  })

  it('remembers the site by default, as a real wallet does: a fresh localWallet({ privateKey }) on a reload reconnects', async () => {
    // A page load creates everything anew, the wallet connector included: nothing carries `authorized` over.
    const reloaded = setup(localWallet({ privateKey: keyA }))
    await reconnect(reloaded)
    expect(getConnection(reloaded)).toMatchObject({ status: 'connected', address: a.address })

    // The old behaviour, a wallet that has never seen the site: nothing to reconnect, sign-in connects first.
    const stranger = setup(localWallet({ privateKey: keyA, authorized: false }))
    await reconnect(stranger)
    expect(getConnection(stranger).status).toBe('disconnected')
    expect(await stranger.connectors[0]!.getAccounts()).toEqual([])
  })

  it('needs a key or an account', () => {
    expect(() => localWallet({})).toThrow(TypeError)
  })
})
