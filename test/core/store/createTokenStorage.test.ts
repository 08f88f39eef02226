// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createTokenStorage } from '../../../src/core/store/createTokenStorage.js'
import type { StorageAdapter } from '../../../src/core/store/types.js'
import { alice } from '../../helpers/countingWallet.js'
import { signToken } from '../../helpers/tokens.js'
import { A, baseUrl, defaultRules as rules, keyOf, notSessionsOfA, spyStorage } from './helpers.js'

describe('createTokenStorage', () => {
  it('keys one entry per API, account (any case) and chain', () => {
    const tokens = createTokenStorage(baseUrl, 'memory')
    expect(tokens.namespace).toBe(`agora-auth:${baseUrl}`)
    expect(tokens.keyOf(A)).toBe(`agora-auth:${baseUrl}:${alice.address.toLowerCase()}:10`)
    expect(tokens.keyOf({ ...A, address: alice.address.toLowerCase() as `0x${string}` })).toBe(tokens.keyOf(A))
    expect(tokens.keyOf({ ...A, chainId: 1 })).not.toBe(tokens.keyOf(A))
    expect(createTokenStorage('https://other.test/api/v1').keyOf(A)).not.toBe(tokens.keyOf(A))
  })

  it('reads back the owner a key names, and nothing from keys of another API or none of ours', () => {
    const tokens = createTokenStorage(baseUrl)
    expect(tokens.ownerOf(tokens.keyOf(A))).toEqual({ address: alice.address.toLowerCase(), chainId: 10 })
    expect(tokens.ownerOf(`agora-auth:https://other.test/api/v1:${alice.address.toLowerCase()}:10`)).toBeUndefined()
    expect(tokens.ownerOf('unrelated')).toBeUndefined()
    expect(tokens.ownerOf(`${tokens.namespace}:`)).toBeUndefined()
  })

  it('opens no storage until it is used', () => {
    const spy = spyStorage()
    const tokens = createTokenStorage(baseUrl, spy.storage)
    expect(spy.log).toEqual([])
    tokens.write(A, 'token')
    expect(spy.log).toEqual([`set ${keyOf(A)}`])
  })

  it('writes, restores and removes a usable session', async () => {
    const spy = spyStorage()
    const tokens = createTokenStorage(baseUrl, spy.storage)
    const token = await signToken({ address: alice.address })
    tokens.write(A, token)
    expect(tokens.restore(A, rules)?.token).toBe(token)
    tokens.write(A, null)
    expect(spy.inner.get(keyOf(A))).toBeNull()
    expect(tokens.restore(A, rules)).toBeUndefined()
  })

  it.each(notSessionsOfA)('restores nothing from %s, and removes it', async (_, make) => {
    const spy = spyStorage()
    spy.inner.set(keyOf(A), await make())
    const tokens = createTokenStorage(baseUrl, spy.storage)
    expect(tokens.restore(A, rules)).toBeUndefined()
    expect(spy.inner.get(keyOf(A))).toBeNull()
  })

  it('is best effort: a storage that throws reads as empty and never throws', () => {
    const broken: StorageAdapter = {
      get() {
        throw new Error('SecurityError')
      },
      set() {
        throw new Error('QuotaExceededError')
      },
      remove() {
        throw new Error('nope')
      },
    }
    const tokens = createTokenStorage(baseUrl, broken)
    expect(() => tokens.write(A, 'token')).not.toThrow()
    expect(() => tokens.write(A, null)).not.toThrow()
    expect(tokens.restore(A, rules)).toBeUndefined()
  })

  it("falls back to memory where there is no web storage ('local' and 'session' in Node)", async () => {
    const token = await signToken({ address: alice.address })
    for (const storage of ['local', 'session'] as const) {
      const tokens = createTokenStorage(baseUrl, storage)
      tokens.write(A, token)
      expect(tokens.restore(A, rules)?.token).toBe(token)
    }
  })
})
