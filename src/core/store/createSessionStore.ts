import { AgoraAuthError } from '../errors/AgoraAuthError.js'
import { AbortedError, InvalidTokenError, NoWalletError, UserRejectedError, VerificationFailedError } from '../errors/errors.js'
import type { TokenSource } from '../http/types.js'
import { decodeSessionToken } from '../session/decodeSessionToken.js'
import type { Session } from '../session/types.js'
import { type CreateAgoraSiweMessageParameters, createAgoraSiweMessage } from '../siwe/createAgoraSiweMessage.js'
import { getNonce } from '../siwe/getNonce.js'
import { verifySiwe } from '../siwe/verifySiwe.js'
import { resolveStorage, storageKey } from './storage.js'
import { postToTabs, watchTabs } from './sync.js'
import type { Account, SessionState, SignMessageFn, StorageAdapter, SyncMessage } from './types.js'

export type CreateSessionStoreParameters = {
  /** The Agora API base URL, e.g. `https://vote.optimism.io/api/v1`. */
  baseUrl: string
  /** Signs the SIWE message with the wallet (wagmi's `signMessage`, a local account, …). */
  signMessage: SignMessageFn
  /** The wallet's account; `undefined` (default) keeps the store `loading` until `setAccount` is called. */
  account?: Account | null
  /** Where tokens are kept, default `'local'` (falls back to memory where there is no web storage). */
  storage?: 'local' | 'session' | 'memory' | StorageAdapter
  /** Overrides for the SIWE message; `domain` and `uri` default from `baseUrl`. */
  siwe?: Pick<CreateAgoraSiweMessageParameters, 'statement' | 'domain' | 'uri' | 'expirationTime' | 'resources'>
  /** A token rendered by the server (SSR hydration); ignored when invalid. */
  initialSession?: string
  /** Default `'signOut'`: another account ends the session; `'switch'` keeps each account's token for switching back. */
  accountChangePolicy?: 'signOut' | 'switch'
  /** Default `'signOut'`; `'keep'` keeps the session across chains; `'switch'` keeps one token per chain. */
  chainChangePolicy?: 'signOut' | 'keep' | 'switch'
  /** Sign-in and sign-out reach the other tabs, default `true`. */
  sync?: boolean
  fetch?: typeof fetch
  /** Milliseconds before `exp` from which a token counts as expired, default 30 000. */
  clockSkew?: number
  /** Default `Date.now`. */
  now?: () => number
  /** Called after a sign-in (here or in another tab). */
  onSignIn?: (session: Session) => void
  /** Called after a sign-out (here or in another tab). */
  onSignOut?: () => void
}

export type SessionStore = TokenSource & {
  /** The current state; the same object until something changed (for `useSyncExternalStore`). */
  getSnapshot(): SessionState
  /** The state for a server render: `initialSession` → authenticated, else loading; never touches storage. */
  getServerSnapshot(): SessionState
  subscribe(listener: () => void): () => void
  /** Tells the store the wallet's account; `null` when disconnected. */
  setAccount(account: Account | null): void
  /** Signs in with the wallet; concurrent calls share one attempt. */
  signIn(options?: { signal?: AbortSignal }): Promise<Session>
  /** Signs in again (expired token, renewable 401); shares the attempt with `signIn`. */
  reauthenticate(options?: { signal?: AbortSignal }): Promise<Session>
  /** Forgets the session here and in the other tabs; there is no server session to end. */
  signOut(): void
  /** Stops cross-tab listening and ignores any sign-in still in flight. */
  destroy(): void
}

const same = (a?: string, b?: string) => a?.toLowerCase() === b?.toLowerCase()

/** The wallet declined: EIP-1193 4001 anywhere in the cause chain, or viem's UserRejectedRequestError. */
const isRejection = (error: unknown, depth = 0): boolean => {
  const e = error as { code?: unknown; name?: unknown; cause?: unknown } | null | undefined
  return !!e && depth < 9 && (e.code === 4001 || e.name === 'UserRejectedRequestError' || isRejection(e.cause, depth + 1))
}

/** A caller's wait on a shared promise that its own signal can cut short without cancelling it for the others. */
const withSignal = <T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> =>
  signal
    ? new Promise<T>((resolve, reject) => {
        const abort = () => reject(new AbortedError({ cause: signal.reason }))
        if (signal.aborted) return abort()
        signal.addEventListener('abort', abort, { once: true })
        promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort))
      })
    : promise

/**
 * The session state machine: SIWE sign-in, persistence per account, cross-tab sync and bearer tokens for the client.
 * @example const store = createSessionStore({ baseUrl, signMessage: ({ message }) => account.signMessage({ message }) })
 */
export function createSessionStore(p: CreateSessionStoreParameters): SessionStore {
  const { baseUrl, clockSkew = 30_000, now = Date.now, chainChangePolicy = 'signOut' } = p
  const listeners = new Set<() => void>()
  const waiters = new Set<() => void>()
  let storage: StorageAdapter | undefined
  let account: Account | null | undefined
  // Bumped whenever the account changes or the session ends: a sign-in started before must not be adopted.
  let epoch = 0
  let abortReason = 'account_changed'
  let inflight: Promise<Session> | undefined
  let stopSync: (() => void) | undefined

  const decode = (token: string | null | undefined, forAccount: Account | null | undefined, skew = 0) => {
    try {
      const session = token ? decodeSessionToken(token, { now: now() + skew }) : undefined
      if (
        session &&
        forAccount &&
        same(session.address, forAccount.address) &&
        (session.chainId === undefined || session.chainId === forAccount.chainId || chainChangePolicy === 'keep')
      )
        return session
    } catch {}
  }
  let initialSession: Session | undefined
  try {
    // The account is not known yet: whether it matches is checked in setAccount.
    if (p.initialSession) initialSession = decodeSessionToken(p.initialSession, { now: now() })
  } catch {}
  const serverState: SessionState = initialSession
    ? { status: 'authenticated', session: initialSession, error: null }
    : { status: 'loading', session: null, error: null }
  let state = serverState

  const set = (status: SessionState['status'], session: Session | null = null, error: AgoraAuthError | null = null) => {
    if (status === state.status && session === state.session && error === state.error) return
    state = { status, session, error }
    for (const listener of [...listeners, ...waiters]) listener()
  }
  const sync = p.sync !== false
  const store = () => (storage ??= resolveStorage(p.storage))
  // Storage is best effort: a full or blocked storage must never break signing in.
  const write = (acc: Account, token?: string) => {
    try {
      const key = storageKey(baseUrl, acc.address, acc.chainId)
      Promise.resolve(token ? store().set(key, token) : store().remove(key)).catch(() => {})
    } catch {}
  }

  const restore = (acc: Account, e: number) => {
    const done = (token: string | null) => {
      const session = decode(token, acc, clockSkew)
      if (token && !session) write(acc) // expired, malformed or foreign: never trusted, never kept
      set(session ? 'authenticated' : 'unauthenticated', session)
    }
    let value: string | null | Promise<string | null> = null
    try {
      value = store().get(storageKey(baseUrl, acc.address, acc.chainId))
    } catch {}
    if (value instanceof Object && 'then' in value) {
      set('loading')
      // Adopted only if nothing happened meanwhile (another account, a sign-in).
      const settled = (token: string | null) => e === epoch && state.status === 'loading' && done(token)
      value.then(settled, () => settled(null))
    } else done(value)
  }

  const setAccount = (next: Account | null) => {
    initialAccount = undefined
    const prev = account
    account = next
    if (prev !== undefined && (prev === next || (prev && next && same(prev.address, next.address) && prev.chainId === next.chainId))) return
    const session = state.session
    if (next && session && same(session.address, next.address) && (session.chainId === next.chainId || chainChangePolicy === 'keep')) {
      write(next, session.token) // a hydrated or kept session is persisted for this account too
      return
    }
    epoch++
    abortReason = 'account_changed'
    inflight = undefined
    if (prev) {
      const policy = next && same(prev.address, next.address) ? chainChangePolicy : next && p.accountChangePolicy
      if (policy !== 'switch') write(prev)
    }
    if (next) restore(next, epoch)
    else set('unauthenticated')
  }

  const attempt = async (): Promise<Session> => {
    const acc = account
    const e = epoch
    if (!acc) throw new NoWalletError()
    const check = () => {
      if (e !== epoch) throw new AbortedError({ reason: abortReason })
    }
    set('authenticating', state.session)
    try {
      const nonce = await getNonce({ baseUrl, fetch: p.fetch })
      check()
      const message = createAgoraSiweMessage({ ...p.siwe, baseUrl, address: acc.address, chainId: acc.chainId, nonce })
      const signature = await p.signMessage({ message, address: acc.address, chainId: acc.chainId })
      check()
      const token = await verifySiwe({ baseUrl, message, signature, fetch: p.fetch })
      check()
      const session = decodeSessionToken(token, { now: now() })
      if (!same(session.address, acc.address)) throw new InvalidTokenError('The token is for another account.')
      write(acc, token)
      set('authenticated', session)
      p.onSignIn?.(session)
      if (sync) postToTabs(baseUrl, { type: 'signIn', token })
      return session
    } catch (cause) {
      const error =
        cause instanceof AgoraAuthError ? cause : isRejection(cause) ? new UserRejectedError({ cause }) : new VerificationFailedError({ cause })
      if (e === epoch) set(error instanceof UserRejectedError ? 'unauthenticated' : 'error', null, error)
      throw error
    }
  }

  const signIn = ({ signal }: { signal?: AbortSignal } = {}) => {
    ready()
    if (!inflight) {
      const current: Promise<Session> = attempt().finally(() => {
        if (inflight === current) inflight = undefined
      })
      inflight = current
    }
    return withSignal(inflight, signal)
  }

  // Waits for a sign-in in flight or a restore from async storage; only the caller's own abort is an error here.
  const settle = async (signal?: AbortSignal) => {
    ready()
    while (inflight || state.status === 'loading') {
      const pending =
        inflight ??
        new Promise<void>((resolve) => {
          const waiter = () => state.status !== 'loading' && (waiters.delete(waiter), resolve())
          waiters.add(waiter)
        })
      await withSignal<unknown>(pending, signal).catch((error: unknown) => {
        if (signal?.aborted) throw error
      })
    }
  }
  const fresh = () => (state.session && state.session.expiresAt - clockSkew > now() ? state.session : undefined)

  const end = (error: AgoraAuthError | null) => {
    ready()
    epoch++
    abortReason = 'signed_out'
    inflight = undefined
    if (account) {
      write(account)
      if (sync) postToTabs(baseUrl, { type: 'signOut', address: account.address, chainId: account.chainId })
    }
    set(error ? 'error' : 'unauthenticated', null, error)
    p.onSignOut?.()
  }

  const onTab = (message: SyncMessage) => {
    if (!account) return
    if (message.type === 'signIn') {
      const session = decode(message.token, account, clockSkew)
      if (session && session.token !== state.session?.token) {
        set('authenticated', session)
        p.onSignIn?.(session)
      }
    } else if (
      message.type === 'signOut' &&
      state.session &&
      same(message.address, account.address) &&
      (message.chainId === account.chainId || chainChangePolicy === 'keep')
    ) {
      set('unauthenticated')
      p.onSignOut?.()
    }
  }

  // `account` is applied on first use, not here: creating the store must not touch storage (StrictMode creates
  // it twice). The first getSnapshot comes before any subscriber, so applying it there notifies no one mid-render.
  let initialAccount = p.account
  const ready = () => {
    if (initialAccount !== undefined) setAccount(initialAccount)
  }

  return {
    getSnapshot: () => (ready(), state),
    getServerSnapshot: () => serverState,
    subscribe(listener) {
      ready()
      listeners.add(listener)
      if (listeners.size === 1 && sync) stopSync = watchTabs(baseUrl, onTab)
      return () => {
        if (listeners.delete(listener) && !listeners.size) stopSync = void stopSync?.()
      }
    },
    setAccount,
    signIn,
    reauthenticate: signIn,
    signOut: () => end(null),
    revoke: (error) => end(error),
    async getToken({ signal } = {}) {
      await settle(signal)
      if (state.status !== 'authenticated') return null
      return fresh()?.token ?? (await signIn({ signal })).token
    },
    async renewToken(staleToken, { signal } = {}) {
      await settle(signal)
      const session = fresh()
      return session && session.token !== staleToken ? session.token : (await signIn({ signal })).token
    },
    destroy() {
      epoch++
      abortReason = 'destroyed'
      inflight = undefined
      listeners.clear()
      stopSync = void stopSync?.()
    },
  }
}
