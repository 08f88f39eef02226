// @vitest-environment node
import { UserRejectedRequestError } from 'viem'
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import {
  AbortedError,
  InvalidTokenError,
  NoWalletError,
  TokenRevokedError,
  UnauthorizedError,
  UserRejectedError,
  VerificationFailedError,
} from '../../../src/core/errors/errors.js'
import { createSessionStore } from '../../../src/core/store/createSessionStore.js'
import { createMemoryStorage } from '../../../src/core/store/createMemoryStorage.js'
import type { StorageAdapter } from '../../../src/core/store/types.js'
import { signToken } from './tokens.js'
import { A, alice, B, baseUrl, bob, deferred, keyOf, setup, spyStorage } from './helpers.js'

// Only Date is faked: fetch, jose and the signer need real microtasks.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-23T00:00:00Z'))
})
afterEach(() => vi.useRealTimers())

describe('creating the store', () => {
  it('touches no storage and stays loading until setAccount', () => {
    const { store, log } = setup({ account: undefined })
    expect(store.getSnapshot().status).toBe('loading')
    expect(store.getServerSnapshot()).toEqual({ status: 'loading', session: null, error: null })
    expect(log).toEqual([])
    store.setAccount(A)
    expect(log).toEqual([`get ${keyOf(A)}`])
    expect(store.getSnapshot().status).toBe('unauthenticated')
  })

  it('applies an initial account on first use, not at creation', () => {
    const spy = spyStorage()
    const store = createSessionStore({ baseUrl, signMessage: async () => '0x', storage: spy.storage, account: A })
    expect(spy.log).toEqual([])
    expect(store.getServerSnapshot().status).toBe('loading')
    expect(spy.log).toEqual([])
    expect(store.getSnapshot().status).toBe('unauthenticated')
    expect(spy.log).toEqual([`get ${keyOf(A)}`])
  })

  it('opens no BroadcastChannel before the first subscriber and closes it after the last', () => {
    const opened: BroadcastChannel[] = []
    class Counting extends BroadcastChannel {
      constructor(name: string) {
        super(name)
        opened.push(this)
      }
    }
    vi.stubGlobal('BroadcastChannel', Counting)
    try {
      const store = createSessionStore({ baseUrl, signMessage: async () => '0x', storage: 'memory' })
      expect(opened).toHaveLength(0)
      const off1 = store.subscribe(() => {})
      const off2 = store.subscribe(() => {})
      expect(opened).toHaveLength(1)
      const close = vi.spyOn(opened[0]!, 'close')
      off1()
      expect(close).not.toHaveBeenCalled()
      off2()
      expect(close).toHaveBeenCalledOnce()
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('serves initialSession to server and first client render, then keeps it for its own account', async () => {
    const token = await signToken({ address: alice.address })
    const { store, log, states } = setup({ initialSession: token })
    const server = store.getServerSnapshot()
    expect(server.status).toBe('authenticated')
    expect(server.session?.token).toBe(token)
    expect(store.getSnapshot()).toBe(server)
    expect(log).toEqual([])
    store.setAccount(A)
    expect(store.getSnapshot()).toBe(server)
    expect(states).toEqual([])
    expect(await store.getToken()).toBe(token)
  })

  it('drops an initialSession of another account, and ignores an invalid one', async () => {
    const { store } = setup({ initialSession: await signToken({ address: alice.address }) })
    store.setAccount(B)
    expect(store.getSnapshot()).toMatchObject({ status: 'unauthenticated', session: null })
    const garbage = setup({ initialSession: 'not.a.token' })
    expect(garbage.store.getServerSnapshot().status).toBe('loading')
  })
})

describe('signIn', () => {
  it('shares one attempt among 20 concurrent callers: one nonce, one signature, one verify', async () => {
    const onSignIn = vi.fn()
    const { store, requests, signatures, states } = setup({ onSignIn })
    store.setAccount(A)
    const sessions = await Promise.all([
      ...Array.from({ length: 10 }, () => store.signIn()),
      ...Array.from({ length: 10 }, () => store.reauthenticate()),
    ])
    expect(requests).toEqual(['/api/v1/auth/nonce', '/api/v1/auth/verify'])
    expect(signatures).toEqual([alice.address])
    expect(new Set(sessions).size).toBe(1)
    expect(sessions[0]).toMatchObject({ address: alice.address, chainId: 10, roles: ['reader:public', 'rf-demo-user'] })
    expect(states.map((s) => s.status)).toEqual(['unauthenticated', 'authenticating', 'authenticated'])
    expect(onSignIn).toHaveBeenCalledOnce()
    expect(onSignIn).toHaveBeenCalledWith(sessions[0])
  })

  it.each([
    ['an EIP-1193 4001 error', () => Object.assign(new Error('User denied'), { code: 4001 })],
    ['viem UserRejectedRequestError', () => new UserRejectedRequestError(new Error('no'))],
    ['a 4001 deep in the cause chain', () => new Error('wrapped', { cause: new Error('inner', { cause: { code: 4001 } }) })],
  ])('on %s: unauthenticated, UserRejectedError, no retry', async (_, rejection) => {
    let attempts = 0
    const { store, requests } = setup({
      signMessage: async () => {
        attempts++
        throw rejection()
      },
    })
    store.setAccount(A)
    const error = await store.signIn().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserRejectedError)
    expect(store.getSnapshot()).toMatchObject({ status: 'unauthenticated', session: null, error })
    expect(attempts).toBe(1)
    expect(requests).toEqual(['/api/v1/auth/nonce'])
    expect(await store.getToken()).toBeNull()
    expect(attempts).toBe(1)
  })

  it('puts other signer failures in the error state as a typed error', async () => {
    const { store } = setup({ signMessage: async () => Promise.reject(new Error('wallet exploded')) })
    store.setAccount(A)
    await expect(store.signIn()).rejects.toBeInstanceOf(VerificationFailedError)
    expect(store.getSnapshot().status).toBe('error')
  })

  it("shows the server's refusal as VerificationFailedError", async () => {
    const { store } = setup({ siwe: { statement: 'Let me in' } })
    store.setAccount(A)
    await expect(store.signIn()).rejects.toMatchObject({ code: 'VERIFICATION_FAILED', reason: 'Unexpected SIWE statement.' })
    expect(store.getSnapshot()).toMatchObject({ status: 'error', error: { reason: 'Unexpected SIWE statement.' } })
  })

  it('refuses a token issued for another account', async () => {
    const { store, handler } = setup()
    const bobToken = await signToken({ address: bob.address })
    store.setAccount(A)
    const lying = setup({
      fetch: async (input, init) =>
        String(input).endsWith('/verify') ? Response.json({ access_token: bobToken }) : handler.fetch(input, init),
    })
    lying.store.setAccount(A)
    await expect(lying.store.signIn()).rejects.toBeInstanceOf(InvalidTokenError)
    expect(lying.store.getSnapshot().session).toBeNull()
    expect(lying.log.filter((l) => l.startsWith('set'))).toEqual([])
  })

  it('throws NoWalletError without an account', async () => {
    const { store } = setup()
    store.setAccount(null)
    await expect(store.signIn()).rejects.toBeInstanceOf(NoWalletError)
  })

  it('does not adopt a sign-in whose account changed while the wallet was asking', async () => {
    const signature = deferred<`0x${string}`>()
    const asked = deferred<string>()
    const { store, requests } = setup({
      signMessage: ({ message }) => (asked.resolve(message), signature.promise),
    })
    store.setAccount(A)
    const pending = store.signIn()
    const message = await asked.promise
    store.setAccount(B)
    expect(store.getSnapshot()).toMatchObject({ status: 'unauthenticated', session: null })
    signature.resolve(await alice.signMessage({ message }))
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED', reason: 'account_changed' })
    expect(store.getSnapshot()).toMatchObject({ status: 'unauthenticated', session: null, error: null })
    expect(requests).toEqual(['/api/v1/auth/nonce'])
    expect(await store.getToken()).toBeNull()
  })

  it('does not adopt a sign-in whose account changed during verify', async () => {
    const gate = deferred<void>()
    const verifying = deferred<void>()
    const base = setup()
    const { store, log } = setup({
      fetch: async (input, init) => {
        if (String(input).endsWith('/verify')) {
          verifying.resolve()
          await gate.promise
        }
        return base.handler.fetch(input, init)
      },
    })
    store.setAccount(A)
    const pending = store.signIn()
    await verifying.promise
    store.setAccount(B)
    gate.resolve()
    await expect(pending).rejects.toBeInstanceOf(AbortedError)
    expect(store.getSnapshot().status).toBe('unauthenticated')
    expect(log.filter((l) => l.startsWith('set'))).toEqual([])
  })
})

describe('persistence', () => {
  it('round-trips: a second store with the same storage restores with zero requests and signatures', async () => {
    const shared = createMemoryStorage()
    const first = setup({ storage: shared })
    first.store.setAccount(A)
    const session = await first.store.signIn()
    expect(shared.get(keyOf(A))).toBe(session.token)

    const second = setup({ storage: shared })
    second.store.setAccount(A)
    expect(second.store.getSnapshot()).toMatchObject({ status: 'authenticated', session: { token: session.token } })
    expect(await second.store.getToken()).toBe(session.token)
    expect(second.requests).toEqual([])
    expect(second.signatures).toEqual([])
  })

  const entries: [string, () => Promise<string>][] = [
    ['garbage', async () => 'garbage'],
    ['a tampered payload', async () => {
      const [h, , s] = (await signToken({ address: alice.address })).split('.')
      return `${h}.${Buffer.from('{"sub":"mallory"}').toString('base64url')}.${s}`
    }],
    ['an expired token', async () => signToken({ address: alice.address, iat: Math.floor(Date.now() / 1000) - 90_000 })],
    ['a token within clockSkew of exp', async () => signToken({ address: alice.address, ttl: 20 })],
    ["another account's token", async () => signToken({ address: bob.address })],
    ["another chain's token", async () => signToken({ address: alice.address, chainId: 1 })],
  ]
  it.each(entries)('discards and removes %s', async (_, make) => {
    const { store, log, inner } = setup()
    await inner.set(keyOf(A), await make())
    store.setAccount(A)
    expect(store.getSnapshot()).toMatchObject({ status: 'unauthenticated', session: null })
    expect(log).toContain(`remove ${keyOf(A)}`)
    expect(await inner.get(keyOf(A))).toBeNull()
  })

  it('takes a synchronous adapter only, so a restored session is there on the first snapshot', () => {
    expectTypeOf<ReturnType<StorageAdapter['get']>>().toEqualTypeOf<string | null>()
    // @ts-expect-error an async adapter (a Promise from get) is refused by the type
    const asyncAdapter: StorageAdapter = { get: async () => null, set: () => {}, remove: () => {} }
    void asyncAdapter
  })

  it('survives a storage that throws', async () => {
    const broken: StorageAdapter = {
      get: () => {
        throw new Error('SecurityError')
      },
      set: () => {
        throw new Error('QuotaExceededError')
      },
      remove: () => {
        throw new Error('nope')
      },
    }
    const { store } = setup({ storage: broken })
    store.setAccount(A)
    expect(store.getSnapshot().status).toBe('unauthenticated')
    await store.signIn()
    expect(store.getSnapshot().status).toBe('authenticated')
    store.signOut()
    expect(store.getSnapshot().status).toBe('unauthenticated')
  })

  it("falls back to memory where there is no web storage ('local' in Node)", async () => {
    const { store } = setup({ storage: 'local' })
    store.setAccount(A)
    await store.signIn()
    expect(store.getSnapshot().status).toBe('authenticated')
  })
})

describe('account and chain changes', () => {
  /** Every state any listener ever saw while `account` was current must hold no one else's token. */
  const watchLeaks = (store: ReturnType<typeof setup>['store'], current: () => string) => {
    const leaks: string[] = []
    store.subscribe(() => {
      const s = store.getSnapshot().session
      if (s && s.address.toLowerCase() !== current().toLowerCase()) leaks.push(s.address)
    })
    return leaks
  }

  it("signOut policy: B never sees A's token, and A's entry is removed", async () => {
    const { store, inner } = setup()
    let current: string = A.address
    const leaks = watchLeaks(store, () => current)
    store.setAccount(A)
    const a = await store.signIn()
    current = B.address
    store.setAccount(B)
    expect(store.getSnapshot().session).toBeNull()
    expect(await store.getToken()).toBeNull()
    expect(await inner.get(keyOf(A))).toBeNull()
    current = A.address
    store.setAccount(A)
    expect(store.getSnapshot().status).toBe('unauthenticated')
    expect(a.token).toBeTruthy()
    expect(leaks).toEqual([])
  })

  it('switch policy: each account keeps its token; switching back restores without a signature', async () => {
    const { store, signatures } = setup({ accountChangePolicy: 'switch' })
    let current: string = A.address
    const leaks = watchLeaks(store, () => current)
    store.setAccount(A)
    const a = await store.signIn()
    current = B.address
    store.setAccount(B)
    expect(store.getSnapshot()).toMatchObject({ status: 'unauthenticated', session: null })
    expect(await store.getToken()).toBeNull()
    const b = await store.signIn()
    current = A.address
    store.setAccount(A)
    expect(await store.getToken()).toBe(a.token)
    current = B.address
    store.setAccount(B)
    expect(await store.getToken()).toBe(b.token)
    expect(signatures).toEqual([alice.address, bob.address])
    expect(leaks).toEqual([])
  })

  it('disconnecting signs out and removes the stored entry', async () => {
    const { store, inner } = setup({ accountChangePolicy: 'switch' })
    store.setAccount(A)
    await store.signIn()
    store.setAccount(null)
    expect(store.getSnapshot()).toMatchObject({ status: 'unauthenticated', session: null })
    expect(await inner.get(keyOf(A))).toBeNull()
  })

  it('setting the same account again changes nothing', async () => {
    const { store, states } = setup()
    store.setAccount(A)
    const pending = store.signIn()
    store.setAccount({ ...A, address: A.address.toLowerCase() as `0x${string}` })
    await pending
    const snapshot = store.getSnapshot()
    store.setAccount({ ...A })
    expect(store.getSnapshot()).toBe(snapshot)
    expect(states.map((s) => s.status)).toEqual(['unauthenticated', 'authenticating', 'authenticated'])
  })

  it.each([
    ['signOut', 'unauthenticated', false],
    ['keep', 'authenticated', true],
    ['switch', 'unauthenticated', true],
  ] as const)('chainChangePolicy %s', async (chainChangePolicy, onOtherChain, keptOnReturn) => {
    const { store, signatures } = setup({ chainChangePolicy })
    store.setAccount(A)
    const a = await store.signIn()
    store.setAccount({ ...A, chainId: 1 })
    expect(store.getSnapshot().status).toBe(onOtherChain)
    store.setAccount(A)
    expect(store.getSnapshot().status).toBe(keptOnReturn ? 'authenticated' : 'unauthenticated')
    if (keptOnReturn) expect(await store.getToken()).toBe(a.token)
    expect(signatures).toHaveLength(1)
  })
})

describe('TokenSource', () => {
  it('getToken: null when signed out, the token when fresh, a new sign-in when expired', async () => {
    const { store, signatures, requests } = setup()
    store.setAccount(A)
    expect(await store.getToken()).toBeNull()
    const first = await store.signIn()
    expect(await store.getToken()).toBe(first.token)
    expect(requests).toHaveLength(2)
    // 30 s before exp the token already counts as expired (clockSkew).
    vi.setSystemTime(first.expiresAt - 29_000)
    const renewed = await store.getToken()
    expect(renewed).not.toBe(first.token)
    expect(renewed).toBe(store.getSnapshot().session?.token)
    expect(signatures).toHaveLength(2)
  })

  it('getToken waits for a sign-in in flight and for loading, honouring its signal', async () => {
    const { store } = setup()
    const controller = new AbortController()
    const waiting = store.getToken({ signal: controller.signal })
    controller.abort()
    await expect(waiting).rejects.toBeInstanceOf(AbortedError)
    const later = store.getToken()
    store.setAccount(A)
    expect(await later).toBeNull()
    const signing = store.signIn()
    const token = store.getToken()
    expect(await token).toBe((await signing).token)
  })

  it('renewToken: renews a stale token once; a later caller with the same stale token gets the new one unsigned', async () => {
    const { store, signatures } = setup()
    store.setAccount(A)
    const t1 = (await store.signIn()).token
    const [t2, t2b] = await Promise.all([store.renewToken(t1), store.renewToken(t1)])
    expect(t2).not.toBe(t1)
    expect(t2b).toBe(t2)
    expect(signatures).toHaveLength(2)
    expect(await store.renewToken(t1)).toBe(t2)
    expect(signatures).toHaveLength(2)
  })

  it('renewToken after sign-out fails with UnauthorizedError and never prompts (a late 401)', async () => {
    const { store, signatures } = setup()
    store.setAccount(A)
    const { token } = await store.signIn()
    store.signOut()
    await expect(store.renewToken(token)).rejects.toBeInstanceOf(UnauthorizedError)
    expect(signatures).toHaveLength(1)
    expect(store.getSnapshot().status).toBe('unauthenticated')
  })

  it("a 401 for account A's token after the wallet switched to B is AbortedError, never retried as B", async () => {
    const { store, signatures } = setup({ accountChangePolicy: 'switch' })
    store.setAccount(A)
    const { token: tokenA } = await store.signIn()
    store.setAccount(B)
    const { token: tokenB } = await store.signIn()
    // A request sent with A's token comes back 401 now that the wallet is B: B's token must not be handed out.
    await expect(store.renewToken(tokenA)).rejects.toMatchObject({ code: 'ABORTED', reason: 'account_changed' })
    expect(signatures).toHaveLength(2)
    expect(await store.getToken()).toBe(tokenB)
    // The wallet moves on to an account with no session (A on another chain): a late 401 for B's token is the
    // same error, not "sign in first" and not a prompt.
    store.setAccount({ ...A, chainId: 1 })
    await expect(store.renewToken(tokenB)).rejects.toMatchObject({ code: 'ABORTED', reason: 'account_changed' })
    expect(signatures).toHaveLength(2)
  })

  it('a rejected re-authentication forgets the stored token, so a reload does not bring it back', async () => {
    const { store, inner } = setup()
    store.setAccount(A)
    const { token } = await store.signIn()
    expect(inner.get(keyOf(A))).toBe(token)
    // A reload: the token is restored, the server refuses it (a 401), and the user rejects the new signature.
    const prompts = vi.fn()
    const reloaded = setup({
      storage: inner,
      signMessage: async () => {
        prompts()
        throw new UserRejectedRequestError(new Error('rejected'))
      },
    }).store
    reloaded.setAccount(A)
    expect(reloaded.getSnapshot().session?.token).toBe(token)
    await expect(reloaded.renewToken(token)).rejects.toBeInstanceOf(UserRejectedError)
    expect(prompts).toHaveBeenCalledOnce()
    expect(reloaded.getSnapshot().status).toBe('unauthenticated')
    expect(inner.get(keyOf(A))).toBeNull()
  })

  it('revoke ends the session with the error in the snapshot', async () => {
    const onSignOut = vi.fn()
    const { store, inner, requests } = setup({ onSignOut })
    store.setAccount(A)
    await store.signIn()
    const error = new TokenRevokedError({ status: 401 })
    store.revoke?.(error)
    expect(store.getSnapshot()).toEqual({ status: 'error', session: null, error })
    expect(await inner.get(keyOf(A))).toBeNull()
    expect(onSignOut).toHaveBeenCalledOnce()
    expect(requests).toHaveLength(2)
  })
})

describe('signOut', () => {
  it('signs out locally: no request, entry removed, onSignOut called', async () => {
    const onSignOut = vi.fn()
    const { store, inner, requests } = setup({ onSignOut })
    store.setAccount(A)
    await store.signIn()
    store.signOut()
    expect(store.getSnapshot()).toEqual({ status: 'unauthenticated', session: null, error: null })
    expect(await inner.get(keyOf(A))).toBeNull()
    expect(onSignOut).toHaveBeenCalledOnce()
    expect(requests).toHaveLength(2)
  })

  it('a sign-in in flight is not adopted after signOut', async () => {
    const signature = deferred<`0x${string}`>()
    const asked = deferred<string>()
    const { store } = setup({ signMessage: ({ message }) => (asked.resolve(message), signature.promise) })
    store.setAccount(A)
    const pending = store.signIn()
    const message = await asked.promise
    store.signOut()
    signature.resolve(await alice.signMessage({ message }))
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED', reason: 'signed_out' })
    expect(store.getSnapshot().status).toBe('unauthenticated')
  })

  it('keeps the snapshot object until something changed', async () => {
    const { store } = setup()
    store.setAccount(A)
    const snapshot = store.getSnapshot()
    expect(store.getSnapshot()).toBe(snapshot)
    store.signOut() // already signed out: nothing to change
    expect(store.getSnapshot()).toBe(snapshot)
  })
})
