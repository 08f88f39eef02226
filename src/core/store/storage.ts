import type { StorageAdapter } from './types.js'

/** A storage adapter over a `Map`: nothing survives a reload; two stores share it only if given the same one. */
export function createMemoryStorage(): StorageAdapter {
  const map = new Map<string, string>()
  return { get: (key) => map.get(key) ?? null, set: (key, value) => void map.set(key, value), remove: (key) => void map.delete(key) }
}

/** The adapter for a storage option; web storage when the runtime has it (touching it can throw), else memory. */
export function resolveStorage(option: 'local' | 'session' | 'memory' | StorageAdapter = 'local'): StorageAdapter {
  if (typeof option === 'object') return option
  try {
    const web = option !== 'memory' && globalThis[option === 'session' ? 'sessionStorage' : 'localStorage']
    if (web) return { get: (k) => web.getItem(k), set: (k, v) => web.setItem(k, v), remove: (k) => web.removeItem(k) }
  } catch {}
  return createMemoryStorage()
}

/** The persistence key for an account's token. */
export const storageKey = (baseUrl: string, address: string, chainId: number) =>
  `agora-auth:${baseUrl}:${address.toLowerCase()}:${chainId}`
