import type { StorageAdapter } from './types.js'

/**
 * A storage adapter over a `Map`: nothing survives a reload; two stores share it only if given the same one.
 * @example const store = createSessionStore({ baseUrl, signMessage, storage: createMemoryStorage() })
 */
export function createMemoryStorage(): StorageAdapter {
  const map = new Map<string, string>()
  return {
    get: (key) => map.get(key) ?? null,
    set(key, value) {
      map.set(key, value)
    },
    remove(key) {
      map.delete(key)
    },
  }
}
