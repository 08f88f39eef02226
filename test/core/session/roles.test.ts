import { describe, expect, it } from 'vitest'
import { ROLES } from '../../../src/core/session/roles.js'

describe('ROLES', () => {
  it('exposes the roles the server issues', () => {
    expect(Object.values(ROLES)).toEqual([
      'reader:public',
      'badgeholder',
      'citizen',
      'rf-demo-user',
      'category:governance_infra_and_tooling',
      'category:governance_analytics',
      'category:governance_leadership',
    ])
  })
})
