// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SessionStore } from '../../../src/core/store/createSessionStore.js'
import { createTabSync } from '../../../src/core/store/createTabSync.js'
import type { SessionState, SyncMessage } from '../../../src/core/store/types.js'
import { signToken } from '../../helpers/tokens.js'
import { A, alice, B, baseUrl, bob, keyOf, setup } from './helpers.js'

// Two stores in one process stand for two tabs: Node 20 has a real global BroadcastChannel. Each has its own
// memory storage, so whatever reaches the second store came through the channel.
const nextState = (store: SessionStore, until: (s: SessionState) => boolean) =>
  new Promise<SessionState>((resolve) => {
    const off = store.subscribe(() => {
      if (!until(store.getSnapshot())) return
      off()
      resolve(store.getSnapshot())
    })
  })

const stores: SessionStore[] = []
afterEach(() => {
  for (const store of stores.splice(0)) store.destroy()
})
const tab = (overrides = {}) => {
  const t = setup({ sync: true, ...overrides })
  stores.push(t.store)
  return t
}

describe('createTabSync', () => {
  const channelName = `agora-auth:${baseUrl}`

  it('delivers what another tab posts, and nothing once stopped', async () => {
    const received: SyncMessage[] = []
    const stop = createTabSync(channelName).watch((message) => received.push(message))
    const sent = { key: keyOf(A), newValue: 'a.token.here' }
    // A probe on the same channel, subscribed after the watcher: once it has a message, the watcher had it first.
    const probe = new BroadcastChannel(channelName)
    const arrivals: unknown[] = []
    const nextArrival = () =>
      new Promise((resolve) => {
        probe.onmessage = ({ data }) => resolve(arrivals.push(data))
      })
    try {
      let arrival = nextArrival()
      createTabSync(channelName).post(sent)
      await arrival
      expect(received).toEqual([sent])
      stop()
      arrival = nextArrival()
      createTabSync(channelName).post({ key: keyOf(A), newValue: null })
      await arrival
      expect(received).toEqual([sent])
    } finally {
      probe.close()
    }
  })

  it('17 hostile messages: none reaches the store, nothing throws, no foreign session is adopted', async () => {
    const one = tab()
    one.store.setAccount(A)
    const foreignToken = await signToken({ address: bob.address })
    const hostile: unknown[] = [
      null,
      undefined,
      42,
      'a string',
      [keyOf(A), foreignToken],
      {},
      { key: keyOf(A) },
      { key: 42, newValue: foreignToken },
      { key: keyOf(A), newValue: 42 },
      { key: keyOf(A), newValue: { token: foreignToken } },
      { key: keyOf(A), newValue: foreignToken },
      { key: keyOf(A), newValue: 'garbage' },
      { key: keyOf(A), newValue: `${foreignToken}x` },
      { key: `agora-auth:https://elsewhere.test:${A.address.toLowerCase()}:10`, newValue: await signToken({ address: alice.address }) },
      { key: keyOf(A), newValue: await signToken({ address: alice.address, iat: Math.floor(Date.now() / 1000) - 90_000 }) },
      { key: keyOf(A), newValue: await signToken({ address: alice.address, chainId: 1 }) },
      { key: '__proto__', newValue: null, constructor: 'x' },
    ]
    const attacker = new BroadcastChannel(`agora-auth:${baseUrl}`)
    const probe = new BroadcastChannel(`agora-auth:${baseUrl}`)
    const seen: unknown[] = []
    const allArrived = new Promise<void>((resolve) => {
      probe.onmessage = () => {
        if (seen.push(1) === hostile.length) resolve()
      }
    })
    try {
      for (const message of hostile) attacker.postMessage(message)
      await allArrived
    } finally {
      attacker.close()
      probe.close()
    }
    expect(hostile).toHaveLength(17)
    expect(one.store.getSnapshot()).toMatchObject({ status: 'unauthenticated', session: null })
  })
})

describe('cross-tab sync', () => {
  it('a sign-in and a sign-out in one tab reach the other', async () => {
    const one = tab()
    const onSignIn = vi.fn()
    const onSignOut = vi.fn()
    const two = tab({ onSignIn, onSignOut })
    one.store.setAccount(A)
    two.store.setAccount(A)
    const signedIn = nextState(two.store, (s) => s.status === 'authenticated')
    const session = await one.store.signIn()
    expect((await signedIn).session?.token).toBe(session.token)
    expect(two.requests).toEqual([])
    expect(two.signatures).toEqual([])
    expect(onSignIn).toHaveBeenCalledOnce()

    const signedOut = nextState(two.store, (s) => s.status === 'unauthenticated')
    one.store.signOut()
    expect((await signedOut).session).toBeNull()
    expect(onSignOut).toHaveBeenCalledOnce()
    expect(await two.store.getToken()).toBeNull()
  })

  it("ignores a broadcast token that is not the current account's, and a sign-out of another account", async () => {
    const two = tab()
    two.store.setAccount(A)
    const foreign = new BroadcastChannel(`agora-auth:${baseUrl}`)
    try {
      const adopted = nextState(two.store, (s) => s.status === 'authenticated')
      foreign.postMessage({ key: keyOf(A), newValue: await signToken({ address: bob.address }) })
      foreign.postMessage({ key: keyOf(A), newValue: 'garbage' })
      foreign.postMessage('not an object')
      // Messages arrive in order: the first adopted token is this one, so the ones before were ignored.
      const good = await signToken({ address: A.address })
      foreign.postMessage({ key: keyOf(A), newValue: good })
      expect((await adopted).session?.token).toBe(good)

      const changed = nextState(two.store, () => true)
      foreign.postMessage({ key: keyOf(B), newValue: null })
      foreign.postMessage({ key: keyOf({ ...A, chainId: 1 }), newValue: null })
      foreign.postMessage({ key: keyOf(A), newValue: null })
      expect(await changed).toMatchObject({ status: 'unauthenticated' })
    } finally {
      foreign.close()
    }
  })

  it('stops listening once the last subscriber leaves', async () => {
    const one = tab()
    const two = tab()
    one.store.setAccount(A)
    two.store.setAccount(A)
    two.unsubscribe()
    // A probe listener on the same channel: once it has the message, the store would have had it too.
    const probe = new BroadcastChannel(`agora-auth:${baseUrl}`)
    const delivered = new Promise((resolve) => {
      probe.onmessage = resolve
    })
    await one.store.signIn()
    await delivered
    probe.close()
    expect(two.store.getSnapshot().status).toBe('unauthenticated')
    expect(await two.inner.get(keyOf(A))).toBeNull()
  })
})

describe('cross-tab sync without BroadcastChannel', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('tabs do not sync, nothing throws, and the storage event is not read (there is no fallback)', async () => {
    // Node has neither `window` events nor `localStorage`: an EventTarget stands in for the window, so that a
    // storage event, if anything still listened to it, would reach the store synchronously.
    const target = new EventTarget()
    vi.stubGlobal('BroadcastChannel', undefined)
    vi.stubGlobal('addEventListener', target.addEventListener.bind(target))
    vi.stubGlobal('removeEventListener', target.removeEventListener.bind(target))
    const storageEvent = (key: string, newValue: string | null) =>
      target.dispatchEvent(Object.assign(new Event('storage'), { key, newValue }))

    const one = tab()
    const two = tab()
    one.store.setAccount(A)
    two.store.setAccount(A)
    const session = await one.store.signIn()
    expect(two.store.getSnapshot().status).toBe('unauthenticated')
    storageEvent(keyOf(A), session.token)
    expect(two.store.getSnapshot().status).toBe('unauthenticated')
    one.store.signOut()
    expect(one.store.getSnapshot().status).toBe('unauthenticated')
    expect(() => two.store.destroy()).not.toThrow()
  })
})
