import { AgoraAuthError } from '../errors/AgoraAuthError.js'
import { AbortedError, NoWalletError } from '../errors/errors.js'
import { abortable } from '../http/abortable.js'
import { isSameAddress } from '../session/isSameAddress.js'
import type { Session } from '../session/types.js'
import { signInWithSiwe } from '../siwe/signInWithSiwe.js'
import { assertSessionStoreParameters } from './assertSessionStoreParameters.js'
import { createSessionTokenSource } from './createSessionTokenSource.js'
import { createSignInFlight, type SignInRequest } from './createSignInFlight.js'
import { createStateCell } from './createStateCell.js'
import { createTabSync } from './createTabSync.js'
import { createTokenStorage } from './createTokenStorage.js'
import { isForAccount } from './isForAccount.js'
import { readSession, type SessionRules } from './readSession.js'
import type { Account, CreateSessionStoreParameters, SessionState, SessionStore, SyncMessage } from './types.js'

export type { CreateSessionStoreParameters, SessionStore } from './types.js'

export { RENEWED_TOKEN_REFUSED } from './createSessionTokenSource.js'

/**
 * The session state machine: the wallet's account, the current session and one sign-in at a time, persisted per
 * account and shared with the other tabs; the token source of an Agora client.
 * @example const store = createSessionStore({ baseUrl, signMessage: ({ message }) => account.signMessage({ message }) })
 */
export function createSessionStore(parameters: CreateSessionStoreParameters): SessionStore {
  // Creating the store reads no clock, no random and no storage: a server render (and StrictMode's second
  // creation) must be deterministic. Time and storage are first read on first use in the browser.
  assertSessionStoreParameters(parameters)
  const { baseUrl, signMessage, siwe, fetch, clockSkew = 30_000, now = () => Date.now(), onSignIn, onSignOut } = parameters
  const { accountChangePolicy = 'signOut', chainChangePolicy = 'signOut', sync: isSyncOn = true } = parameters
  const keepsSessionAcrossChains = chainChangePolicy === 'keep'
  const tokens = createTokenStorage(baseUrl, parameters.storage)
  const tabs = createTabSync(tokens.namespace)
  // The server render's session: well formed is enough here; its expiry and account are judged on first use.
  const serverSession = readSession(parameters.initialSession)
  const serverState: SessionState = { status: serverSession ? 'authenticated' : 'loading', session: serverSession ?? null, error: null }
  const cell = createStateCell(serverState)
  let account: Account | null | undefined
  let pendingAccount = parameters.account // applied on first use (see applyPendingAccount)
  // Aborted and replaced when the account changes or the session ends: a sign-in of an older epoch is never adopted.
  let epoch = new AbortController()
  const flight = createSignInFlight(attempt)
  const getAccount = () => account
  const isFresh = (session: Session) => session.expiresAt - clockSkew > now()
  const rules: SessionRules = { anyChain: keepsSessionAcrossChains, isFresh }
  const tokenSource = createSessionTokenSource(cell, flight, getAccount, applyPendingAccount, isFresh)
  let stopWatching: (() => void) | undefined

  function cancel(reason: string) {
    epoch.abort(reason)
    epoch = new AbortController()
    flight.forget()
    tokenSource.reset()
  }

  function setAccount(next: Account | null) {
    pendingAccount = undefined
    const previous = account
    account = next
    const isSameKey = previous !== undefined && (previous && tokens.keyOf(previous)) === (next && tokens.keyOf(next))
    if (isSameKey) return
    const { session } = cell.get()
    // A hydrated session (checked here first, where the clock may be read), or one kept across chains.
    if (next && session && isForAccount(session, next, keepsSessionAcrossChains) && isFresh(session))
      return tokens.write(next, session.token)
    cancel('account_changed')
    const isChainChange = !!previous && !!next && isSameAddress(previous.address, next.address)
    const policy = isChainChange ? chainChangePolicy : accountChangePolicy
    // 'switch' keeps the previous token for switching back; disconnecting forgets it whatever the policy.
    const keepsPreviousToken = next !== null && policy === 'switch'
    if (previous && !keepsPreviousToken) tokens.write(previous, null)
    const restored = next ? tokens.restore(next, rules) : undefined
    cell.set(restored ? 'authenticated' : 'unauthenticated', restored)
  }

  // First use in the browser: the account given at creation, or else the server's session judged by the clock.
  function applyPendingAccount() {
    if (pendingAccount !== undefined) return setAccount(pendingAccount)
    const { session } = cell.get()
    if (account === undefined && session && !isFresh(session)) cell.set('loading')
  }

  async function attempt(request: SignInRequest): Promise<Session> {
    const signer = account
    if (!signer) throw new NoWalletError()
    const { signal } = epoch
    const previous = cell.get()
    cell.set('authenticating', previous.session)
    try {
      const session = await signInWithSiwe({ baseUrl, ...signer, signMessage, siwe, fetch, signal, now })
      if (signal.aborted) throw new AbortedError({ reason: signal.reason })
      share(signer, session.token)
      tokenSource.remember(session.token, request.automatic)
      cell.set('authenticated', session)
      onSignIn?.(session)
      return session
    } catch (error) {
      // The account changed or the session ended meanwhile: this sign-in is void, whatever it ended with.
      if (signal.aborted) throw new AbortedError({ reason: signal.reason, cause: error })
      if (!(error instanceof AgoraAuthError)) {
        cell.set(previous.status, previous.session, previous.error) // a caller's mistake (TypeError) changes nothing
        throw error
      }
      // A failed sign-in leaves no session: its stored token (expired, or refused by the server) must not come back.
      tokens.write(signer, null)
      cell.set(error.code === 'USER_REJECTED' ? 'unauthenticated' : 'error', null, error)
      throw error
    }
  }

  function signIn({ signal }: { signal?: AbortSignal } = {}): Promise<Session> {
    applyPendingAccount()
    tokenSource.reset() // the user acts: automatic sign-ins may prompt again
    return abortable(flight.join(false), signal)
  }

  // Stores the account's token (`null`: removes it) and tells the other tabs.
  function share(owner: Account, token: string | null) {
    tokens.write(owner, token)
    tabs.post({ key: tokens.keyOf(owner), newValue: token })
  }

  // Signed out (`null`), or revoked with the error that ended the session.
  function endSession(error: AgoraAuthError | null) {
    applyPendingAccount()
    cancel('signed_out')
    if (account) share(account, null)
    cell.set(error ? 'error' : 'unauthenticated', null, error)
    onSignOut?.()
  }

  // Another tab changed an entry: its token is adopted if it is this account's; a sign-out of this account ends ours.
  function onTabMessage({ key, newValue }: SyncMessage) {
    const owner = tokens.ownerOf(key)
    const { session } = cell.get()
    if (!account || !owner) return
    if (newValue === null && session && isForAccount(owner, account, keepsSessionAcrossChains)) {
      cell.set('unauthenticated')
      return onSignOut?.()
    }
    // The token we hold already is not decoded again (this tab's own broadcast comes back to its listening channel).
    if (newValue === session?.token) return
    const adopted = readSession(newValue, account, rules)
    if (!adopted) return
    cell.set('authenticated', adopted)
    onSignIn?.(adopted)
  }

  function stopSync() {
    stopWatching?.()
    stopWatching = undefined
  }

  return {
    getSnapshot() {
      applyPendingAccount()
      return cell.get()
    },
    getServerSnapshot: () => serverState,
    subscribe(listener) {
      applyPendingAccount()
      cell.listeners.add(listener)
      if (cell.listeners.size === 1 && isSyncOn) stopWatching = tabs.watch(onTabMessage)
      return () => {
        if (cell.listeners.delete(listener) && !cell.listeners.size) stopSync()
      }
    },
    setAccount,
    signIn,
    reauthenticate: signIn, // the same act under its older name
    signOut: () => endSession(null),
    revoke: endSession, // with the error that ended the session
    getToken: tokenSource.getToken,
    renewToken: tokenSource.renewToken,
    destroy() {
      cancel('destroyed')
      cell.listeners.clear()
      stopSync()
    },
  }
}
