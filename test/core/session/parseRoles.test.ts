import { describe, expect, it } from 'vitest'
import { parseRoles } from '../../../src/core/session/parseRoles.js'

describe('parseRoles', () => {
  it('splits on ;, trims, drops empties and duplicates', () => {
    expect(parseRoles(' reader:public ;rf-demo-user;;reader:public; ')).toEqual(['reader:public', 'rf-demo-user'])
  })
  it('gives no roles for no scope', () => {
    expect(parseRoles()).toEqual([])
    expect(parseRoles('')).toEqual([])
    expect(parseRoles(' ; ')).toEqual([])
  })
})
