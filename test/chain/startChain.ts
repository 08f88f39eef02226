// An EVM chain inside the test process: ganache 7.9's EIP-1193 provider, no port, no binary, no network.
// Chosen because it is tried and working here (see /work/shared/toolchain.md): hardhat 3 needs its EDR native
// package and downloads solc, anvil/prool download a binary, tevm and @ethereumjs/vm were not tried offline.
import ganache from 'ganache'
import {
  type Abi,
  type Address,
  type Chain,
  type ContractConstructorArgs,
  createPublicClient,
  createWalletClient,
  custom,
  defineChain,
  getAddress,
  type EIP1193RequestFn,
  type Hex,
  type PublicClient,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

/** Pays for deployments only (Anvil's tenth development key): wallet owners need no ether. */
const DEPLOYER_KEY: Hex = '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6'

/** A chain in this process, with a viem client on it and a way to deploy compiled contracts. */
export type LocalChain = {
  chain: Chain
  /** The chain's EIP-1193 provider; give servers a client over it (`custom(provider)`), or a counting wrapper. */
  provider: { request: EIP1193RequestFn }
  publicClient: PublicClient
  /** Deploys a contract from the deployer key and waits for it; its address. */
  deploy<const abi extends Abi>(contract: { abi: abi; bytecode: Hex }, args: ContractConstructorArgs<abi>): Promise<Address>
  close(): Promise<void>
}

/** Starts a fresh chain with `chainId` (default 31337, Anvil's, one of the server's default chains). */
export async function startChain({ chainId = 31337 }: { chainId?: number } = {}): Promise<LocalChain> {
  const provider = ganache.provider({
    chain: { chainId, hardfork: 'shanghai' },
    // One funded account instead of ten derived from a mnemonic: the derivation is most of ganache's start-up.
    wallet: { accounts: [{ secretKey: DEPLOYER_KEY, balance: '0x3635c9adc5dea00000' }] },
    logging: { quiet: true },
  })
  const chain = defineChain({
    id: chainId,
    name: `Local chain ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [] } },
  })
  const request = provider.request.bind(provider) as unknown as EIP1193RequestFn
  const publicClient = createPublicClient({ chain, transport: custom({ request }), pollingInterval: 10 })
  const walletClient = createWalletClient({ chain, account: privateKeyToAccount(DEPLOYER_KEY), transport: custom({ request }) })
  return {
    chain,
    provider: { request },
    publicClient,
    async deploy(contract, args) {
      const hash = await walletClient.deployContract({ abi: contract.abi, bytecode: contract.bytecode, args } as never)
      const receipt = await publicClient.waitForTransactionReceipt({ hash })
      if (!receipt.contractAddress || receipt.status !== 'success') throw new Error(`deployment failed: ${hash}`)
      return getAddress(receipt.contractAddress)
    },
    close: () => provider.disconnect(),
  }
}
