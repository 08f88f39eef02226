'use client'
import { useEffect, useRef, useState } from 'react'

// `released` is bookkeeping of this hook only: set once the object was handed to `release`.
type Owned<T> = { value: T; deps: readonly unknown[]; released?: boolean }

// As React compares an effect's deps: their number never changes between renders.
const sameDeps = (a: readonly unknown[], b: readonly unknown[]) => a.every((dep, index) => Object.is(dep, b[index]))

/**
 * Internal: an object owned by the mounted component, created once at the first render (again only when `deps`
 * change) and released after unmount. StrictMode's instant unmount-and-remount keeps it: the release waits a
 * microtask and is dropped when the component came back; one released anyway (a hidden `<Activity>`) is replaced.
 * @example const store = useOwnedValue(() => createSessionStore(options), (store) => store.destroy(), [baseUrl])
 */
export function useOwnedValue<T>(create: () => T, release: (value: T) => void, deps: readonly unknown[]): T {
  const createOwned = (): Owned<T> => ({ value: create(), deps })
  const [owned, setOwned] = useState(createOwned)
  // The owned object whose effect is set up right now; null between an unmount and a possible remount.
  const mounted = useRef<Owned<T> | null>(null)

  // New deps: a new object, at once (React re-renders before committing); the old one is released by its effect.
  let current = owned
  if (!sameDeps(owned.deps, deps)) {
    current = createOwned()
    setOwned(current)
  }

  useEffect(() => {
    if (owned.released) {
      setOwned(createOwned())
      return
    }
    mounted.current = owned
    return () => {
      mounted.current = null
      queueMicrotask(() => {
        const remounted = mounted.current === owned
        if (remounted) return
        owned.released = true
        release(owned.value)
      })
    }
    // `create`, `release` and `deps` belong to `owned`: it is what changes when they do.
  }, [owned])

  return current.value
}
