import type { Session } from '../session/types.js'

export type SignInFlight = {
  /** Joins the sign-in in flight, or starts one; `automatic` when no one asked for it (a renewal). */
  join(automatic: boolean): Promise<Session>
  /** The sign-in in flight, if any. */
  pending(): Promise<Session> | undefined
  /** Whether the sign-in in flight was only ever asked for automatically. */
  isAutomatic(): boolean
  /** Forgets the sign-in in flight: the next `join` starts a new one. */
  forget(): void
}

/**
 * Single flight for sign-ins: everyone who asks while one runs shares it, so one prompt serves them all; it stays
 * automatic until someone asks for it on purpose (internal to createSessionStore).
 * @example const flight = createSignInFlight(attempt); await flight.join(false)
 */
export function createSignInFlight(attempt: () => Promise<Session>): SignInFlight {
  let current: { promise: Promise<Session>; automatic: boolean } | undefined

  function join(automatic: boolean) {
    if (current) {
      current.automatic &&= automatic
      return current.promise
    }
    const promise: Promise<Session> = attempt().finally(() => {
      if (current?.promise === promise) current = undefined
    })
    current = { promise, automatic }
    return promise
  }

  return {
    join,
    pending: () => current?.promise,
    isAutomatic: () => current?.automatic ?? false,
    forget() {
      current = undefined
    },
  }
}
