import type { SessionState } from '../store/types.js'
import { SESSION_COOKIE_NAME } from './sessionCookieName.js'
import { serializeSessionCookie } from './serializeSessionCookie.js'

export type WatchSessionCookieParameters = {
  /** The cookie's name; default {@link SESSION_COOKIE_NAME} (`agora_session`). */
  name?: string
  /** Where cookies are written; default the page's `document`. Nothing is written where there is none. */
  document?: { cookie: string }
  /** Whether the cookie is sent only over https; default: whether the page itself is on https. */
  secure?: boolean
}

export type WatchSessionCookieReturnType = () => void

type WatchedStore = {
  getSnapshot(): SessionState
  subscribe(listener: () => void): () => void
}

/**
 * Mirrors the store's session into a cookie (the raw JWT, expiring with it) so that a server render can read it
 * back: written on sign-in and on a restore from storage, removed on sign-out and on an account change. Opt-in: the
 * cookie carries the token to every request to the page's own origin. Returns the function that stops watching.
 * @example const unwatch = watchSessionCookie(store, { name: 'agora_session' })
 */
export function watchSessionCookie(
  store: WatchedStore,
  {
    name = SESSION_COOKIE_NAME,
    document: target = globalThis.document,
    secure = globalThis.location?.protocol === 'https:',
  }: WatchSessionCookieParameters = {},
): WatchSessionCookieReturnType {
  // What the cookie holds as far as this watcher knows; `undefined`: not written yet (it may hold a stale token).
  let written: string | null | undefined
  const update = () => {
    const { status, session } = store.getSnapshot()
    // While the wallet's account is unknown, the cookie the server rendered from stays as it is.
    if (!target || status === 'loading') return
    const token = session?.token ?? null
    if (token === written) return
    target.cookie = serializeSessionCookie(name, session, secure)
    written = token
  }
  const unsubscribe = store.subscribe(update)
  update()
  return unsubscribe
}
