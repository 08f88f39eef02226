import { AgoraAuthError } from '../errors/AgoraAuthError.js'
import {
  AbortedError,
  InvalidTokenError,
  NoWalletError,
  UnauthorizedError,
  UserRejectedError,
  VerificationFailedError,
} from '../errors/errors.js'
import { abortable } from '../http/abortable.js'
import type { TokenSource } from '../http/types.js'
import { decodeJwtPayload } from '../session/decodeJwtPayload.js'
import { decodeSessionToken } from '../session/decodeSessionToken.js'
import type { Session } from '../session/types.js'
import { type CreateAgoraSiweMessageParameters, createAgoraSiweMessage } from '../siwe/createAgoraSiweMessage.js'
import { getNonce } from '../siwe/getNonce.js'
import { verifySiwe } from '../siwe/verifySiwe.js'
import { createMemoryStorage } from './createMemoryStorage.js'
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

// `a` may come from another tab, malformed.
const same = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase()

/** The wallet declined: EIP-1193 4001 anywhere in the cause chain, or viem's UserRejectedRequestError. */
const isRejection = (error: unknown, depth = 0): boolean => {
  const e = error as { code?: unknown; name?: unknown; cause?: unknown } | null | undefined
  return !!e && depth < 9 && (e.code === 4001 || e.name === 'UserRejectedRequestError' || isRejection(e.cause, depth + 1))
}

/**
 * The session state machine: SIWE sign-in, persistence per account, cross-tab sync and bearer tokens for the client.
 * @example const store = createSessionStore({ baseUrl, signMessage: ({ message }) => account.signMessage({ message }) })
 */
export function createSessionStore(p: CreateSessionStoreParameters): SessionStore {
  const { baseUrl, clockSkew = 30_000, now = Date.now, chainChangePolicy = 'signOut' } = p
  const sync = p.sync !== false
  // The BroadcastChannel's name, and the prefix of every storage key (the storage-event fallback reads keys back).
  const name = `agora-auth:${baseUrl}`
  const listeners = new Set<() => void>()
  // One-shot wake-ups for `settle`, called on the next state change.
  const waiters: (() => void)[] = []
  let storage: StorageAdapter | undefined
  let account: Account | null | undefined
  // `p.account` is applied on first use, not here: creating the store must not touch storage (StrictMode creates
  // it twice). The first getSnapshot comes before any subscriber, so applying it there notifies no one mid-render.
  let initialAccount = p.account
  // Replaced whenever the account changes or the session ends: work started under an older one must not be
  // adopted. It carries why it was replaced, for the AbortedError of a sign-in it cut short.
  let epoch: { reason?: string } = {}
  let inflight: Promise<Session> | undefined
  let stopSync: (() => void) | undefined

  const key = (acc: Account) => `${name}:${acc.address.toLowerCase()}:${acc.chainId}`
  // The same wallet account: same address, and same chain unless chainChangePolicy is 'keep' (or `anyChain`).
  const fits = (a: { address: string; chainId?: number | undefined }, b: Account, anyChain?: boolean) =>
    same(a.address, b.address) && (anyChain || a.chainId === b.chainId || chainChangePolicy === 'keep')
  /** The session in `token` if it is good for `acc` (for any account without one) for `skew` ms more; else undefined. */
  const decode = (token: unknown, acc?: Account, skew = 0) => {
    try {
      const session = decodeSessionToken(token as string, { now: now() + skew })
      // A token without a chain claim is good on any chain.
      if (!acc || fits(session, acc, session.chainId === undefined)) return session
    } catch {}
  }
  // The account is not known yet: whether the initial session is its own is checked in setAccount.
  const initialSession = decode(p.initialSession)
  const serverState: SessionState = { status: initialSession ? 'authenticated' : 'loading', session: initialSession ?? null, error: null }
  let state = serverState

  const set = (status: SessionState['status'], session: Session | null = null, error: AgoraAuthError | null = null) => {
    if (status === state.status && session === state.session && error === state.error) return
    state = { status, session, error }
    for (const listener of [...listeners, ...waiters.splice(0)]) listener()
  }
  const signedIn = (session: Session) => {
    set('authenticated', session)
    p.onSignIn?.(session)
  }
  const signedOut = (error: AgoraAuthError | null = null) => {
    set(error ? 'error' : 'unauthenticated', null, error)
    p.onSignOut?.()
  }
  const cancel = (reason: string) => {
    epoch = { reason }
    inflight = undefined
  }

  // Web storage where the runtime has it (touching it can throw: blocked, or a ReferenceError in Node), else memory.
  const open = (option = p.storage ?? 'local'): StorageAdapter => {
    if (typeof option === 'object') return option
    try {
      const web = option !== 'memory' && (option === 'session' ? sessionStorage : localStorage)
      if (web) return { get: (k) => web.getItem(k), set: (k, v) => web.setItem(k, v), remove: (k) => web.removeItem(k) }
    } catch {}
    return createMemoryStorage()
  }
  // Storage is best effort: a full or blocked storage must never break signing in (a failed read reads as nothing).
  const io = (acc: Account, op: keyof StorageAdapter, token = '') => {
    try {
      return (storage ??= open())[op](key(acc), token)
    } catch {}
  }
  const write = (acc: Account, token?: string) => void io(acc, token ? 'set' : 'remove', token)

  const restore = (acc: Account) => {
    const token = io(acc, 'get')
    const session = decode(token, acc, clockSkew)
    if (token && !session) write(acc) // expired, malformed or foreign: never trusted, never kept
    set(session ? 'authenticated' : 'unauthenticated', session)
  }

  // Tells the other tabs; a short-lived channel, because this tab may not be listening at the moment.
  const post = (acc: Account, token?: string) => {
    try {
      if (!sync) return
      const tabs = new BroadcastChannel(name)
      tabs.postMessage({ key: key(acc), newValue: token ?? null } satisfies SyncMessage)
      tabs.close()
    } catch {} // no BroadcastChannel: the storage event of the write carries it instead
  }
  // Listens to the other tabs: BroadcastChannel, else the `storage` event, whose shape the messages share.
  const watch = () => {
    try {
      const tabs = new BroadcastChannel(name)
      tabs.onmessage = ({ data }: MessageEvent) => onTab(Object(data))
      return () => tabs.close()
    } catch {}
    globalThis.addEventListener?.('storage', onTab)
    return () => globalThis.removeEventListener?.('storage', onTab)
  }

  const setAccount = (next: Account | null) => {
    initialAccount = undefined
    const prev = account
    account = next
    if (prev !== undefined && (prev && key(prev)) === (next && key(next))) return
    const { session } = state
    // A hydrated or kept session is persisted for this account too.
    if (next && session && fits(session, next)) return write(next, session.token)
    cancel('account_changed')
    // The previous account's token is forgotten unless the policy keeps one per account (or per chain).
    if (prev && (next && same(prev.address, next.address) ? chainChangePolicy : next && p.accountChangePolicy) !== 'switch')
      write(prev)
    if (next) restore(next)
    else set('unauthenticated')
  }

  const attempt = async (): Promise<Session> => {
    const acc = account
    const e = epoch
    if (!acc) throw new NoWalletError()
    const { address, chainId } = acc
    // After every wait: the account changed or the session ended meanwhile → this sign-in is void.
    const check = <T>(value: T) => {
      if (e !== epoch) throw new AbortedError({ reason: epoch.reason })
      return value
    }
    set('authenticating', state.session)
    try {
      const nonce = check(await getNonce({ baseUrl, fetch: p.fetch }))
      const message = createAgoraSiweMessage({ ...p.siwe, baseUrl, address, chainId, nonce })
      const signature = check(await p.signMessage({ message, address, chainId }))
      const token = check(await verifySiwe({ baseUrl, message, signature, fetch: p.fetch }))
      const session = decodeSessionToken(token, { now: now() })
      if (!same(session.address, address)) throw new InvalidTokenError('The token is for another account.')
      write(acc, token)
      signedIn(session)
      post(acc, token)
      return session
    } catch (cause) {
      const error =
        cause instanceof AgoraAuthError ? cause : isRejection(cause) ? new UserRejectedError({ cause }) : new VerificationFailedError({ cause })
      if (e === epoch) {
        // A failed re-authentication leaves no session: the stored token (expired, or refused by the server) must
        // not come back on the next reload.
        write(acc)
        set(error instanceof UserRejectedError ? 'unauthenticated' : 'error', null, error)
      }
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
    return abortable(inflight, signal)
  }

  /**
   * getToken (`stale` null) and renewToken. First waits for a sign-in in flight or for the account to be known
   * (only the caller's own abort is an error there). A 401 for another account's token (the wallet switched while
   * the request was out) is AbortedError 'account_changed': that request must not be retried as the new account.
   * Without a session: null for getToken, UnauthorizedError for renewToken — a late 401 must never prompt a user
   * who signed out. Then the current token unless it is `stale` or within clockSkew of exp, else a new sign-in's.
   */
  const token = async (stale: string | null, { signal }: { signal?: AbortSignal } = {}) => {
    ready()
    while (inflight || state.status === 'loading')
      await abortable<unknown>(inflight ?? new Promise<void>((resolve) => waiters.push(resolve)), signal).catch((error) => {
        if (signal?.aborted) throw error
      })
    const { session } = state
    let owner: unknown
    try {
      owner = stale && decodeJwtPayload(stale).sub
    } catch {}
    if (owner && account && !same(String(owner), account.address)) throw new AbortedError({ reason: 'account_changed' })
    if (!session) {
      if (stale === null) return null
      throw new UnauthorizedError('Sign in first.')
    }
    return session.token !== stale && session.expiresAt - clockSkew > now()
      ? session.token
      : (await signIn({ signal })).token
  }

  const end = (error: AgoraAuthError | null) => {
    ready()
    cancel('signed_out')
    if (account) {
      write(account)
      post(account)
    }
    signedOut(error)
  }

  // An account's entry changed in another tab: `key` names the account (see `key`), `newValue` is its token, or
  // null when it signed out. Anything else (another base URL, not an object) is ignored.
  const onTab = ({ key: k, newValue }: { key?: unknown; newValue?: string | null }) => {
    if (!account || typeof k !== 'string' || !k.startsWith(`${name}:`)) return
    if (newValue) {
      const session = decode(newValue, account, clockSkew)
      if (session && session.token !== state.session?.token) signedIn(session)
    } else {
      const [address = '', chainId] = k.slice(name.length + 1).split(':')
      if (state.session && fits({ address, chainId: Number(chainId) }, account)) signedOut()
    }
  }

  const ready = () => {
    if (initialAccount !== undefined) setAccount(initialAccount)
  }

  return {
    getSnapshot: () => (ready(), state),
    getServerSnapshot: () => serverState,
    subscribe(listener) {
      ready()
      listeners.add(listener)
      if (listeners.size === 1 && sync) stopSync = watch()
      return () => {
        if (listeners.delete(listener) && !listeners.size) stopSync = void stopSync?.()
      }
    },
    setAccount,
    signIn,
    reauthenticate: signIn,
    signOut: () => end(null),
    revoke: end,
    getToken: (options) => token(null, options),
    renewToken: (staleToken, options) => token(staleToken, options) as Promise<string>,
    destroy() {
      cancel('destroyed')
      listeners.clear()
      stopSync = void stopSync?.()
    },
  }
}
