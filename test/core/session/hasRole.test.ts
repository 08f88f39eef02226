import { describe, expect, it } from 'vitest'
import { hasRole } from '../../../src/core/session/hasRole.js'
import { parseRoles } from '../../../src/core/session/parseRoles.js'
import { ROLES } from '../../../src/core/session/roles.js'

describe('hasRole', () => {
  const roles = parseRoles('reader:public;badgeholder;category:governance_analytics')
  it('matches exact roles, any by default', () => {
    expect(hasRole(roles, ROLES.badgeholder)).toBe(true)
    expect(hasRole(roles, ROLES.citizen)).toBe(false)
    expect(hasRole(roles, [ROLES.citizen, ROLES.badgeholder])).toBe(true)
  })
  it('needs every role in all mode', () => {
    expect(hasRole(roles, [ROLES.readerPublic, ROLES.badgeholder], { mode: 'all' })).toBe(true)
    expect(hasRole(roles, [ROLES.readerPublic, ROLES.citizen], { mode: 'all' })).toBe(false)
  })
  it('matches a prefix pattern ending in *', () => {
    expect(hasRole(roles, 'category:*')).toBe(true)
    expect(hasRole(parseRoles('reader:public'), 'category:*')).toBe(false)
    expect(hasRole(roles, 'reader*')).toBe(true)
    expect(hasRole(roles, '*')).toBe(true)
  })
  it('does not treat a role as a prefix without *', () => {
    expect(hasRole(roles, 'category:')).toBe(false)
    expect(hasRole(roles, 'badge')).toBe(false)
  })
  it('is false for no roles and for an empty wanted list in any mode', () => {
    expect(hasRole(null, 'reader:public')).toBe(false)
    expect(hasRole(undefined, '*')).toBe(false)
    expect(hasRole(roles, [])).toBe(false)
  })
})
