import { describe, expect, it } from 'vitest'
import { checkSiweDates, MAX_SIWE_CLOCK_SKEW } from '../../src/server/checkSiweDates.js'

const now = Date.parse('2026-12-01T12:00:00Z')
const at = (seconds: number) => new Date(now + seconds * 1000)

describe('checkSiweDates (after the chain id, before the signature)', () => {
  it('accepts a fresh message, and one issued up to the clock skew in the future', () => {
    expect(checkSiweDates({ issuedAt: at(0), expirationTime: at(300), notBefore: undefined }, now)).toBeUndefined()
    expect(checkSiweDates({ issuedAt: at(MAX_SIWE_CLOCK_SKEW), expirationTime: at(600), notBefore: undefined }, now)).toBeUndefined()
  })

  it('Invalid SIWE message.: no expiry, an expiry before the issue time, an issue time beyond the skew', () => {
    expect(MAX_SIWE_CLOCK_SKEW).toBe(60)
    expect(checkSiweDates({ issuedAt: at(0), expirationTime: undefined, notBefore: undefined }, now)).toBe('Invalid SIWE message.')
    expect(checkSiweDates({ issuedAt: at(0), expirationTime: at(-1), notBefore: undefined }, now)).toBe('Invalid SIWE message.')
    expect(checkSiweDates({ issuedAt: at(61), expirationTime: at(300), notBefore: undefined }, now)).toBe('Invalid SIWE message.')
  })

  it('then not active yet, expired, TTL too long, in that order', () => {
    expect(checkSiweDates({ issuedAt: at(-700), expirationTime: at(-1), notBefore: at(10) }, now)).toBe('SIWE message is not active yet.')
    expect(checkSiweDates({ issuedAt: at(-700), expirationTime: at(0), notBefore: undefined }, now)).toBe('SIWE message expired.')
    expect(checkSiweDates({ issuedAt: at(0), expirationTime: at(601), notBefore: undefined }, now)).toBe('SIWE message TTL is too long.')
  })
})
