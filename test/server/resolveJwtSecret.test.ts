import { describe, expect, it } from 'vitest'
import { MIN_JWT_SECRET_BYTES, resolveJwtSecret } from '../../src/server/resolveJwtSecret.js'

describe('resolveJwtSecret', () => {
  it('counts bytes, not characters: 11 three-byte characters are 33 bytes', () => {
    expect(MIN_JWT_SECRET_BYTES).toBe(32)
    expect(resolveJwtSecret('€'.repeat(11)).byteLength).toBe(33)
    expect(() => resolveJwtSecret('€'.repeat(10))).toThrow(TypeError)
  })

  it('refuses what is not a secret', () => {
    expect(() => resolveJwtSecret(42 as unknown as string)).toThrow(/string or a Uint8Array/)
  })
})
