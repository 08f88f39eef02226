import { describe, expect, it } from 'vitest'
import { assertSiweOptions, type SiweOptions } from '../../../src/core/siwe/assertSiweOptions.js'

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
    ['expirationTime as text', { expirationTime: '600' }],
    ['a statement that is no string', { statement: 42 }],
    ['a statement of two lines', { statement: 'one\ntwo' }],
    ['a domain that is no string', { domain: ['a'] }],
    ['a uri that is no string', { uri: new URL('https://x.test') }],
    ['resources that are no list', { resources: 'https://x.test' }],
    ['resources that are not all strings', { resources: ['https://x.test', 1] }],
    ['options that are no object', 'expirationTime=600'],
  ])('refuses %s with a TypeError', (_, options) => {
    expect(() => assertSiweOptions(options as SiweOptions)).toThrow(TypeError)
  })
})
