import { describe, expect, it } from 'vitest'
import { assertNonNegative } from '../../../src/core/http/assertNonNegative.js'

describe('assertNonNegative', () => {
  it('accepts 0 and more, Infinity included', () => {
    for (const value of [0, 1, 2.5, Number.POSITIVE_INFINITY]) expect(() => assertNonNegative('n', value)).not.toThrow()
  })
  it('anything else is a TypeError that names the option and the value', () => {
    expect(() => assertNonNegative('retry.count', -1)).toThrow('retry.count must be a number ≥ 0, not -1.')
    for (const value of [Number.NaN, '5', null, undefined, 1n]) expect(() => assertNonNegative('n', value)).toThrow(TypeError)
  })
})
