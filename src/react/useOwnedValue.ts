'use client'
import { useEffect, useRef, useState } from 'react'

type Owned<T> = { value: T; deps: readonly unknown[] }

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((dep, index) => Object.is(dep, b[index]))

/**
 * Internal: an object owned by the mounted component, created once at the first render (again only when `deps`
 * change) and released after unmount. StrictMode's instant unmount-and-remount keeps it: the release waits a
 * microtask and is dropped when the component came back; one released anyway (a hidden `<Activity>`) is replaced.
 * @example const store = useOwnedValue(() => createSessionStore(options), (store) => store.destroy(), [baseUrl])
 */
export function useOwnedValue<T>(create: () => T, release: (value: T) => void, deps: readonly unknown[]): T {
  const [owned, setOwned] = useState<Owned<T>>(() => ({ value: create(), deps }))
  // The owned object whose effect is set up right now; null between an unmount and a possible remount.
  const mounted = useRef<Owned<T> | null>(null)
  const released = useRef(new WeakSet<Owned<T>>())
  const latestRelease = useRef(release)
  useEffect(() => {
    latestRelease.current = release
  })

  // New deps: a new object, at once (React re-renders before committing); the old one is released by its effect.
  let current = owned
  if (!sameDeps(owned.deps, deps)) {
    current = { value: create(), deps }
    setOwned(current)
  }

  useEffect(() => {
    if (released.current.has(owned)) {
      setOwned({ value: create(), deps })
      return
    }
    mounted.current = owned
    return () => {
      mounted.current = null
      queueMicrotask(() => {
        const remounted = mounted.current === owned
        if (remounted) return
        released.current.add(owned)
        latestRelease.current(owned.value)
      })
    }
    // `create` and `deps` are read only to replace a released object: `owned` already reflects them.
  }, [owned])

  return current.value
}
