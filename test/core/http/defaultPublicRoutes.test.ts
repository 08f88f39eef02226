import { describe, expect, it } from 'vitest'
import { defaultPublicRoutes } from '../../../src/core/http/defaultPublicRoutes.js'

describe('defaultPublicRoutes', () => {
  it('are the token-less routes of both Agora APIs (auth, supply, spec, metrics)', () => {
    expect(defaultPublicRoutes).toEqual(['auth/nonce', 'auth/verify', 'auth/token', 'votable_supply', 'spec', 'metrics', 'metrics/*'])
  })
})
