// The one counting wallet of the test suite: signs SIWE messages with real local keys (no RPC) and records every
// prompt, so a test can say "1 prompt" and mean it. Use it wherever a test counts signatures.
import type { Address, Hex } from 'viem'
import { type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts'

/** Two fixed test accounts (keys from the usual dev mnemonic): stable addresses make failures readable. */
export const alice = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d')
export const bob = privateKeyToAccount('0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a')

export type SignRequest = { message: string; address: Address; chainId: number }

export type CountingWallet = {
  /** A `SignMessageFn`: signs with the key of `address`, after `respond` (if any) decided how to answer. */
  signMessage(request: SignRequest): Promise<Hex>
  /** Every prompt, in order: the address asked to sign and the message. */
  prompts: SignRequest[]
  /** The addresses asked to sign, in order (one per prompt). */
  signers: Address[]
  /** How many prompts so far. */
  readonly count: number
}

export type CreateCountingWalletParameters = {
  /** The keys the wallet holds; default alice and bob. */
  accounts?: readonly PrivateKeyAccount[]
  /**
   * Answers a prompt instead of signing at once: throw (a rejection), wait, or call `sign()` for the real signature.
   * Default: sign.
   */
  respond?: (request: SignRequest, sign: () => Promise<Hex>) => Promise<Hex>
}

/**
 * A wallet that counts its prompts.
 * @example const wallet = createCountingWallet(); createSessionStore({ baseUrl, signMessage: wallet.signMessage }); expect(wallet.count).toBe(1)
 */
export function createCountingWallet({ accounts = [alice, bob], respond }: CreateCountingWalletParameters = {}): CountingWallet {
  const prompts: SignRequest[] = []
  const signers: Address[] = []
  async function signMessage(request: SignRequest): Promise<Hex> {
    prompts.push(request)
    signers.push(request.address)
    const account = accounts.find((candidate) => candidate.address.toLowerCase() === request.address.toLowerCase())
    if (!account) throw new Error(`The counting wallet holds no key for ${request.address}.`)
    const sign = () => account.signMessage({ message: request.message })
    return respond ? respond(request, sign) : sign()
  }
  return {
    signMessage,
    prompts,
    signers,
    get count() {
      return prompts.length
    },
  }
}
