import { verifyMessage } from 'viem'
import { base, optimism } from 'viem/chains'
import { describe, expect, it } from 'vitest'
import { connect, getBalance, getConnection, signMessage } from 'wagmi/actions'
import { DEMO_ACCOUNTS } from '../../src/testing/demoAccounts.js'
import { localWagmiConfig } from '../../src/testing/localWagmiConfig.js'

describe('localWagmiConfig', () => {
  it('connects and signs offline on the first chain', async () => {
    const { config, wallet } = localWagmiConfig({ privateKey: DEMO_ACCOUNTS.citizen.privateKey })
    await connect(config, { connector: config.connectors[0]! })
    expect(getConnection(config)).toMatchObject({ status: 'connected', address: DEMO_ACCOUNTS.citizen.address, chainId: optimism.id })
    const signature = await signMessage(config, { message: 'hello' })
    expect(await verifyMessage({ address: DEMO_ACCOUNTS.citizen.address, message: 'hello', signature })).toBe(true)
    expect(wallet.signatureCount).toBe(1)
  })

  it('starts on the first of the given chains, and a chain read fails loudly instead of reaching a network', async () => {
    const { config } = localWagmiConfig({ privateKey: DEMO_ACCOUNTS.reader.privateKey, wagmiChains: [base, optimism] })
    await connect(config, { connector: config.connectors[0]! })
    expect(getConnection(config).chainId).toBe(base.id)
    await expect(getBalance(config, { address: DEMO_ACCOUNTS.reader.address })).rejects.toThrow(/has no RPC node/)
  })
})
