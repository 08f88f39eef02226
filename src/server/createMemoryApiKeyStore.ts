import type { ApiKeyRecord, ApiKeyStore } from './types.js'

/**
 * An in-memory API key store, optionally seeded with records by SHA-256 hex digest.
 * @example createMemoryApiKeyStore({ [await hashApiKey(key)]: record })
 */
export function createMemoryApiKeyStore(initial: Readonly<Record<string, ApiKeyRecord>> = {}): ApiKeyStore {
  const records = new Map(Object.entries(initial).map(([hash, record]) => [hash.toLowerCase(), { ...record }]))
  return {
    async get(hash) {
      const record = records.get(hash.toLowerCase())
      return record && { ...record }
    },
    async put(hash, record) {
      records.set(hash.toLowerCase(), { ...record })
    },
    async setEnabled(hash, enabled) {
      const record = records.get(hash.toLowerCase())
      if (!record) return false
      record.enabled = enabled
      return true
    },
  }
}
