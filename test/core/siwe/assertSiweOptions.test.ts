import { describe, expect, it } from 'vitest'
import { assertSiweOptions } from '../../../src/core/siwe/assertSiweOptions.js'

describe('assertSiweOptions', () => {
  it.each([
    ['nothing', undefined],
    ['no overrides', {}],
    ['every option', { statement: 'Sign in to Agora with Ethereum', domain: 'vote.example', uri: 'https://vote.example', expirationTime: 600, resources: ['https://vote.example/tos'] }],
    ['the shortest lifetime', { expirationTime: 0.001 }],
  ])('accepts %s', (_, options) => {
    expect(() => assertSiweOptions(options)).not.toThrow()
  })

  it.each([
    ['expirationTime 900', { expirationTime: 900 }],
    ['expirationTime 601', { expirationTime: 601 }],
    ['expirationTime 0', { expirationTime: 0 }],
    ['expirationTime -1', { expirationTime: -1 }],
    ['expirationTime NaN', { expirationTime: Number.NaN }],
    ['expirationTime Infinity', { expirationTime: Number.POSITIVE_INFINITY }],
    ['a statement of two lines', { statement: 'one\ntwo' }],
  ])('refuses %s with a TypeError', (_, options) => {
    expect(() => assertSiweOptions(options)).toThrow(TypeError)
  })
})
