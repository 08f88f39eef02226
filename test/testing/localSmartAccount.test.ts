import { type Hex, hashMessage, hashTypedData, isErc6492Signature, parseErc6492Signature, recoverAddress, recoverMessageAddress } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { describe, expect, it } from 'vitest'
import { localSmartAccount } from '../../src/testing/localSmartAccount.js'
import { localWallet } from '../../src/testing/localWallet.js'

// Offline: what each scheme signs. That the contracts accept these signatures is tested on a chain in
// test/integration/smartWalletServer.test.ts.
const owner = privateKeyToAccount(generatePrivateKey())
const wallet: Hex = '0x1111111111111111111111111111111111111111'
const factory: Hex = '0x2222222222222222222222222222222222222222'

describe('localSmartAccount', () => {
  it("has the contract's address and signs messages with its owner's key (EIP-1271)", async () => {
    const account = localSmartAccount({ owner, address: wallet })
    expect(account.address).toBe(wallet)
    const signature = await account.signMessage({ message: 'hello' })
    expect(await recoverMessageAddress({ message: 'hello', signature })).toBe(owner.address)
  })

  it('wraps signatures per EIP-6492 when the wallet is not deployed yet', async () => {
    const account = localSmartAccount({ owner, address: wallet, deployment: { factory, factoryData: '0xabcd' } })
    const signature = await account.signMessage({ message: 'hello' })
    expect(isErc6492Signature(signature)).toBe(true)
    const inner = parseErc6492Signature(signature)
    expect(inner).toMatchObject({ address: factory, data: '0xabcd' })
    expect(await recoverMessageAddress({ message: 'hello', signature: inner.signature })).toBe(owner.address)
  })

  it("signs Safe's EIP-712 SafeMessage of the message hash under the wallet's domain with scheme 'safe'", async () => {
    const account = localSmartAccount({ owner, address: wallet, scheme: 'safe', chainId: 10 })
    const signature = await account.signMessage({ message: 'hello' })
    const safeMessageHash = hashTypedData({
      domain: { chainId: 10, verifyingContract: wallet },
      types: { SafeMessage: [{ name: 'message', type: 'bytes' }] },
      primaryType: 'SafeMessage',
      message: { message: hashMessage('hello') },
    })
    expect(await recoverAddress({ hash: safeMessageHash, signature })).toBe(owner.address)
    // …and not the message itself: the standard EIP-1271 check with the EIP-191 hash does not see the owner.
    expect(await recoverMessageAddress({ message: 'hello', signature })).not.toBe(owner.address)
  })

  it('refuses what a contract wallet cannot do, and a Safe without its chain', async () => {
    expect(() => localSmartAccount({ owner, address: wallet, scheme: 'safe' })).toThrow(TypeError)
    await expect(localSmartAccount({ owner, address: wallet }).signTransaction({ to: wallet })).rejects.toThrow(/contract wallet/)
  })

  it('localWallet({ account }) exposes the contract address and answers personal_sign with its signature', async () => {
    const connector = localWallet({ account: localSmartAccount({ owner, address: wallet }) })
    expect(await connector.provider.request({ method: 'eth_requestAccounts' })).toEqual([wallet])
    const signature = (await connector.provider.request({ method: 'personal_sign', params: ['0x68656c6c6f', wallet] })) as Hex
    expect(await recoverMessageAddress({ message: 'hello', signature })).toBe(owner.address)
  })
})
