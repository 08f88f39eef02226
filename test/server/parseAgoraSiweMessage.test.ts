// @vitest-environment node
// The real server parses with the `siwe` package; here it is the oracle for what parses (it runs in Node only).
import { SiweMessage } from 'siwe'
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
const text = createSiweMessage(base)
const expiration = 'Expiration Time: 2026-01-01T00:05:00.000Z'
const issued = 'Issued At: 2026-01-01T00:00:00.000Z'

const siweParses = (message: string) => {
  try {
    return new SiweMessage(message) instanceof SiweMessage
  } catch {
    // The oracle refuses the message: that is the answer.
    return false
  }
}

/** Messages on both sides of every rule issue 10 and issue 11 (dates) name, and the ordinary variations. */
const CASES: Record<string, string> = {
  'as viem writes it': text,
  'with every optional field': createSiweMessage({ ...base, scheme: 'https', notBefore: new Date('2026-01-01T00:01:00.000Z'), requestId: 'r-1', resources: ['ipfs://a'] }),
  'without a statement': createSiweMessage({ ...base, statement: undefined }),
  'an all-lowercase (non-EIP-55) address': text.replace(base.address, base.address.toLowerCase()),
  'a nonce of 7 alphanumerics': text.replace(base.nonce, 'abcdEFG'),
  'a nonce of exactly 8': text.replace(base.nonce, 'abcdEFGH'),
  'a nonce with a dash': text.replace(base.nonce, 'abcd-EFGH1234'),
  'no nonce line': text.replace(`\nNonce: ${base.nonce}`, ''),
  'Chain ID: 0': text.replace('Chain ID: 10', 'Chain ID: 0'),
  'no Expiration Time': text.replace(`\n${expiration}`, ''),
  'Chain ID: 0 and no Expiration Time': text.replace('Chain ID: 10', 'Chain ID: 0').replace(`\n${expiration}`, ''),
  'no Issued At': text.replace(`\n${issued}`, ''),
  'an impossible expiration (2026-11-31)': text.replace(expiration, 'Expiration Time: 2026-11-31T00:05:00.000Z'),
  'an impossible issue date (2026-02-29)': text.replace(issued, 'Issued At: 2026-02-29T00:00:00.000Z'),
  'a leap day (2024-02-29)': text.replace(issued, 'Issued At: 2024-02-29T00:00:00.000Z'),
  'hour 25': text.replace(expiration, 'Expiration Time: 2026-01-01T25:05:00.000Z'),
  'an offset instead of Z': text.replace(expiration, 'Expiration Time: 2026-01-01T02:05:00+02:00'),
  'no milliseconds': text.replace(expiration, 'Expiration Time: 2026-01-01T00:05:00Z'),
  'a date, no time': text.replace(expiration, 'Expiration Time: 2026-01-01'),
  'Version: 2': text.replace('Version: 1', 'Version: 2'),
  'a URI that is not one': text.replace(`URI: ${base.uri}`, 'URI: not a uri'),
  'a trailing newline': `${text}\n`,
  'an extra line': `${text}\nextra`,
  'CRLF line ends': text.replaceAll('\n', '\r\n'),
  'garbage': 'hello',
  'empty': '',
}

describe('parseAgoraSiweMessage', () => {
  it.each(Object.entries(CASES))('agrees with the siwe package on: %s', (_name, message) => {
    expect(parseAgoraSiweMessage(message) !== undefined).toBe(siweParses(message))
  })

  it('reads every field viem writes, including the optional ones', () => {
    const full = createSiweMessage({ ...base, scheme: 'https', notBefore: new Date('2026-01-01T00:01:00.000Z'), requestId: 'r-1', resources: ['ipfs://a', 'https://b.test/x'] })
    expect(parseAgoraSiweMessage(full)).toEqual({
      ...base,
      notBefore: new Date('2026-01-01T00:01:00.000Z'),
      requestId: 'r-1',
      resources: ['ipfs://a', 'https://b.test/x'],
    })
  })

  it('keeps Chain ID 0 and a missing Expiration Time for the later checks to refuse, in their order', () => {
    const parsed = parseAgoraSiweMessage(CASES['Chain ID: 0 and no Expiration Time']!)
    expect(parsed).toMatchObject({ chainId: 0, expirationTime: undefined })
  })

  it('reads an offset as the instant it names', () => {
    expect(parseAgoraSiweMessage(CASES['an offset instead of Z']!)?.expirationTime).toEqual(base.expirationTime)
  })
})
