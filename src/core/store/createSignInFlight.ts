import type { Session } from '../session/types.js'

/** What a sign-in attempt can ask of its flight while it runs. */
export type SignInRequest = {
  /** Still `true` when no one asked for this sign-in on purpose (a renewal); read it when the attempt ends. */
  readonly automatic: boolean
}

export type SignInFlight = {
  /** Joins the sign-in in flight, or starts one; `automatic` when no one asked for it on purpose (a renewal). */
  join(automatic: boolean): Promise<Session>
  /** The sign-in in flight, if any. */
  pending(): Promise<Session> | undefined
  /** Forgets the sign-in in flight: the next `join` starts a new one. */
  forget(): void
}

/**
 * Single flight for sign-ins: everyone who asks while one runs shares it, so one prompt serves them all; it stays
 * automatic until someone asks for it on purpose (internal to createSessionStore).
 * @example const flight = createSignInFlight((request) => attempt(request)); await flight.join(false)
 */
export function createSignInFlight(attempt: (request: SignInRequest) => Promise<Session>): SignInFlight {
  // The sign-in in flight, and its request (a later join may make it non-automatic).
  let current: Promise<Session> | undefined
  let currentRequest = { automatic: true }

  return {
    join(automatic) {
      if (current) {
        currentRequest.automatic &&= automatic
        return current
      }
      // The request exists before the attempt starts, so the attempt can read it at any point.
      const request = { automatic }
      const promise: Promise<Session> = attempt(request).finally(() => {
        if (current === promise) current = undefined
      })
      current = promise
      currentRequest = request
      return promise
    },
    pending: () => current,
    forget() {
      current = undefined
    },
  }
}
