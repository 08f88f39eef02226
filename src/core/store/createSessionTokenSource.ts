import { AbortedError, UnauthorizedError } from '../errors/errors.js'
import { abortable } from '../http/abortable.js'
import type { TokenSource } from '../http/types.js'
import { isSameAddress } from '../session/isSameAddress.js'
import { readTokenOwner } from '../session/readTokenOwner.js'
import type { Session } from '../session/types.js'
import type { SignInFlight } from './createSignInFlight.js'
import type { StateCell } from './createStateCell.js'
import type { Account } from './types.js'

/** The `reason` of the UnauthorizedError when the server refused the token of an automatic re-authentication. */
export const RENEWED_TOKEN_REFUSED = 'renewed_token_refused'

export type SessionTokenSource = Required<Pick<TokenSource, 'getToken' | 'renewToken'>> & {
  /** A sign-in succeeded; `automatic` when no one asked for it on purpose. */
  remember(token: string, automatic: boolean): void
  /** The user acted, the account changed or the session ended: automatic sign-ins may prompt again. */
  reset(): void
}

/**
 * The store's side of `createAgoraClient`: the token to send, and a new one after a 401, with the rule that ends
 * prompt loops — once the server refuses the token of an automatic sign-in, only the user starts another
 * (internal to createSessionStore).
 * @param getAccount The wallet's account now; `undefined` while it is not known.
 * @param prepare What every use of the store does first (apply the account given at creation).
 * @param isFresh Whether a session is good for more than the clock skew.
 * @example const { getToken, renewToken } = createSessionTokenSource(cell, flight, getAccount, prepare, isFresh)
 */
export function createSessionTokenSource(
  cell: StateCell,
  flight: SignInFlight,
  getAccount: () => Account | null | undefined,
  prepare: () => void,
  isFresh: (session: Session) => boolean,
): SessionTokenSource {
  // The token of the last automatic sign-in, and whether the server has refused it since.
  let renewedToken: string | undefined
  let isRenewalRefused = false

  // Waits for a sign-in in flight and for the account to be known; only the caller's own abort is an error here.
  async function settle(signal: AbortSignal | undefined) {
    prepare()
    while (flight.pending() || cell.get().status === 'loading') {
      const change = flight.pending() ?? cell.nextChange()
      await abortable<unknown>(change, signal).catch((error) => {
        if (signal?.aborted) throw error
      })
    }
  }

  // An automatic sign-in (an expired or refused token), unless the server refused the last one's token.
  async function renewSession(signal: AbortSignal | undefined): Promise<Session> {
    if (isRenewalRefused) throw new UnauthorizedError('The server refused a renewed token: sign in again.', { reason: RENEWED_TOKEN_REFUSED })
    return abortable(flight.join(true), signal)
  }

  async function getToken({ signal }: { signal?: AbortSignal } = {}): Promise<string | null> {
    await settle(signal)
    const { session } = cell.get()
    if (!session) return null
    return isFresh(session) ? session.token : (await renewSession(signal)).token
  }

  // After a 401 for `staleToken`. For another account's token (the wallet switched while the request was out):
  // AbortedError, never a retry as the new account. Signed out: UnauthorizedError, never a prompt.
  async function renewToken(staleToken: string, { signal }: { signal?: AbortSignal } = {}): Promise<string> {
    await settle(signal)
    const account = getAccount()
    const owner = readTokenOwner(staleToken)
    if (account && owner && !isSameAddress(owner, account.address)) throw new AbortedError({ reason: 'account_changed' })
    const { session } = cell.get()
    if (!session) throw new UnauthorizedError('Sign in first.')
    if (session.token !== staleToken && isFresh(session)) return session.token
    if (staleToken === renewedToken) isRenewalRefused = true
    return (await renewSession(signal)).token
  }

  return {
    getToken,
    renewToken,
    remember(token, automatic) {
      renewedToken = automatic ? token : undefined
    },
    reset() {
      renewedToken = undefined
      isRenewalRefused = false
    },
  }
}
