import { type Address, getAddress, type Hex, hashMessage, type LocalAccount, serializeErc6492Signature, type SignableMessage } from 'viem'
import { privateKeyToAccount, toAccount } from 'viem/accounts'

export type LocalSmartAccountParameters = {
  /** The key (or viem local account) that owns the contract wallet and signs for it. */
  owner: Hex | LocalAccount
  /** The contract wallet's address, deployed or not yet. */
  address: Address
  /**
   * How the wallet checks a signature. `'erc1271'` (default): the owner's signature of the message, as the
   * wallet's `isValidSignature(hash, signature)` expects. `'safe'`: the owner signs Safe's EIP-712
   * `SafeMessage` of the message's hash under the wallet's domain (`chainId` + address), as a Safe owner does.
   */
  scheme?: 'erc1271' | 'safe'
  /** The chain the wallet lives on; needed by `scheme: 'safe'` (Safe's domain names it). */
  chainId?: number
  /**
   * For a wallet not deployed yet: its factory and the calldata that deploys it. Signatures are then wrapped per
   * EIP-6492, so a verifier can deploy the wallet in a simulation and ask it. Default: the wallet is deployed.
   */
  deployment?: { factory: Address; factoryData: Hex }
}

/**
 * A viem account for a smart-contract wallet owned by a local key: give it to `localWallet({ account })` and the
 * wallet signs in as the contract (EIP-1271; EIP-6492 when not yet deployed; Safe's message hash with `'safe'`).
 * @example
 * const account = localSmartAccount({ owner: DEMO_ACCOUNTS.badgeholder.privateKey, address: walletAddress })
 * const { config } = localWagmiConfig({ account })
 */
export function localSmartAccount(parameters: LocalSmartAccountParameters): LocalAccount {
  const { address, scheme = 'erc1271', chainId, deployment } = parameters
  if (scheme === 'safe' && chainId === undefined) throw new TypeError("localSmartAccount: scheme 'safe' needs a `chainId`.")
  const owner = typeof parameters.owner === 'string' ? privateKeyToAccount(parameters.owner) : parameters.owner
  const wrapForDeployment = (signature: Hex) =>
    deployment ? serializeErc6492Signature({ address: deployment.factory, data: deployment.factoryData, signature }) : signature
  const signAsOwner = (message: SignableMessage) =>
    scheme === 'safe'
      ? owner.signTypedData({
          domain: { chainId, verifyingContract: address },
          types: { SafeMessage: [{ name: 'message', type: 'bytes' }] },
          primaryType: 'SafeMessage',
          message: { message: hashMessage(message) },
        })
      : owner.signMessage({ message })
  return toAccount({
    address: getAddress(address),
    async signMessage({ message }) {
      return wrapForDeployment(await signAsOwner(message))
    },
    async signTypedData(typedData) {
      return wrapForDeployment(await owner.signTypedData(typedData))
    },
    async signTransaction() {
      throw new Error('localSmartAccount: a contract wallet sends transactions through its owner or a bundler, not by signing them.')
    },
  })
}
