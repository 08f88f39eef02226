import { afterEach, describe, expect, it, vi } from 'vitest'
import { resolveBaseUrl } from '../../../src/core/http/resolveBaseUrl.js'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('resolveBaseUrl', () => {
  it('keeps an absolute base, without query or hash, ending in exactly one slash', () => {
    for (const suffix of ['', '/', '//', '?x=1', '/#top', '//?a=/b#c'])
      expect(resolveBaseUrl(`https://vote.example/api/v1${suffix}`).href).toBe('https://vote.example/api/v1/')
  })

  it('resolves a relative base against the origin given, or the page origin', () => {
    expect(resolveBaseUrl('/api/v1', 'https://app.example').href).toBe('https://app.example/api/v1/')
    expect(resolveBaseUrl('api/v1/', 'https://app.example/deep/page').href).toBe('https://app.example/api/v1/')
    vi.stubGlobal('location', { origin: 'http://localhost:3000' })
    expect(resolveBaseUrl('/api/v1').href).toBe('http://localhost:3000/api/v1/')
  })

  it('on a server (no page origin), a relative base is a TypeError that names the fix', () => {
    expect(globalThis.location).toBeUndefined()
    expect(() => resolveBaseUrl('/api/v1')).toThrow(TypeError)
    expect(() => resolveBaseUrl('/api/v1')).toThrow(/origin/)
    // An opaque page origin (file:, sandboxed frames) is no origin either.
    vi.stubGlobal('location', { origin: 'null' })
    expect(() => resolveBaseUrl('/api/v1')).toThrow(TypeError)
  })

  it('a relative base cannot leave the origin it is resolved against', () => {
    for (const trick of ['//evil.example/api', '\\\\evil.example/api', '/\\evil.example/api', '/\t/evil.example/api'])
      expect(() => resolveBaseUrl(trick, 'https://app.example'), trick).toThrow(TypeError)
  })

  it('an empty or garbage base is a TypeError', () => {
    expect(() => resolveBaseUrl('', 'https://app.example')).toThrow(TypeError)
    expect(() => resolveBaseUrl('https://', 'https://app.example')).toThrow(TypeError)
    expect(() => resolveBaseUrl(undefined as unknown as string)).toThrow(TypeError)
  })
})
