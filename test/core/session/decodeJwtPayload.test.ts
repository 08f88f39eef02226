// @vitest-environment node
import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { InvalidTokenError } from '../../../src/core/errors/errors.js'
import { decodeJwtPayload } from '../../../src/core/session/decodeJwtPayload.js'
import { createSeededRandom } from '../../helpers/seededRandom.js'
import { signToken } from '../../helpers/tokens.js'

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')
const header = b64({ alg: 'HS256' })

describe('decodeJwtPayload', () => {
  it('reads the claims of a real JWT exactly as jose does', async () => {
    const token = await signToken({ address: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8', note: 'héllo ✓ 𝄞' })
    expect(decodeJwtPayload(token)).toEqual(decodeJwt(token))
    expect(decodeJwtPayload(token).note).toBe('héllo ✓ 𝄞')
  })

  it('uses the URL-safe alphabet (- and _), with or without padding', () => {
    // '?>>' encodes to `Pz4-` and '??' to `Pz8` (base64 `Pz8=`): both URL-safe characters and padding occur.
    const claims = { a: '?>>', b: '??', c: 'ÿ' }
    const payload = b64(claims)
    expect(payload).toMatch(/[-_]/)
    expect(decodeJwtPayload(`${header}.${payload}.sig`)).toEqual(claims)
    const padded = Buffer.from(JSON.stringify({ x: 1 })).toString('base64')
    expect(padded).toMatch(/=$/)
    expect(decodeJwtPayload(`${header}.${padded}.sig`)).toEqual({ x: 1 })
  })

  it.each([
    ['the standard alphabet', `${header}.${Buffer.from(JSON.stringify({ a: '?>>' })).toString('base64')}.sig`],
    ['whitespace inside a segment', `${header}.${b64({ a: 1 }).replace(/^(..)/, '$1 ')}.sig`],
    ['bytes that are not UTF-8', `${header}.${Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')}.sig`],
    ['a header that is an array', `${b64([{ alg: 'HS256' }])}.${b64({ a: 1 })}.sig`],
    ['a header without alg', `${b64({ typ: 'JWT' })}.${b64({ a: 1 })}.sig`],
    ['alg none', `${b64({ alg: 'none' })}.${b64({ a: 1 })}.sig`],
    ['an empty signature', `${header}.${b64({ a: 1 })}.`],
    ['four parts', `${header}.${b64({ a: 1 })}.sig.x`],
    ['JSON null', `${header}.${b64('null')}.sig`],
    ['an empty payload', `${header}..sig`],
  ])('refuses %s with InvalidTokenError', (_, token) => {
    expect(() => decodeJwtPayload(token)).toThrow(InvalidTokenError)
  })

  // jose's decodeJwt is the oracle for the payload; our decoder also reads the header (alg) and is stricter about
  // the alphabet (no whitespace). Seeded, so a failure reproduces.
  it('agrees with jose on 2,000 mangled tokens', async () => {
    const random = createSeededRandom(0x0dec0de).next
    const real = await signToken({ address: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8' })
    const alphabet = 'AZaz09-_+/=. {}"'
    let accepted = 0
    for (let i = 0; i < 2000; i++) {
      // Zero to two characters replaced anywhere: many tokens survive, many break in one segment or another.
      const chars = [...real]
      for (let n = Math.floor(random() * 3); n > 0; n--)
        chars[Math.floor(random() * chars.length)] = alphabet[Math.floor(random() * alphabet.length)]!
      const token = chars.join('')
      let ours: unknown
      let theirs: unknown
      try {
        ours = decodeJwtPayload(token)
      } catch (error) {
        expect(error, token).toBeInstanceOf(InvalidTokenError)
      }
      try {
        theirs = decodeJwt(token)
      } catch {
        // jose refused it: `theirs` stays undefined, which is what the checks below compare against
      }
      if (ours) accepted++
      // Whatever we accept, jose accepts with the same claims.
      if (ours) expect(ours, token).toEqual(theirs)
      // Whatever jose accepts we accept too, unless the header or the alphabet is what we refuse.
      const [h = '', p = ''] = token.split('.')
      const headerOk = (() => {
        try {
          return decodeJwtPayload(`${header}.${h}.s`).alg === 'HS256'
        } catch {
          return false
        }
      })()
      if (theirs && headerOk && !/\s/.test(p)) expect(ours, token).toEqual(theirs)
    }
    expect(accepted).toBeGreaterThan(100)
    expect(accepted).toBeLessThan(1900)
  })
})
