// The session store over the local Agora server (src/server) answering through its Web handler: real signatures,
// the server's own JWTs, no sockets. Loopback tests with real HTTP are in createSessionStore.loopback.test.ts.
import { createSessionStore } from '../../../src/core/store/createSessionStore.js'
import { createMemoryStorage } from '../../../src/core/store/createMemoryStorage.js'
import type { SessionRules } from '../../../src/core/store/readSession.js'
import type { CreateSessionStoreParameters, SessionState, StorageAdapter } from '../../../src/core/store/types.js'
import { createAgoraServer } from '../../../src/server.js'
import { alice, bob, createCountingWallet } from '../../helpers/countingWallet.js'
import { signToken } from '../../helpers/tokens.js'

export { alice, bob }
// A loopback host: the local server answers only the hosts it is pinned to, loopback by default.
export const baseUrl = 'http://localhost:8787/api/v1'
export const A = { address: alice.address, chainId: 10 }
export const B = { address: bob.address, chainId: 10 }
export const keyOf = (account: { address: string; chainId: number }) =>
  `agora-auth:${baseUrl}:${account.address.toLowerCase()}:${account.chainId}`

/** The rules of a store with default options: the chain counts; a session is fresh until 30 s (clockSkew) before exp. */
export const defaultRules: SessionRules = { anyChain: false, isFresh: (session) => session.expiresAt - 30_000 > Date.now() }

/** Strings that are no usable session for account A under defaultRules, each made when its test runs. */
export const notSessionsOfA: [name: string, make: () => Promise<string>][] = [
  ['garbage', async () => 'garbage'],
  ['an expired token', async () => signToken({ address: alice.address, iat: Math.floor(Date.now() / 1000) - 90_000 })],
  ['a token within clockSkew of exp', async () => signToken({ address: alice.address, ttl: 20 })],
  ["another account's token", async () => signToken({ address: bob.address })],
  ["another chain's token", async () => signToken({ address: alice.address, chainId: 1 })],
]

/** A memory storage that records every call, to prove what was (not) touched. */
export function spyStorage(inner: StorageAdapter = createMemoryStorage()) {
  const log: string[] = []
  const storage: StorageAdapter = {
    get(key) {
      log.push(`get ${key}`)
      return inner.get(key)
    },
    set(key, value) {
      log.push(`set ${key}`)
      inner.set(key, value)
    },
    remove(key) {
      log.push(`remove ${key}`)
      inner.remove(key)
    },
  }
  return { storage, log, inner }
}

/** A promise with its resolve and reject in hand. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((resolveWith, rejectWith) => {
    resolve = resolveWith
    reject = rejectWith
  })
  return { promise, resolve, reject }
}

/** The path of whatever a client hands to `fetch` (a string, a URL or a Request). */
export const pathOf = (input: string | URL | Request) => new URL(input instanceof Request ? input.url : String(input)).pathname

// `now` is read at call time so that the tests' fake Date reaches the server too.
export const server = createAgoraServer({ now: () => Date.now() })
export const agoraFetch: typeof fetch = (input, init) => server.fetch(new Request(input, init))

/** A store over the local Agora server, signing with the counting wallet; counts every request and prompt. */
export function setup(overrides: Partial<CreateSessionStoreParameters> = {}) {
  const handler = { fetch: agoraFetch }
  const requests: string[] = []
  const wallet = createCountingWallet()
  const spy = spyStorage()
  const states: SessionState[] = []
  const store = createSessionStore({
    baseUrl,
    signMessage: wallet.signMessage,
    storage: spy.storage,
    sync: false,
    fetch(input, init) {
      requests.push(pathOf(input))
      return handler.fetch(input, init)
    },
    ...overrides,
  })
  const unsubscribe = store.subscribe(() => states.push(store.getSnapshot()))
  return { store, handler, requests, wallet, signatures: wallet.signers, ...spy, states, unsubscribe }
}
