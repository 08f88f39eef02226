import { getAddress, type Address } from 'viem'
import { AGORA_SIWE_STATEMENT } from '../core/siwe/createAgoraSiweMessage.js'
import type { ServerContext } from './context.js'
import { parseAgoraSiweMessage } from './parseAgoraSiweMessage.js'
import { signAgoraJwt } from './signAgoraJwt.js'
import { verifySiweSignature } from './verifySiweSignature.js'

/** The longest span between `Issued At` and `Expiration Time` the server accepts, in seconds. */
export const MAX_SIWE_TTL = 600

/** The outcome of `auth/verify`: a token, or the exact reason string of a 401. */
export type VerifySiweResult =
  | { ok: true; accessToken: string; expiresIn: number; address: Address }
  | { ok: false; reason: string }

const hostOf = (uri: string) => {
  try {
    return new URL(uri).host
  } catch {
    return undefined
  }
}

/**
 * Runs every check of contract A's `auth/verify` in the real server's order, consuming the nonce only when
 * everything before it passed (internal to the server; exported for unit tests).
 */
export async function verifySiwe(
  context: ServerContext,
  input: { message: unknown; signature: unknown; address?: unknown },
  host: string,
): Promise<VerifySiweResult> {
  const fail = (reason: string): VerifySiweResult => ({ ok: false, reason })
  if (typeof input.message !== 'string') return fail('Invalid SIWE message.')
  const message = parseAgoraSiweMessage(input.message)
  if (!message) return fail('Invalid SIWE message.')
  // A non-checksummed address, or one that differs from the `address` the client sent beside the message.
  let address: Address
  try {
    address = getAddress(message.address)
  } catch {
    return fail('SIWE address mismatch.')
  }
  if (address !== message.address) return fail('SIWE address mismatch.')
  if (input.address !== undefined && (typeof input.address !== 'string' || input.address.toLowerCase() !== address.toLowerCase()))
    return fail('SIWE address mismatch.')
  if (message.statement !== AGORA_SIWE_STATEMENT) return fail('Unexpected SIWE statement.')
  const ownHost = host.toLowerCase()
  if (message.domain.toLowerCase() !== ownHost) return fail('SIWE domain mismatch.')
  if (hostOf(message.uri)?.toLowerCase() !== ownHost) return fail('SIWE URI host mismatch.')
  if (!(message.chainId > 0) || !context.chains.has(message.chainId)) return fail('Invalid SIWE chain id.')
  const now = context.now()
  if (message.notBefore && message.notBefore.getTime() > now) return fail('SIWE message is not active yet.')
  if (message.expirationTime.getTime() <= now) return fail('SIWE message expired.')
  if (message.expirationTime.getTime() - message.issuedAt.getTime() > MAX_SIWE_TTL * 1000) return fail('SIWE message TTL is too long.')
  if (!message.nonce) return fail('Missing SIWE nonce.')
  const valid = await verifySiweSignature(context, { address, message: input.message, signature: input.signature })
  if (!valid) return fail('Invalid SIWE signature.')
  // Only now is the nonce spent: a message that fails any check above leaves it usable.
  const consumed = await context.nonceStore.consume(message.nonce)
  if (consumed === 'used') return fail('SIWE nonce already used.')
  if (consumed === 'unknown') return fail('Unknown or expired SIWE nonce.')
  if (consumed.host.toLowerCase() !== ownHost) return fail('SIWE nonce host mismatch.')
  const roles = await context.resolveRoles(address)
  const accessToken = await signAgoraJwt({
    address,
    roles,
    chainId: message.chainId,
    nonce: message.nonce,
    secret: context.jwtSecret,
    issuedAt: Math.floor(now / 1000),
    ttl: context.jwtTtl,
  })
  return { ok: true, accessToken, expiresIn: context.jwtTtl, address }
}
