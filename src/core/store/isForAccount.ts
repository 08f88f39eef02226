import { isSameAddress } from '../session/isSameAddress.js'
import type { Account } from './types.js'

/**
 * Whether a session (or the owner a storage key names) belongs to the wallet's `account`: the same address, and the
 * same chain unless `anyChain` (the chain policy keeps sessions across chains, or the token names no chain).
 * @example isForAccount(session, account, chainChangePolicy === 'keep')
 */
export function isForAccount(
  owner: { address: string; chainId?: number | undefined },
  account: Account,
  anyChain: boolean,
): boolean {
  return isSameAddress(owner.address, account.address) && (anyChain || owner.chainId === account.chainId)
}
