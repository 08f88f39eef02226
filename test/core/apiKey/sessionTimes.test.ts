import { describe, expect, it } from 'vitest'
import { InvalidResponseError } from '../../../src/core/errors/errors.js'
import { sessionTimes } from '../../../src/core/apiKey/sessionTimes.js'

const receivedAt = Date.parse('2026-11-23T00:00:00Z')
const serverSeconds = (offsetMs: number) => Math.floor((receivedAt + offsetMs) / 1000)

describe('sessionTimes', () => {
  it.each([
    ['right', 0],
    ['1,000 s ahead', -1_000_000],
    ['1,000 s behind', 1_000_000],
  ])('our clock %s: the JWT lives its 15 minutes on our clock, refreshed 60 s before', (_, serverOffset) => {
    const iat = serverSeconds(serverOffset)
    const times = sessionTimes({ claims: { iat, exp: iat + 900 }, serverDate: undefined, receivedAt, refreshMargin: 60_000 })
    expect(times).toEqual({ expiresAt: receivedAt + 900_000, refreshAt: receivedAt + 840_000 })
  })

  it("without iat, the answer's Date is the server clock; without either, ours", () => {
    const exp = serverSeconds(-1_000_000) + 900
    const withDate = sessionTimes({ claims: { exp }, serverDate: receivedAt - 1_000_000, receivedAt, refreshMargin: 60_000 })
    expect(withDate.expiresAt).toBe(receivedAt + 900_000)
    const ownClock = sessionTimes({ claims: { exp: serverSeconds(0) + 900 }, serverDate: undefined, receivedAt, refreshMargin: 60_000 })
    expect(ownClock.expiresAt).toBe(receivedAt + 900_000)
  })

  it('a lifetime shorter than twice the margin refreshes halfway', () => {
    const iat = serverSeconds(0)
    const times = sessionTimes({ claims: { iat, exp: iat + 60 }, serverDate: undefined, receivedAt, refreshMargin: 60_000 })
    expect(times.refreshAt).toBe(receivedAt + 30_000)
  })

  it('no exp, or expired by the clock that issued it: InvalidResponseError', () => {
    const iat = serverSeconds(0)
    for (const claims of [{ iat }, { iat, exp: '2000' }, { iat, exp: iat }, { iat, exp: iat - 5 }])
      expect(() => sessionTimes({ claims, serverDate: undefined, receivedAt, refreshMargin: 60_000 })).toThrow(InvalidResponseError)
  })
})
