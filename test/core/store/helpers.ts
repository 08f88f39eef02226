import type { Address } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { type CreateSessionStoreParameters, createSessionStore } from '../../../src/core/store/createSessionStore.js'
import { createMemoryStorage } from '../../../src/core/store/createMemoryStorage.js'
import type { SessionState, SignMessageFn, StorageAdapter } from '../../../src/core/store/types.js'
import { createAgoraServer } from '../../../src/server.js'

export const baseUrl = 'https://agora.test/api/v1'
export const alice = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d')
export const bob = privateKeyToAccount('0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a')
export const A = { address: alice.address, chainId: 10 }
export const B = { address: bob.address, chainId: 10 }
export const keyOf = (account: { address: string; chainId: number }) =>
  `agora-auth:${baseUrl}:${account.address.toLowerCase()}:${account.chainId}`

/** A memory storage that records every call, to prove what was (not) touched. */
export function spyStorage(inner: StorageAdapter = createMemoryStorage()) {
  const log: string[] = []
  const storage: StorageAdapter = {
    get: (key) => (log.push(`get ${key}`), inner.get(key)),
    set: (key, value) => (log.push(`set ${key}`), inner.set(key, value)),
    remove: (key) => (log.push(`remove ${key}`), inner.remove(key)),
  }
  return { storage, log, inner }
}

export function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

/** The local Agora server (src/server), answering through its Web handler: no sockets needed for unit tests. */
// `now` is read at call time so that the tests' fake Date reaches the server too.
export const server = createAgoraServer({ now: () => Date.now() })
export const agoraFetch: typeof fetch = (input, init) => server.fetch(new Request(input, init))

/** A store over the local Agora server, signing with real local accounts; counts every request and signature. */
export function setup(overrides: Partial<CreateSessionStoreParameters> = {}) {
  const handler = { fetch: agoraFetch }
  const requests: string[] = []
  const signatures: Address[] = []
  const wallets: Record<string, typeof alice> = { [alice.address]: alice, [bob.address]: bob }
  const signMessage: SignMessageFn = async ({ message, address }) => {
    signatures.push(address)
    return wallets[address]!.signMessage({ message })
  }
  const spy = spyStorage()
  const states: SessionState[] = []
  const store = createSessionStore({
    baseUrl,
    signMessage,
    storage: spy.storage,
    sync: false,
    fetch: (input, init) => (requests.push(new URL(String(input)).pathname), handler.fetch(input, init)),
    ...overrides,
  })
  const unsubscribe = store.subscribe(() => states.push(store.getSnapshot()))
  return { store, handler, requests, signatures, ...spy, states, unsubscribe }
}
