import type { Session } from '../session/types.js'
import { createMemoryStorage } from './createMemoryStorage.js'
import { readSession, type SessionRules } from './readSession.js'
import type { Account, StorageAdapter } from './types.js'

/** Where tokens are kept; default `'local'` (falls back to memory where there is no web storage). */
export type TokenStorageOption = 'local' | 'session' | 'memory' | StorageAdapter

export type TokenStorage = {
  /** `agora-auth:{baseUrl}`: the prefix of every key, and the name of the tabs' BroadcastChannel. */
  namespace: string
  /** `agora-auth:{baseUrl}:{address in lower case}:{chainId}`. */
  keyOf(account: Account): string
  /** The account a key names, or `undefined` for a key of another API or no key of ours. */
  ownerOf(key: string): { address: string; chainId: number } | undefined
  /** The account's usable session; an entry that is not one (expired, malformed, foreign) is removed. */
  restore(account: Account, rules: SessionRules): Session | undefined
  /** Stores the account's token, or removes it (`null`). */
  write(account: Account, token: string | null): void
}

// Web storage where the runtime has it (touching it can throw: blocked, or a ReferenceError in Node), else memory.
function openStorage(option: TokenStorageOption): StorageAdapter {
  if (typeof option === 'object') return option
  try {
    if (option !== 'memory') {
      const web = option === 'session' ? sessionStorage : localStorage
      return { get: (key) => web.getItem(key), set: (key, value) => web.setItem(key, value), remove: (key) => web.removeItem(key) }
    }
  } catch {
    // no web storage here: memory below
  }
  return createMemoryStorage()
}

/**
 * Where the store keeps tokens, one per API + account + chain; opened on first use, and best effort: a full or
 * blocked storage never breaks signing in (a failed read reads as nothing). `baseUrl` is part of every key, so two
 * APIs on one page never share a token.
 * @example const tokens = createTokenStorage(baseUrl, 'local'); tokens.write(account, token)
 */
export function createTokenStorage(baseUrl: string, storage: TokenStorageOption = 'local'): TokenStorage {
  const namespace = `agora-auth:${baseUrl}`
  const prefix = `${namespace}:` // the namespace contains `:` itself
  let adapter: StorageAdapter | undefined
  const keyOf = (account: Account) => `${prefix}${account.address.toLowerCase()}:${account.chainId}`

  function bestEffort<T>(operation: (opened: StorageAdapter) => T): T | undefined {
    try {
      adapter ??= openStorage(storage)
      return operation(adapter)
    } catch {
      return undefined // storage is best effort: see above
    }
  }

  function write(account: Account, token: string | null) {
    const key = keyOf(account)
    bestEffort((opened) => (token ? opened.set(key, token) : opened.remove(key)))
  }

  function restore(account: Account, rules: SessionRules) {
    const token = bestEffort((opened) => opened.get(keyOf(account)))
    const session = readSession(token, account, rules)
    // Expired, malformed or foreign: never trusted, never kept.
    if (token && !session) write(account, null)
    return session
  }

  function ownerOf(key: string) {
    if (!key.startsWith(prefix)) return undefined
    const [address, chainId] = key.slice(prefix.length).split(':')
    if (!address || chainId === undefined) return undefined
    return { address, chainId: Number(chainId) }
  }

  return { namespace, keyOf, ownerOf, restore, write }
}
