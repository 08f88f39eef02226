import { type Address, type Hex, isAddress } from 'viem'
import { AgoraAuthError } from '../errors/AgoraAuthError.js'
import type {
  AbortedError,
  HttpError,
  InvalidResponseError,
  NetworkError,
  RateLimitedError,
  SessionExpiredError,
} from '../errors/errors.js'
import { InvalidTokenError, UserRejectedError, VerificationFailedError } from '../errors/errors.js'
import { abortable } from '../http/abortable.js'
import { decodeSessionToken } from '../session/decodeSessionToken.js'
import { isSameAddress } from '../session/isSameAddress.js'
import type { Session } from '../session/types.js'
import type { SignMessageFn } from '../store/types.js'
import { assertSiweOptions, type SiweOptions } from './assertSiweOptions.js'
import { createAgoraSiweMessage } from './createAgoraSiweMessage.js'
import { getNonce } from './getNonce.js'
import { verifySiwe } from './verifySiwe.js'

export type SignInWithSiweParameters = {
  /** The Agora API base URL, e.g. `https://vote.optimism.io/api/v1`, or relative to the page (`/api/v1`). */
  baseUrl: string
  /** The wallet account that signs; the token must come back for it. */
  address: Address
  chainId: number
  /** Signs the SIWE message with the wallet (wagmi's `signMessage`, a local account, …). */
  signMessage: SignMessageFn
  /** Overrides for the SIWE message; `domain` and `uri` default from `baseUrl`. */
  siwe?: SiweOptions
  fetch?: typeof fetch
  /** Aborts the sign-in at whichever step it is in (`AbortedError`). */
  signal?: AbortSignal
  /** The clock the new token's expiry is judged against, default `Date.now`. */
  now?: () => number
}

/** The session the server issued for the signing account. */
export type SignInWithSiweReturnType = Session

/** What `signInWithSiwe` rejects with; a caller's mistake (a bad option) is a `TypeError` instead, before any request. */
export type SignInWithSiweErrorType =
  | UserRejectedError
  | VerificationFailedError
  | InvalidTokenError
  | SessionExpiredError
  | InvalidResponseError
  | NetworkError
  | RateLimitedError
  | HttpError
  | AbortedError

// How deep to look for the wallet's refusal in a chain of causes (wallet libraries wrap each other's errors).
const maxCauseDepth = 9

/** The wallet declined: EIP-1193 4001 anywhere in the cause chain (viem's UserRejectedRequestError carries it too). */
function isUserRejection(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth >= maxCauseDepth) return false
  const { code, cause } = error as { code?: unknown; cause?: unknown }
  return code === 4001 || isUserRejection(cause, depth + 1)
}

/** The wallet's signature; its failure typed: declined → `UserRejectedError`, anything else → `VerificationFailedError`. */
async function askWallet(signMessage: SignMessageFn, request: Parameters<SignMessageFn>[0]): Promise<Hex> {
  try {
    return await signMessage(request)
  } catch (cause) {
    if (cause instanceof AgoraAuthError) throw cause
    throw isUserRejection(cause) ? new UserRejectedError({ cause }) : new VerificationFailedError({ cause })
  }
}

/**
 * Signs in with Ethereum against an Agora API: nonce → message → wallet signature → verify → the decoded session,
 * checked to be the signing account's. Usable on its own; the session store calls it.
 * @example const session = await signInWithSiwe({ baseUrl, address, chainId: 10, signMessage: ({ message }) => account.signMessage({ message }) })
 */
export async function signInWithSiwe({
  baseUrl,
  address,
  chainId,
  signMessage,
  siwe,
  fetch,
  signal,
  now = Date.now,
}: SignInWithSiweParameters): Promise<SignInWithSiweReturnType> {
  // Caller mistakes the types cannot see, before the nonce request; `baseUrl` is checked where it is resolved.
  if (!isAddress(address, { strict: false })) throw new TypeError('address must be an address.')
  if (!(Number.isSafeInteger(chainId) && chainId > 0)) throw new TypeError('chainId must be a positive integer.')
  assertSiweOptions(siwe)
  const nonce = await getNonce({ baseUrl, fetch, signal })
  const message = createAgoraSiweMessage({ ...siwe, baseUrl, address, chainId, nonce })
  // The wallet may never answer; an abort must not wait for it.
  const signature = await abortable(askWallet(signMessage, { message, address, chainId }), signal)
  const token = await verifySiwe({ baseUrl, message, signature, fetch, signal })
  const session = decodeSessionToken(token, { now: now() })
  if (!isSameAddress(session.address, address)) throw new InvalidTokenError('The token is for another account.')
  return session
}
