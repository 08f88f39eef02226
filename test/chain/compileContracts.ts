// Compiles contracts/*.sol with the `solc` npm package (the wasm compiler: offline, no download at run time).
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { Abi, Hex } from 'viem'

/** The folder the Solidity sources live in. */
export const CONTRACTS_DIR = fileURLToPath(new URL('../../contracts/', import.meta.url))

/** ganache 7.9 runs up to Shanghai; solc 0.8.30 targets Prague by default (opcodes ganache does not know). */
export const EVM_VERSION = 'shanghai'

/** What a test needs of a compiled contract. */
export type CompiledContract = { abi: Abi; bytecode: Hex }

type SolcOutput = {
  errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string }[]
  contracts: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>
}

/** The Solidity sources by file name, read from contracts/. */
export function readContractSources(): Record<string, string> {
  const files = readdirSync(CONTRACTS_DIR).filter((name) => name.endsWith('.sol')).sort()
  return Object.fromEntries(files.map((name) => [name, readFileSync(CONTRACTS_DIR + name, 'utf8')]))
}

/** Compiles every source; throws with solc's messages when any is an error. Contracts by name. */
export function compileContracts(sources = readContractSources()): Record<string, CompiledContract> {
  // solc is CommonJS and large: loaded only when something actually compiles.
  const solc = createRequire(import.meta.url)('solc') as { compile(input: string): string }
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(Object.entries(sources).map(([name, content]) => [name, { content }])),
    settings: {
      evmVersion: EVM_VERSION,
      optimizer: { enabled: true, runs: 200 },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  }
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput
  const errors = (output.errors ?? []).filter((error) => error.severity === 'error')
  if (errors.length) throw new Error(`solc: ${errors.map((error) => error.formattedMessage).join('\n')}`)
  const compiled: Record<string, CompiledContract> = {}
  for (const contracts of Object.values(output.contracts))
    for (const [name, { abi, evm }] of Object.entries(contracts)) compiled[name] = { abi, bytecode: `0x${evm.bytecode.object}` }
  return compiled
}
