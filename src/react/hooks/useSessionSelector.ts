'use client'
import { useRef, useSyncExternalStore } from 'react'
import type { SessionState } from '../../core/store/types.js'
import { useAgoraAuthContext } from '../context.js'

/** Reads a slice of the session; the component re-renders only when `isEqual` says the slice changed. */
export function useSessionSelector<T>(
  hook: string,
  select: (state: SessionState) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const { store } = useAgoraAuthContext(hook)
  const last = useRef<{ value: T } | null>(null)
  const pick = (state: SessionState) => {
    const value = select(state)
    if (!last.current || !isEqual(last.current.value, value)) last.current = { value }
    return last.current.value
  }
  return useSyncExternalStore(
    store.subscribe,
    () => pick(store.getSnapshot()),
    () => pick(store.getServerSnapshot()),
  )
}

export const sameItems = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((item, i) => item === b[i])

/** The store of the nearest provider, for hooks that act rather than read. */
export const useSessionStore = (hook: string) => useAgoraAuthContext(hook).store
