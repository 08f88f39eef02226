// Benchmark: signatures of smart-contract wallets, checked on an in-process chain (ganache), and what that costs
// EOAs. 1. EOA verify throughput with a chain configured against the same server without one, alternating
// blocks in this process: recovering first means the EOA path never asks the chain (0 RPC calls is a budget,
// the ratio ≥ 0.85 too). 2. Verify latency of a deployed EIP-1271 wallet, an undeployed EIP-6492 one and the
// Safe fallback (nonce + verify in-process; the chain's own work is most of it): reported, with a loose budget.
// 3. The chain's cold start (ganache init + three deployments), reported.
import { createPublicClient, custom, type EIP1193RequestFn, type LocalAccount } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { createSiweMessage } from 'viem/siwe'
import { createAgoraServer } from '../../src/server/createAgoraServer.js'
import type { AgoraServer } from '../../src/server/types.js'
import { localSmartAccount } from '../../src/testing/localSmartAccount.js'
import { deploySmartWallets } from '../chain/deploySmartWallets.js'
import { startChain } from '../chain/startChain.js'

const CHAIN_ID = 31337
const BLOCKS = 10
const BLOCK = 50
const LATENCY_RUNS = 30
const HIGH_LIMIT = { capacity: 1_000_000_000, refillPerSecond: 1_000_000 }
/** Budget: EOAs never reach the chain, and lose at most 15 % (noise) to a configured chain; a contract wallet verifies in under a second (p95). */
const BUDGET = { eoaRpcCalls: 0, eoaWithChainToWithout: 0.85, contractP95Ms: 1000 }

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

async function nonceOf(server: AgoraServer): Promise<string> {
  const response = await server.fetch(new Request('http://localhost/api/v1/auth/nonce'))
  return ((await response.json()) as { nonce: string }).nonce
}

/** Signs a SIWE message for a fresh nonce; the verify request, not yet sent. */
async function signedVerify(server: AgoraServer, account: LocalAccount): Promise<() => Promise<Response>> {
  const message = createSiweMessage({
    domain: 'localhost',
    address: account.address,
    statement: 'Sign in to Agora with Ethereum',
    uri: 'http://localhost',
    version: '1',
    chainId: CHAIN_ID,
    nonce: await nonceOf(server),
    issuedAt: new Date(),
    expirationTime: new Date(Date.now() + 300_000),
  })
  const body = JSON.stringify({ message, signature: await account.signMessage({ message }) })
  return () => server.fetch(new Request('http://localhost/api/v1/auth/verify', { method: 'POST', body }))
}

/** Verifies per second of one block of pre-signed EOA sign-ins. */
async function verifyBlock(server: AgoraServer, accounts: LocalAccount[]): Promise<number> {
  const requests = await Promise.all(accounts.map((account) => signedVerify(server, account)))
  const started = performance.now()
  for (const send of requests) if ((await send()).status !== 200) throw new Error('an EOA sign-in failed')
  return requests.length / ((performance.now() - started) / 1000)
}

export async function run(): Promise<boolean> {
  const coldStart = performance.now()
  const chain = await startChain({ chainId: CHAIN_ID })
  const owner = privateKeyToAccount(generatePrivateKey())
  const wallets = await deploySmartWallets(chain, owner.address)
  const coldSeconds = (performance.now() - coldStart) / 1000
  let rpcCalls = 0
  const request: EIP1193RequestFn = async (args) => {
    rpcCalls++
    return chain.provider.request(args as never)
  }
  const client = createPublicClient({ chain: chain.chain, transport: custom({ request }) })
  const common = { chains: [CHAIN_ID], rateLimit: HIGH_LIMIT, authRateLimit: HIGH_LIMIT }
  const withChain = createAgoraServer({ ...common, rpc: { [CHAIN_ID]: client } })
  const withoutChain = createAgoraServer(common)
  try {
    const accounts = Array.from({ length: BLOCK }, () => privateKeyToAccount(generatePrivateKey()))
    await verifyBlock(withChain, accounts)
    await verifyBlock(withoutChain, accounts)
    rpcCalls = 0
    const rates = { withChain: [] as number[], withoutChain: [] as number[] }
    for (let block = 0; block < BLOCKS; block++) {
      // Alternating which goes first, so a burst of load from other jobs weighs on both alike.
      const chainFirst = block % 2 === 0
      if (chainFirst) rates.withChain.push(await verifyBlock(withChain, accounts))
      rates.withoutChain.push(await verifyBlock(withoutChain, accounts))
      if (!chainFirst) rates.withChain.push(await verifyBlock(withChain, accounts))
    }
    const eoaRpcCalls = rpcCalls
    const ratio = percentile(rates.withChain, 50) / percentile(rates.withoutChain, 50)

    const kinds: [string, LocalAccount][] = [
      ['EIP-1271 (deployed)', localSmartAccount({ owner, address: wallets.deployed })],
      ['EIP-6492 (undeployed)', localSmartAccount({ owner, address: wallets.counterfactual.address, deployment: wallets.counterfactual })],
      ['Safe fallback', localSmartAccount({ owner, address: wallets.safe, scheme: 'safe', chainId: CHAIN_ID })],
    ]
    const latencies: { kind: string; p50: number; p95: number; calls: number }[] = []
    for (const [kind, account] of kinds) {
      const times: number[] = []
      rpcCalls = 0
      for (let index = 0; index < LATENCY_RUNS; index++) {
        const send = await signedVerify(withChain, account)
        const started = performance.now()
        const status = (await send()).status
        times.push(performance.now() - started)
        if (status !== 200) throw new Error(`${kind}: sign-in failed (${status})`)
      }
      latencies.push({ kind, p50: percentile(times, 50), p95: percentile(times, 95), calls: rpcCalls / LATENCY_RUNS })
    }

    console.log(`chain cold start (ganache + 3 deployments): ${coldSeconds.toFixed(1)} s`)
    console.log(
      `EOA verifies/s, median of ${BLOCKS} blocks: ${percentile(rates.withChain, 50).toFixed(0)} with a chain configured, ` +
        `${percentile(rates.withoutChain, 50).toFixed(0)} without (ratio ${ratio.toFixed(2)}, budget ≥ ${BUDGET.eoaWithChainToWithout}); ` +
        `RPC calls on the EOA path: ${eoaRpcCalls} (budget ${BUDGET.eoaRpcCalls})`,
    )
    for (const { kind, p50, p95, calls } of latencies)
      console.log(`contract-wallet verify, ${kind}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ${calls} RPC calls each (budget p95 < ${BUDGET.contractP95Ms} ms)`)
    return eoaRpcCalls === BUDGET.eoaRpcCalls && ratio >= BUDGET.eoaWithChainToWithout && latencies.every(({ p95 }) => p95 < BUDGET.contractP95Ms)
  } finally {
    await chain.close()
  }
}

