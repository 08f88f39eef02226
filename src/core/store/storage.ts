import { createMemoryStorage } from './createMemoryStorage.js'
import type { StorageAdapter } from './types.js'

/** The adapter for a storage option; web storage when the runtime has it (touching it can throw), else memory. */
export function resolveStorage(option: 'local' | 'session' | 'memory' | StorageAdapter = 'local'): StorageAdapter {
  if (typeof option === 'object') return option
  try {
    // A ReferenceError where there is no web storage (Node, workers) lands in the catch, like a blocked one.
    const web = option !== 'memory' && (option === 'session' ? sessionStorage : localStorage)
    if (web) return { get: (k) => web.getItem(k), set: (k, v) => web.setItem(k, v), remove: (k) => web.removeItem(k) }
  } catch {}
  return createMemoryStorage()
}

/** The persistence key for an account's token. */
export const storageKey = (baseUrl: string, address: string, chainId: number) =>
  `agora-auth:${baseUrl}:${address.toLowerCase()}:${chainId}`
