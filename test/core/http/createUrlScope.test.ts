import { afterEach, describe, expect, it, vi } from 'vitest'
import { createUrlScope } from '../../../src/core/http/createUrlScope.js'
import { defaultPublicRoutes } from '../../../src/core/http/defaultPublicRoutes.js'

const scope = createUrlScope({ baseUrl: 'https://api.example.com/api/v1', publicRoutes: defaultPublicRoutes })
const url = (href: string) => new URL(href)

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('createUrlScope', () => {
  it('resolves strings, URLs and Requests against the base; unparsable input is undefined', () => {
    expect(scope.resolve('proposals')?.href).toBe('https://api.example.com/api/v1/proposals')
    expect(scope.resolve('/other')?.href).toBe('https://api.example.com/other')
    expect(scope.resolve(new URL('https://x.example/a'))?.href).toBe('https://x.example/a')
    expect(scope.resolve(new Request('https://api.example.com/api/v1/a'))?.href).toBe('https://api.example.com/api/v1/a')
    expect(scope.resolve('https://')).toBeUndefined()
  })

  it('inside: the base and below, same scheme, host and port, no credentials', () => {
    expect(scope.isInside(url('https://api.example.com/api/v1'))).toBe(true)
    expect(scope.isInside(url('https://api.example.com/api/v1/a?b#c'))).toBe(true)
    for (const outside of [
      'https://api.example.com/api/v1x',
      'https://api.example.com/api/v2',
      'http://api.example.com/api/v1/a',
      'https://api.example.com:444/api/v1/a',
      'https://user@api.example.com/api/v1/a',
      'https://evil.example/api/v1/a',
    ])
      expect(scope.isInside(url(outside)), outside).toBe(false)
    expect(scope.isInside(undefined)).toBe(false)
  })

  it('protected: inside and not a public route; `/*` covers everything below', () => {
    expect(scope.isProtected(url('https://api.example.com/api/v1/proposals'))).toBe(true)
    expect(scope.isProtected(url('https://api.example.com/api/v1/auth/nonce'))).toBe(false)
    expect(scope.isProtected(url('https://api.example.com/api/v1/metrics/total-supply'))).toBe(false)
    expect(scope.isProtected(url('https://api.example.com/api/v1/metricsx'))).toBe(true)
    expect(scope.isProtected(url('https://api.example.com/other'))).toBe(false)
    const custom = createUrlScope({ baseUrl: '/v0', origin: 'https://api.example.com', publicRoutes: ['/open/*/'] })
    expect(custom.isProtected(url('https://api.example.com/v0/open/a'))).toBe(false)
    expect(custom.isProtected(url('https://api.example.com/v0/auth/nonce'))).toBe(true)
  })

  it('a relative base without any origin judges paths but says why it cannot send', () => {
    const serverSide = createUrlScope({ baseUrl: '/api/v1', publicRoutes: defaultPublicRoutes })
    expect(serverSide.originMissing).toMatch(/relative/)
    expect(serverSide.isProtected(serverSide.resolve('proposals'))).toBe(true)
    expect(serverSide.isProtected(serverSide.resolve('auth/verify'))).toBe(false)
    expect(scope.originMissing).toBeUndefined()
  })

  it('a relative base naming another origin fails at creation, on a server and in a page, naming no stand-in origin', () => {
    const trick = { baseUrl: '//evil.example/api', publicRoutes: defaultPublicRoutes }
    expect(() => createUrlScope(trick)).toThrow('baseUrl "//evil.example/api" names another origin: write it in full.')
    vi.stubGlobal('location', { origin: 'https://app.example' })
    expect(() => createUrlScope(trick)).toThrow('baseUrl "//evil.example/api" names another origin: write it in full.')
  })
})
