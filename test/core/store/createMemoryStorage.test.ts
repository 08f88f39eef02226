import { describe, expect, it } from 'vitest'
import { createMemoryStorage } from '../../../src/core/store/createMemoryStorage.js'

describe('createMemoryStorage', () => {
  it('gets what was set, null once removed, and shares nothing between two', () => {
    const one = createMemoryStorage()
    const two = createMemoryStorage()
    expect(one.get('k')).toBeNull()
    one.set('k', 'v')
    expect(one.get('k')).toBe('v')
    expect(two.get('k')).toBeNull()
    one.remove('k')
    expect(one.get('k')).toBeNull()
  })
})
