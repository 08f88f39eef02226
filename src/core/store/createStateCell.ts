import type { AgoraAuthError } from '../errors/AgoraAuthError.js'
import type { Session } from '../session/types.js'
import type { SessionState } from './types.js'

export type StateCell = {
  /** The current state: the same object until something in it changed. */
  get(): SessionState
  /** Replaces the state (when something changed) and tells the listeners and waiters. */
  set(status: SessionState['status'], session?: Session | null, error?: AgoraAuthError | null): void
  /** The listeners of `subscribe`. */
  listeners: Set<() => void>
  /** Resolves on the next change. */
  nextChange(): Promise<void>
}

/**
 * The store's snapshot and who is told when it changes (internal to createSessionStore).
 * @example const cell = createStateCell(initial); cell.set('authenticated', session)
 */
export function createStateCell(initial: SessionState): StateCell {
  let state = initial
  const listeners = new Set<() => void>()
  const waiters: (() => void)[] = [] // one-shot wake-ups

  return {
    get: () => state,
    set(status, session = null, error = null) {
      if (status === state.status && session === state.session && error === state.error) return
      state = { status, session, error }
      for (const listener of [...listeners, ...waiters.splice(0)]) listener()
    },
    listeners,
    nextChange: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve)
      }),
  }
}
