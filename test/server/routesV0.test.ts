// @vitest-environment node
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readErrorResponse, errorFromResponseInfo } from '../../src/core.js'
import { TokenRevokedError } from '../../src/core/errors/errors.js'
import { hashApiKey, V0_TENANT, type V0Key } from '../../src/server.js'
import { bearer, newAccount, start, type Running } from './helpers.js'

let clock = Date.now()
let running: Running
let serverKey: V0Key
let foreignKey: V0Key
let apiKey: string
const badgeholder = newAccount()

beforeAll(async () => {
  serverKey = { kid: 'k1', ...(await generateKeyPair('RS256')) }
  foreignKey = { kid: 'someone-else', ...(await generateKeyPair('RS256')) }
  running = await start({ now: () => clock, v0Keys: [serverKey], rateLimit: false, demoRoles: { [badgeholder.address]: ['badgeholder'] } })
  ;({ key: apiKey } = await running.server.createApiKey({ email: 'dev@example.org', address: newAccount().address, chainId: 10, description: 'tests' }))
})
afterAll(() => running.close())

const v0 = (path: string, init: RequestInit = {}) => fetch(`${running.url}/v0/${path}`, init)
const exchange = async (key = apiKey) => {
  const response = await v0('auth/token', { method: 'POST', headers: { Authorization: `Bearer ${key}` } })
  expect(response.status).toBe(200)
  return ((await response.json()) as { sessionJwt: string }).sessionJwt
}

/** The envelope of a 401 and its reason. */
const reason = async (response: Response) => {
  expect(response.status).toBe(401)
  expect(response.headers.get('request-id')).toMatch(/^req_[0-9a-f]{32}$/)
  const body = (await response.json()) as { code: string; message: string; docs_url: string; context: { reason: string } }
  expect(body.code).toBe('unauthorized')
  expect(body.message).toEqual(expect.any(String))
  expect(body.docs_url).toMatch(/^https:\/\//)
  return body.context.reason
}

const sessionClaims = async (hash: string) => ({ sub: '0x0000000000000000000000000000000000000001', akh: hash, tid: V0_TENANT, iat: Math.floor(clock / 1000), exp: Math.floor(clock / 1000) + 60 })
const signWith = (key: V0Key, claims: Record<string, unknown>, kid = key.kid) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(key.privateKey)

describe('POST /v0/auth/token', () => {
  it('exchanges an API key for an RS256 session JWT with a kid, valid 15 minutes; the TTL is not in the response', async () => {
    const response = await v0('auth/token', { method: 'POST', headers: { Authorization: `Bearer ${apiKey}` } })
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, string>
    expect(Object.keys(body)).toEqual(['sessionJwt'])
    expect(decodeProtectedHeader(body.sessionJwt!)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'k1' })
    const claims = decodeJwt(body.sessionJwt!)
    expect(claims.exp! - claims.iat!).toBe(900)
    const jwks = (await (await v0('.well-known/jwks.json')).json()) as Parameters<typeof createLocalJWKSet>[0]
    await expect(jwtVerify(body.sessionJwt!, createLocalJWKSet(jwks), { currentDate: new Date(clock) })).resolves.toBeTruthy()
  })

  it('refuses a missing header, a non-key bearer, an unknown key and a revoked key', async () => {
    expect(await reason(await v0('auth/token', { method: 'POST' }))).toBe('missing_header')
    expect(await reason(await v0('auth/token', { method: 'POST', headers: { Authorization: 'Bearer nope' } }))).toBe('invalid_token')
    expect(await reason(await v0('auth/token', { method: 'POST', headers: { Authorization: `Bearer ${crypto.randomUUID()}` } }))).toBe('invalid_token')
    const { key } = await running.server.createApiKey({ email: 'x@example.org', address: newAccount().address, chainId: 10, description: 'revoked' })
    await running.server.revokeApiKey(await hashApiKey(key))
    expect(await reason(await v0('auth/token', { method: 'POST', headers: { Authorization: `Bearer ${key}` } }))).toBe('token_revoked')
  })

  it('rolls over: the previous session JWT stays valid until its own expiry', async () => {
    const first = await exchange()
    const second = await exchange()
    for (const jwt of [first, second]) expect((await v0('me', bearer(jwt))).status).toBe(200)
  })
})

describe('protected v0 routes: every 401 reason', () => {
  it('serves /v0/me and /v0/proposals with a session JWT', async () => {
    const jwt = await exchange()
    expect(await (await v0('me', bearer(jwt))).json()).toMatchObject({ chainId: 10, description: 'tests', scope: 'reader:public' })
    const list = (await (await v0('proposals?limit=2', bearer(jwt))).json()) as { meta: unknown; data: unknown[] }
    expect(list.data).toHaveLength(2)
  })

  it('missing_header: no header, or one that is not Bearer (Basic …)', async () => {
    expect(await reason(await v0('me'))).toBe('missing_header')
    const jwt = await exchange()
    for (const header of [`Basic ${jwt}`, `Token ${jwt}`, 'Basic dXNlcjpwYXNz']) {
      expect(await reason(await v0('me', { headers: { Authorization: header } })), header).toBe('missing_header')
      expect(await reason(await v0('auth/token', { method: 'POST', headers: { Authorization: header } })), header).toBe('missing_header')
    }
  })

  it('serves GET /v0/accounts (the Public API docs’ example of a protected endpoint): 401 without a token', async () => {
    expect(await reason(await v0('accounts'))).toBe('missing_header')
    const response = await v0('accounts', bearer(await exchange()))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      data: [{ address: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/), chainId: 10, email: 'dev@example.org', description: 'tests', scope: 'reader:public', createdAt: expect.any(String) }],
    })
  })

  it('invalid_token: garbage, Bearer without a token, tampered, HS256, signed by another key under our kid', async () => {
    const jwt = await exchange()
    const [header, payload, signature] = jwt.split('.') as [string, string, string]
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...decodeJwt(jwt), scope: 'admin' })).toString('base64url')}.${signature}`
    const hs256 = await new SignJWT(await sessionClaims('x')).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).sign(new Uint8Array(32))
    const impostor = await signWith(foreignKey, await sessionClaims(await hashApiKey(apiKey)), 'k1')
    for (const bad of ['garbage', tampered, hs256, impostor, `${header}.${payload}`]) expect(await reason(await v0('me', bearer(bad)))).toBe('invalid_token')
    expect(await reason(await v0('me', { headers: { Authorization: 'Bearer' } }))).toBe('invalid_token')
  })

  it('token_expired, after 15 minutes', async () => {
    const jwt = await exchange()
    clock += 901_000
    try {
      expect(await reason(await v0('me', bearer(jwt)))).toBe('token_expired')
    } finally {
      clock -= 901_000
    }
  })

  it('token_revoked: the key was revoked after the token was issued (and the core client maps it to TokenRevokedError)', async () => {
    const { key } = await running.server.createApiKey({ email: 'r@example.org', address: newAccount().address, chainId: 10, description: 'to revoke' })
    const jwt = await exchange(key)
    expect((await v0('me', bearer(jwt))).status).toBe(200)
    await running.server.revokeApiKey(key)
    const response = await v0('me', bearer(jwt))
    expect(await reason(response.clone())).toBe('token_revoked')
    const error = errorFromResponseInfo(await readErrorResponse(response))
    expect(error).toBeInstanceOf(TokenRevokedError)
    expect(error.requestId).toMatch(/^req_/)
  })

  it('unknown_tenant: a JWT signed for a kid this server does not know, or naming another tenant', async () => {
    const claims = await sessionClaims(await hashApiKey(apiKey))
    expect(await reason(await v0('me', bearer(await signWith(foreignKey, claims))))).toBe('unknown_tenant')
    expect(await reason(await v0('me', bearer(await signWith(serverKey, { ...claims, tid: 'other-tenant' }))))).toBe('unknown_tenant')
  })

  it('missing_claim: a JWT from our key without a claim the server needs', async () => {
    const claims = await sessionClaims(await hashApiKey(apiKey))
    for (const claim of ['akh', 'sub', 'tid', 'exp'] as const) {
      const { [claim]: _dropped, ...rest } = claims
      const response = await v0('me', bearer(await signWith(serverKey, rest)))
      const body = (await response.clone().json()) as { context: { claim: string } }
      expect(await reason(response)).toBe('missing_claim')
      expect(body.context.claim).toBe(claim)
    }
  })
})

describe('403, public routes, Request-Id, 429', () => {
  it('403 forbidden / account_not_eligible for a valid token without the permission; 200 for a badgeholder key', async () => {
    const response = await v0('retrofunding/badgeholder', bearer(await exchange()))
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ code: 'forbidden', context: { reason: 'account_not_eligible' } })
    const { key } = await running.server.createApiKey({ email: 'b@example.org', address: badgeholder.address, chainId: 10, description: 'badgeholder' })
    expect((await v0('retrofunding/badgeholder', bearer(await exchange(key)))).status).toBe(200)
  })

  it('serves the metrics without a token, with permissive CORS', async () => {
    for (const path of ['metrics', 'metrics/total-supply', 'metrics/circulating-supply']) {
      const response = await v0(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      expect(Object.values((await response.json()) as object).every((v) => /^\d+$/.test(v as string))).toBe(true)
    }
  })

  it('puts a distinct Request-Id on every response: success, errors, 404, 405, preflight, contract A', async () => {
    const responses = [
      await v0('metrics'),
      await v0('me'),
      await v0('nope'),
      await v0('auth/token'),
      await v0('me', { method: 'OPTIONS', headers: { 'Access-Control-Request-Headers': 'authorization' } }),
      await fetch(`${running.url}/api/v1/proposals`),
      await fetch(`${running.url}/elsewhere`),
    ]
    const ids = responses.map((r) => r.headers.get('request-id'))
    expect(ids.every((id) => /^req_[0-9a-f]{32}$/.test(id ?? ''))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect(responses.map((r) => r.status)).toEqual([200, 401, 404, 405, 204, 401, 404])
    expect(await responses[2]!.json()).toMatchObject({ code: 'not_found' })
  })

  it('429 rate_limit_exceeded with Retry-After once the token bucket is empty (exchanges spend it too)', async () => {
    let now = Date.now()
    const limited = await start({ now: () => now, rateLimit: { capacity: 2, refillPerSecond: 0.2 } })
    try {
      const { key } = await limited.server.createApiKey({ email: 'l@example.org', address: newAccount().address, chainId: 10, description: 'limited' })
      const post = () => fetch(`${limited.url}/v0/auth/token`, { method: 'POST', headers: { Authorization: `Bearer ${key}` } })
      expect((await post()).status).toBe(200)
      expect((await post()).status).toBe(200)
      const refused = await post()
      expect(refused.status).toBe(429)
      expect(refused.headers.get('retry-after')).toBe('5')
      expect(await refused.json()).toMatchObject({ code: 'rate_limit_exceeded', context: { retry_after: 5 } })
      now += 5_000
      expect((await post()).status).toBe(200)
    } finally {
      await limited.close()
    }
  })
})
