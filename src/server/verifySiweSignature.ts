import {
  type Address,
  type Client,
  concatHex,
  encodeAbiParameters,
  type Hex,
  hashMessage,
  isAddressEqual,
  keccak256,
  recoverAddress,
  stringToHex,
} from 'viem'
import { getCode, readContract, verifyHash } from 'viem/actions'
import type { ServerContext } from './context.js'
import type { SignatureVerifier } from './types.js'

/**
 * What `verifySiweSignature` checks: the signer, the exact signed text and the signature as sent, with the message's
 * chain id (already parsed by the caller: the chain to ask when the signer is a contract wallet).
 */
export type VerifySiweSignatureParameters = { address: Address; message: string; signature: unknown; chainId: number }

/** EIP-1271's answer for a valid signature: `bytes4(keccak256("isValidSignature(bytes32,bytes)"))`. */
const EIP1271_MAGIC_VALUE = '0x1626ba7e'

/** Safe's EIP-712 type for an off-chain message. */
const SAFE_MESSAGE_TYPEHASH = keccak256(stringToHex('SafeMessage(bytes message)'))

const safeAbi = [
  { type: 'function', name: 'domainSeparator', stateMutability: 'view', inputs: [], outputs: [{ type: 'bytes32' }] },
  {
    type: 'function',
    name: 'isValidSignature',
    stateMutability: 'view',
    inputs: [
      { name: 'hash', type: 'bytes32' },
      { name: 'signature', type: 'bytes' },
    ],
    outputs: [{ type: 'bytes4' }],
  },
] as const

/** Thrown when the chain did not answer in time; the sign-in then fails like any unproven signature. */
class RpcTimeoutError extends Error {
  constructor(milliseconds: number) {
    super(`the RPC did not answer within ${milliseconds} ms`)
    this.name = 'RpcTimeoutError'
  }
}

/**
 * Tells whether `signature` is `address`'s signature over `message` (internal to the server). An EOA's own
 * signature is settled offline by recovering its signer; only when the signer is not `address` (a smart-contract
 * wallet, or a forgery) is the chain of the message asked, as Agora's server does: viem's `verifyMessage`
 * (EIP-1271 for a deployed wallet, EIP-6492 for an undeployed one), then the Safe fallback. The chain gets
 * `rpcTimeout` milliseconds in all; a chain that fails or never answers makes the signature invalid.
 *
 * @example
 * if (!(await verifySiweSignature(context, { address, message, signature, chainId }))) return fail('Invalid SIWE signature.')
 */
export async function verifySiweSignature(
  context: ServerContext,
  { address, message, signature, chainId }: VerifySiweSignatureParameters,
): Promise<boolean> {
  const hex = typeof signature === 'string' && /^0x[0-9a-fA-F]+$/.test(signature) ? (signature as Hex) : undefined
  if (!hex) return false
  // The message's EIP-191 hash, computed once: the recovery, the chain's check and Safe's fallback all start from it.
  const hash = hashMessage(message)
  if (await isSignedBy(address, hash, hex)) return true
  const verifier: Client | SignatureVerifier | undefined = context.rpc.get(chainId) ?? context.verifier
  if (!verifier) return false
  try {
    const check = isClient(verifier) ? verifyOnChain(verifier, { address, hash, signature: hex }) : verifier.verifyMessage({ address, message, signature: hex })
    return await withDeadline(check, context.rpcTimeout)
  } catch (error) {
    // Said on the server's console: to the user it is an invalid signature, as on Agora's server.
    console.warn(`agora-auth server: a contract-wallet signature on chain ${chainId} could not be checked:`, errorText(error))
    return false
  }
}

/** True when the signature's ECDSA signer is `address` itself: an EOA signing for itself needs no chain. */
async function isSignedBy(address: Address, hash: Hex, signature: Hex): Promise<boolean> {
  try {
    return isAddressEqual(await recoverAddress({ hash, signature }), address)
  } catch {
    // Not a 65-byte ECDSA signature (an EIP-6492 wrapper, a Safe's multi-signature): only the chain can tell.
    return false
  }
}

/** A signature over a message's EIP-191 `hash`. */
type SignatureArgs = { address: Address; hash: Hex; signature: Hex }

/** viem's EIP-1271 / EIP-6492 check (`verifyMessage` of the same hash), then Safe's own message hash (agora-next's fallback). */
async function verifyOnChain(client: Client, args: SignatureArgs): Promise<boolean> {
  if (await verifyHash(client, args)) return true
  return isValidSafeSignature(client, args)
}

/**
 * Safe's fallback: a wallet with code is asked `isValidSignature(safeMessageHash, signature)`, where the hash is
 * the EIP-712 `SafeMessage` of the message's EIP-191 hash under the wallet's own `domainSeparator()`.
 */
async function isValidSafeSignature(client: Client, { address, hash, signature }: SignatureArgs): Promise<boolean> {
  const code = await getCode(client, { address })
  if (!code || code === '0x') return false
  try {
    const domainSeparator = await readContract(client, { address, abi: safeAbi, functionName: 'domainSeparator' })
    // `SafeMessage.message` is `bytes` holding the 32-byte hash, so its EIP-712 encoding is the keccak of that hash.
    const structHash = keccak256(encodeAbiParameters([{ type: 'bytes32' }, { type: 'bytes32' }], [SAFE_MESSAGE_TYPEHASH, keccak256(hash)]))
    const safeMessageHash = keccak256(concatHex(['0x1901', domainSeparator, structHash]))
    const answer = await readContract(client, { address, abi: safeAbi, functionName: 'isValidSignature', args: [safeMessageHash, signature] })
    return answer.toLowerCase() === EIP1271_MAGIC_VALUE
  } catch {
    // A wallet that is no Safe reverts on `domainSeparator()` or on the signature: not valid. (The chain itself
    // answered `getCode` a moment ago, and a chain that stops answering is caught by the deadline.)
    return false
  }
}

const isClient = (value: Client | SignatureVerifier): value is Client => 'request' in value && 'transport' in value

/** `work`, or a `RpcTimeoutError` after `milliseconds`; the timer never outlives the answer. */
async function withDeadline<T>(work: Promise<T>, milliseconds: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RpcTimeoutError(milliseconds)), milliseconds)
  })
  try {
    return await Promise.race([work, deadline])
  } finally {
    clearTimeout(timer)
  }
}

const errorText = (error: unknown) => (error instanceof Error ? ((error as { shortMessage?: string }).shortMessage ?? error.message) : String(error))
