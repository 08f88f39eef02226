// @vitest-environment node
import { SignJWT } from 'jose'
import { getAddress } from 'viem'
import { describe, expect, it } from 'vitest'
import { AgoraAuthError } from '../../../src/core/errors/AgoraAuthError.js'
import { InvalidTokenError, SessionExpiredError } from '../../../src/core/errors/errors.js'
import { decodeSessionToken } from '../../../src/core/session/decodeSessionToken.js'
import { createSeededRandom } from '../../helpers/seededRandom.js'
import { secret, signToken } from '../../helpers/tokens.js'

const address = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8'
const iat = 1_800_000_000
const now = (iat + 60) * 1000
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')

describe('decodeSessionToken', () => {
  it('decodes an Agora JWT into a session with times in ms', async () => {
    const token = await signToken({ address, chainId: 10, iat, scope: 'reader:public; badgeholder;reader:public' })
    const session = decodeSessionToken(token, { now })
    expect(session).toEqual({
      token,
      address: getAddress(address),
      chainId: 10,
      roles: ['reader:public', 'badgeholder'],
      claims: expect.objectContaining({ sub: getAddress(address), scope: 'reader:public; badgeholder;reader:public' }),
      issuedAt: iat * 1000,
      expiresAt: (iat + 86_400) * 1000,
    })
  })

  it('leaves chainId undefined without a siwe claim, and roles empty without a scope', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(address)
      .setExpirationTime(iat + 100)
      .sign(secret)
    const session = decodeSessionToken(token, { now })
    expect(session.chainId).toBeUndefined()
    expect(session.roles).toEqual([])
    expect(session.issuedAt).toBeUndefined()
  })

  it('ignores a scope or iat of the wrong type instead of coercing it', () => {
    const claims = { sub: getAddress(address), exp: iat + 100, scope: ['badgeholder'], iat: String(iat), siwe: { chainId: 'ten' } }
    const session = decodeSessionToken(`${b64({ alg: 'HS256' })}.${b64(claims)}.sig`, { now })
    expect(session).toMatchObject({ roles: [], issuedAt: undefined, chainId: undefined, expiresAt: (iat + 100) * 1000 })
  })

  it('says SessionExpiredError once exp has passed', async () => {
    const token = await signToken({ address, iat, ttl: 60 })
    expect(() => decodeSessionToken(token, { now: (iat + 60) * 1000 })).toThrow(SessionExpiredError)
    expect(decodeSessionToken(token, { now: (iat + 59) * 1000 }).address).toBe(getAddress(address))
  })

  const header = b64({ alg: 'HS256', typ: 'JWT' })
  const good = { sub: getAddress(address), exp: iat + 100 }
  it.each([
    ['an empty string', ''],
    ['two parts', `${header}.${b64(good)}`],
    ['five parts (JWE)', `${header}.${b64(good)}.a.b.c`],
    ['alg none with an empty signature', `${b64({ alg: 'none' })}.${b64(good)}.`],
    ['an empty signature', `${header}.${b64(good)}.`],
    ['a header that is not JSON', `${b64('nope')}.${b64(good)}.sig`],
    ['a payload that is an array', `${header}.${b64([good])}.sig`],
    ['a payload that is a string', `${header}.${b64('"hi"')}.sig`],
    ['no sub', `${header}.${b64({ exp: iat + 100 })}.sig`],
    ['a sub that is not an address', `${header}.${b64({ ...good, sub: 'alice' })}.sig`],
    ['no exp', `${header}.${b64({ sub: good.sub })}.sig`],
    ['an exp too large to be a date', `${header}.${b64({ ...good, exp: 1e308 })}.sig`],
    ['an exp string', `${header}.${b64({ ...good, exp: String(iat + 100) })}.sig`],
  ])('refuses %s with InvalidTokenError', (_, token) => {
    expect(() => decodeSessionToken(token, { now })).toThrow(InvalidTokenError)
  })

  it('refuses what is not a string', () => {
    expect(() => decodeSessionToken(42 as unknown as string)).toThrow(InvalidTokenError)
  })

  // Seeded, so any failure reproduces from the printed seed and index.
  const seed = 0x5eed_2026
  const { next: random, integer: int } = createSeededRandom(seed)
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)))
  const pick = <T,>(list: readonly T[]): T => list[int(list.length)]!

  it(`gives an AgoraAuthError for every one of 2,000 mangled tokens (seed ${seed})`, async () => {
    const real = await signToken({ address, iat, ttl: 30 })
    const [h, p, s] = real.split('.') as [string, string, string]
    const values = [null, 0, -1, 1e308, 'x', '', true, [], {}, [1, 2], { a: 1 }, iat + 10] as const
    const mutations: (() => string)[] = [
      () => bytes(int(80)).toString('latin1'),
      () => bytes(int(80)).toString('base64url'),
      () => `${bytes(int(30)).toString('base64url')}.${bytes(int(60)).toString('base64url')}.${bytes(int(30)).toString('base64url')}`,
      () => real.slice(0, int(real.length)),
      () => [p, h, s].join('.'),
      () => [h, s, p].join('.'),
      () => [s, p, h].join('.'),
      () => `${h}.${b64(pick(values))}.${s}`,
      () => `${h}.${b64({ sub: pick([...values, address, 'alice']), exp: pick([...values, 'tomorrow']) })}.${s}`,
      () => `${h}.${b64({ sub: address, exp: pick(values) })}.${pick([s, ''])}`,
      () => `${h}.${b64(JSON.stringify(pick(values)))}.${s}`,
      () => `${h}.${p.slice(0, int(p.length))}${pick(['', '=', '!', '.'])}.${s}`,
      () => `${b64({ alg: pick(['none', 'None', '', 'HS256']) })}.${p}.${pick(['', s])}`,
      () => `${h}.${b64(bytes(int(40)).toString('latin1'))}.${s}`,
      () => real.replace(/./g, (c) => (random() < 0.05 ? String.fromCharCode(int(128)) : c)),
      () => Array.from({ length: pick([1, 2, 4, 5, 6]) }, () => bytes(int(20)).toString('base64url')).join('.'),
    ]
    let sessions = 0
    for (let i = 0; i < 2000; i++) {
      const token = mutations[i % mutations.length]!()
      let error: unknown
      try {
        // `now` after the real token's exp, so that even a token that survives mangling cannot pass as a session.
        decodeSessionToken(token, { now: (iat + 31) * 1000 })
        sessions++
      } catch (e) {
        error = e
      }
      if (!(error instanceof AgoraAuthError)) throw new Error(`case ${i}: ${JSON.stringify(token)} gave ${String(error)}`)
    }
    expect(sessions).toBe(0)
  })
})
