/**
 * Whether two addresses are the same account, whatever their case (checksummed or not); `false` for anything that
 * is not a string, since one side may come from another tab or a token's claims.
 * @example isSameAddress(session.address, account.address)
 */
export function isSameAddress(left: unknown, right: string): boolean {
  return typeof left === 'string' && left.toLowerCase() === right.toLowerCase()
}
