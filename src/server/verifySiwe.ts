import type { Address } from 'viem'
import { AGORA_SIWE_STATEMENT } from '../core/siwe/createAgoraSiweMessage.js'
import { checkSiweDates } from './checkSiweDates.js'
import type { ServerContext } from './context.js'
import { parseAgoraSiweMessage } from './parseAgoraSiweMessage.js'
import { signAgoraJwt } from './signAgoraJwt.js'
import { verifySiweSignature } from './verifySiweSignature.js'

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
  // Parsed as the `siwe` package does: a non-checksummed address or a short or missing nonce never gets further.
  const message = parseAgoraSiweMessage(input.message)
  if (!message) return fail('Invalid SIWE message.')
  const address = message.address as Address
  const sentAddress = input.address
  const differsFromSent = sentAddress !== undefined && (typeof sentAddress !== 'string' || sentAddress.toLowerCase() !== address.toLowerCase())
  if (differsFromSent) return fail('SIWE address mismatch.')
  if (message.statement !== AGORA_SIWE_STATEMENT) return fail('Unexpected SIWE statement.')
  const ownHost = host.toLowerCase()
  if (message.domain.toLowerCase() !== ownHost) return fail('SIWE domain mismatch.')
  if (hostOf(message.uri)?.toLowerCase() !== ownHost) return fail('SIWE URI host mismatch.')
  const isKnownChain = Number.isSafeInteger(message.chainId) && message.chainId > 0 && context.chains.has(message.chainId)
  if (!isKnownChain) return fail('Invalid SIWE chain id.')
  const now = context.now()
  const dateProblem = checkSiweDates(message, now)
  if (dateProblem) return fail(dateProblem)
  const valid = await verifySiweSignature(context, { address, message: input.message, signature: input.signature, chainId: message.chainId })
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
