// The three kinds of contract wallet the server must accept, for one owner, on a LocalChain.
import { type Address, encodeFunctionData, type Hex, pad } from 'viem'
import { OwnedWallet, SafeStyleWallet, WalletFactory } from './artifacts.js'
import type { LocalChain } from './startChain.js'

/** Addresses of one owner's wallets, and what signs for the undeployed one (EIP-6492). */
export type SmartWallets = {
  /** An EIP-1271 wallet, deployed. */
  deployed: Address
  /** A Safe-style wallet, deployed: only the server's Safe fallback accepts its signatures. */
  safe: Address
  /** The factory of counterfactual wallets. */
  factory: Address
  /** A wallet the factory will deploy: it has no code yet, and signs with EIP-6492 wrapping. */
  counterfactual: { address: Address; factory: Address; factoryData: Hex }
}

/** Deploys a 1271 wallet, a Safe-style wallet and a factory for `owner`, and computes the counterfactual wallet. */
export async function deploySmartWallets(chain: LocalChain, owner: Address, salt = 1n): Promise<SmartWallets> {
  const deployed = await chain.deploy(OwnedWallet, [owner])
  const safe = await chain.deploy(SafeStyleWallet, [owner])
  const factory = await chain.deploy(WalletFactory, [])
  const saltHex = pad(`0x${salt.toString(16)}`, { size: 32 })
  const address = await chain.publicClient.readContract({ address: factory, abi: WalletFactory.abi, functionName: 'walletAddress', args: [owner, saltHex] })
  const factoryData = encodeFunctionData({ abi: WalletFactory.abi, functionName: 'createWallet', args: [owner, saltHex] })
  return { deployed, safe, factory, counterfactual: { address, factory, factoryData } }
}
