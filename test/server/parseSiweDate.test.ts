import { describe, expect, it } from 'vitest'
import { parseSiweDate } from '../../src/server/parseSiweDate.js'

describe('parseSiweDate', () => {
  it('reads RFC 3339 times, with an offset or Z in either case, and a fraction of any length', () => {
    expect(parseSiweDate('2026-11-30T12:00:00.000Z')).toEqual(new Date('2026-11-30T12:00:00.000Z'))
    expect(parseSiweDate('2026-11-30t12:00:00z')).toEqual(new Date('2026-11-30T12:00:00.000Z'))
    expect(parseSiweDate('2026-12-01T01:30:00.123456+01:30')).toEqual(new Date('2026-12-01T00:00:00.123Z'))
    expect(parseSiweDate('2024-02-29T00:00:00Z')).toEqual(new Date('2024-02-29T00:00:00Z'))
  })

  it('refuses impossible dates that new Date() would roll over into another day', () => {
    expect(new Date('2026-11-31T00:00:00Z').toISOString()).toBe('2026-12-01T00:00:00.000Z')
    for (const value of ['2026-11-31T00:00:00Z', '2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-01-00T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T00:60:00Z', '2026-01-01T00:00:61Z', '2026-01-01T00:00:00+24:00'])
      expect(parseSiweDate(value), value).toBeUndefined()
  })

  it('refuses what is not an RFC 3339 date-time', () => {
    for (const value of ['', 'yesterday', '2026-01-01', '2026-01-01 00:00:00Z', '2026-01-01T00:00:00', '1767225600', ' 2026-01-01T00:00:00Z'])
      expect(parseSiweDate(value), value).toBeUndefined()
  })
})
