import { assertSiweOptions } from '../siwe/assertSiweOptions.js'
import type { CreateSessionStoreParameters } from './types.js'

const storageOptions: readonly unknown[] = ['local', 'session', 'memory']
const accountChangePolicies: readonly unknown[] = ['signOut', 'switch']
const chainChangePolicies: readonly unknown[] = ['signOut', 'keep', 'switch']

/**
 * Throws a `TypeError` for options the store could never work with, when the store is created: a caller's mistake
 * is reported before any request, never as a failed sign-in (internal to createSessionStore).
 * @example assertSessionStoreParameters({ baseUrl, signMessage, siwe: { expirationTime: 900 } }) // TypeError
 */
export function assertSessionStoreParameters(parameters: CreateSessionStoreParameters): void {
  const { baseUrl, signMessage, storage, accountChangePolicy, chainChangePolicy, clockSkew, siwe } = parameters
  if (typeof baseUrl !== 'string' || !baseUrl) throw new TypeError('baseUrl must be a URL (absolute, or relative to the page).')
  if (typeof signMessage !== 'function') throw new TypeError('signMessage must be a function.')
  const isStorageAdapter = typeof storage === 'object' && storage !== null
  if (storage !== undefined && !isStorageAdapter && !storageOptions.includes(storage))
    throw new TypeError(`storage must be 'local', 'session', 'memory' or a StorageAdapter, got ${String(storage)}.`)
  if (accountChangePolicy !== undefined && !accountChangePolicies.includes(accountChangePolicy))
    throw new TypeError(`accountChangePolicy must be 'signOut' or 'switch', got ${String(accountChangePolicy)}.`)
  if (chainChangePolicy !== undefined && !chainChangePolicies.includes(chainChangePolicy))
    throw new TypeError(`chainChangePolicy must be 'signOut', 'keep' or 'switch', got ${String(chainChangePolicy)}.`)
  if (clockSkew !== undefined && !(Number.isFinite(clockSkew) && clockSkew >= 0))
    throw new TypeError('clockSkew must be a number of milliseconds, 0 or more.')
  assertSiweOptions(siwe)
}
