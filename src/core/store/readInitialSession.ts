import { decodeSessionToken } from '../session/decodeSessionToken.js'
import type { SessionState } from './types.js'

/**
 * The state a server render (and the first client render) shows for `initialSession`: authenticated with it when it
 * is a well-formed session token, else loading. Reads no clock: its expiry and its account are checked on first
 * use in the browser, when the account is known (internal to createSessionStore).
 * @example const serverState = readInitialSession(parameters.initialSession)
 */
export function readInitialSession(token: string | undefined): SessionState {
  try {
    if (token !== undefined) return { status: 'authenticated', session: decodeSessionToken(token, { checkExpiry: false }), error: null }
  } catch {
    // not a session token: ignored, as if there were none
  }
  return { status: 'loading', session: null, error: null }
}
