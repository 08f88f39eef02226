import { createSiweMessage } from 'viem/siwe'
import { describe, expect, it } from 'vitest'
import { parseAgoraSiweMessage } from '../../src/server.js'

const base = {
  domain: 'api.agora.test',
  address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  statement: 'Sign in to Agora with Ethereum',
  uri: 'https://api.agora.test/login',
  version: '1',
  chainId: 10,
  nonce: 'abcdEFGH1234',
  issuedAt: new Date('2026-01-01T00:00:00.000Z'),
  expirationTime: new Date('2026-01-01T00:05:00.000Z'),
} as const

describe('parseAgoraSiweMessage', () => {
  it('reads every field viem writes, including the optional ones', () => {
    const text = createSiweMessage({ ...base, scheme: 'https', notBefore: new Date('2026-01-01T00:01:00.000Z'), requestId: 'r-1', resources: ['ipfs://a', 'https://b.test/x'] })
    expect(parseAgoraSiweMessage(text)).toEqual({
      ...base,
      notBefore: new Date('2026-01-01T00:01:00.000Z'),
      requestId: 'r-1',
      resources: ['ipfs://a', 'https://b.test/x'],
    })
  })

  it('reads a message without a statement and one without a nonce', () => {
    const text = createSiweMessage({ ...base, statement: undefined })
    expect(parseAgoraSiweMessage(text)?.statement).toBeUndefined()
    expect(parseAgoraSiweMessage(createSiweMessage(base).replace('\nNonce: abcdEFGH1234', ''))?.nonce).toBeUndefined()
  })

  it('refuses what is not an EIP-4361 message with both times', () => {
    const text = createSiweMessage(base)
    for (const bad of [
      '',
      text.replace(/\nExpiration Time: .+/, ''),
      text.replace(/\nIssued At: .+/, ''),
      text.replace('Issued At: 2026-01-01T00:00:00.000Z', 'Issued At: yesterday'),
      text.replace('Chain ID: 10', 'Chain ID: ten'),
      text.replace('Version: 1', 'Version: 2'),
      text.replace('Nonce: abcdEFGH1234', 'Nonce: short'),
      text.replace('URI: https://api.agora.test/login', 'URI: not a uri'),
      text.replace('wants you to sign in', 'wants you to log in'),
      text.replace(base.address, '0x1234'),
      `${text}\n`,
      text.replace('\n\nURI', '\nURI'),
      text.split('\n').reverse().join('\n'),
    ]) {
      expect(parseAgoraSiweMessage(bad), bad).toBeUndefined()
    }
  })
})
