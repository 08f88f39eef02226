// @vitest-environment node
import { SiweMessage } from 'siwe'
import { getAddress } from 'viem'
import { parseSiweMessage } from 'viem/siwe'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AGORA_SIWE_STATEMENT, createAgoraSiweMessage } from '../../../src/core/siwe/createAgoraSiweMessage.js'
import { alice } from '../../helpers/countingWallet.js'

const address = alice.address
const issuedAt = new Date('2026-11-23T01:00:00.000Z')

const cases = [
  { baseUrl: 'https://vote.optimism.io/api/v1', address, chainId: 10, nonce: 'abcdef1234' },
  { baseUrl: 'http://localhost:8787/api/v1/', address: address.toLowerCase() as `0x${string}`, chainId: 1, nonce: 'Nonce12345678' },
  { baseUrl: 'http://127.0.0.1:3000', address, chainId: 8453, nonce: 'ZZZZZZZZ', expirationTime: 60, requestId: 'req-1' },
  {
    baseUrl: 'https://api.example.org:8443/deep/path/api/v1?x=1',
    address,
    chainId: 11155420,
    nonce: 'q1w2e3r4t5y6',
    resources: ['https://vote.optimism.io/tos', 'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi'],
    notBefore: new Date('2026-11-23T01:00:30.000Z'),
  },
  { baseUrl: 'https://agora.xyz', address, chainId: 10, nonce: 'abcdefgh', statement: 'Custom words', domain: 'app.agora.xyz', uri: 'https://app.agora.xyz/login' },
]

describe('createAgoraSiweMessage', () => {
  it.each(cases)('parses identically under the siwe package and viem ($baseUrl)', (input) => {
    const message = createAgoraSiweMessage({ issuedAt, ...input })
    const url = new URL(input.baseUrl)
    const expected = {
      domain: input.domain ?? url.host,
      address: getAddress(input.address),
      statement: input.statement ?? AGORA_SIWE_STATEMENT,
      uri: input.uri ?? url.origin,
      version: '1',
      chainId: input.chainId,
      nonce: input.nonce,
      issuedAt: issuedAt.toISOString(),
      expirationTime: new Date(issuedAt.getTime() + (input.expirationTime ?? 600) * 1000).toISOString(),
      notBefore: input.notBefore?.toISOString(),
      requestId: input.requestId,
      resources: input.resources,
    }
    // The reference implementation (siwe + ethers) as the oracle.
    const oracle = new SiweMessage(message)
    expect({
      domain: oracle.domain,
      address: oracle.address,
      statement: oracle.statement,
      uri: oracle.uri,
      version: oracle.version,
      chainId: oracle.chainId,
      nonce: oracle.nonce,
      issuedAt: oracle.issuedAt,
      expirationTime: oracle.expirationTime,
      notBefore: oracle.notBefore,
      requestId: oracle.requestId,
      resources: oracle.resources,
    }).toEqual(expected)
    // And the oracle prints it back byte for byte.
    expect(oracle.prepareMessage()).toBe(message)

    const parsed = parseSiweMessage(message)
    expect({
      ...parsed,
      issuedAt: parsed.issuedAt?.toISOString(),
      expirationTime: parsed.expirationTime?.toISOString(),
      notBefore: parsed.notBefore?.toISOString(),
    }).toEqual(Object.fromEntries(Object.entries(expected).filter(([, value]) => value !== undefined)))
  })

  it('defaults issuedAt to now and expires 600 s later', () => {
    const before = Date.now()
    const parsed = parseSiweMessage(createAgoraSiweMessage(cases[0]!))
    expect(parsed.issuedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(parsed.expirationTime!.getTime() - parsed.issuedAt!.getTime()).toBe(600_000)
  })

  it.each([0, -1, 601, Number.NaN])('refuses expirationTime %s with a TypeError', (expirationTime) => {
    expect(() => createAgoraSiweMessage({ ...cases[0]!, expirationTime })).toThrow(TypeError)
  })

  describe('with a relative baseUrl', () => {
    afterEach(() => vi.unstubAllGlobals())

    it("defaults domain and uri to the page's host and origin", () => {
      vi.stubGlobal('location', { origin: 'https://app.example:8443' })
      const parsed = parseSiweMessage(createAgoraSiweMessage({ ...cases[0]!, baseUrl: '/api/v1' }))
      expect(parsed).toMatchObject({ domain: 'app.example:8443', uri: 'https://app.example:8443' })
    })

    it('is a TypeError where there is no page', () => {
      expect(() => createAgoraSiweMessage({ ...cases[0]!, baseUrl: '/api/v1' })).toThrow(TypeError)
    })
  })
})
