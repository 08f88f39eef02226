import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileContracts } from './compileContracts.js'
import { ARTIFACTS_FILE, renderArtifacts } from './writeArtifacts.js'

describe('contract artifacts', () => {
  it('are what solc compiles from contracts/*.sol today (run `npm run contracts` after editing a contract)', () => {
    expect(readFileSync(ARTIFACTS_FILE, 'utf8')).toBe(renderArtifacts(compileContracts()))
  }, 60_000)

  it('a changed source gives different bytecode, so the check above cannot pass on stale artifacts', () => {
    const sources = { 'OwnedWallet.sol': readFileSync(new URL('../../contracts/OwnedWallet.sol', import.meta.url), 'utf8') }
    const changed = { 'OwnedWallet.sol': sources['OwnedWallet.sol'].replace('0xffffffff', '0xfffffffe') }
    expect(compileContracts(changed).OwnedWallet!.bytecode).not.toBe(compileContracts(sources).OwnedWallet!.bytecode)
  }, 60_000)
})
