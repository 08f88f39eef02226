import { isSameAddress } from '../session/isSameAddress.js'
import type { Account } from './types.js'

/**
 * Whether a session (or the owner a storage key names) belongs to the wallet's `account`: the same address, and the
 * same chain unless `anyChain` (the chain policy keeps sessions across chains) or the owner names no chain (a token
 * without a chain claim is good on any chain, wherever it comes from: storage, another tab, the server render).
 * @example isForAccount(session, account, chainChangePolicy === 'keep')
 */
export function isForAccount(
  owner: { address: string; chainId?: number | undefined },
  account: Account,
  anyChain: boolean,
): boolean {
  const namesNoChain = owner.chainId === undefined
  return isSameAddress(owner.address, account.address) && (anyChain || namesNoChain || owner.chainId === account.chainId)
}
