import { verifyMessage, type Address, type Hex } from 'viem'
import type { ServerContext } from './context.js'

/** What `verifySiweSignature` checks: the signer, the exact signed text and the signature as sent. */
export type VerifySiweSignatureParameters = { address: Address; message: string; signature: unknown }

/**
 * Tells whether `signature` is `address`'s signature over `message` (internal to the server).
 *
 * @example
 * if (!(await verifySiweSignature(context, { address, message, signature }))) return fail('Invalid SIWE signature.')
 */
export async function verifySiweSignature(
  context: ServerContext,
  { address, message, signature }: VerifySiweSignatureParameters,
): Promise<boolean> {
  const hex = typeof signature === 'string' && /^0x[0-9a-fA-F]+$/.test(signature) ? (signature as Hex) : undefined
  if (!hex) return false
  try {
    const args = { address, message, signature: hex }
    return context.verifier ? await context.verifier.verifyMessage(args) : await verifyMessage(args)
  } catch {
    // A malformed signature (wrong length, bad recovery byte) is simply not a valid one.
    return false
  }
}
