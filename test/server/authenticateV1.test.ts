// @vitest-environment node
import { generateKeyPair, SignJWT, UnsecuredJWT, exportJWK } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signAgoraJwt } from '../../src/server.js'
import { bearer, newAccount, start, tokenFor, type Running } from './helpers.js'

let clock = Date.now()
let running: Running
let token: string
beforeAll(async () => {
  running = await start({ now: () => clock, rateLimit: false })
  token = await tokenFor(running)
})
afterAll(() => running.close())

const get = (path: string, init: RequestInit = {}) => fetch(`${running.url}/api/v1/${path}`, init)

/** Contract A's quirk: a plain-text body while the content type claims JSON. */
const failure = async (response: Response) => {
  expect(response.status).toBe(401)
  expect(response.headers.get('content-type')).toBe('application/json')
  return response.text()
}

const sign = (claims: Record<string, unknown>, secret = running.server.jwtSecret) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret)

describe('bearer validation on /api/v1 (every plain-text reason)', () => {
  it("No token provided: no header, and what header.split(' ') leaves without one (lower case, two spaces, other schemes)", async () => {
    expect(await failure(await get('proposals'))).toBe("No token provided in 'Authorization' header")
    for (const header of [`bearer ${token}`, `Bearer  ${token}`, 'Bearer', 'Bearer ', `Token ${token}`, `Basic ${token}`]) {
      expect(await failure(await get('proposals', { headers: { Authorization: header } })), header).toBe("No token provided in 'Authorization' header")
    }
  })

  it('Invalid Bearer Token: an unknown API key', async () => {
    expect(await failure(await get('proposals', bearer(crypto.randomUUID())))).toBe('Invalid Bearer Token')
  })

  it("takes the token as header.split(' ')[1]: anything after a second space is ignored", async () => {
    expect((await get('proposals', { headers: { Authorization: `Bearer ${token} trailing words` } })).status).toBe(200)
  })

  it('User disabled: a revoked API key', async () => {
    const { key } = await running.server.createApiKey({ email: 'a@b.c', address: newAccount().address, chainId: 10, description: 'test' })
    expect((await get('proposals', bearer(key))).status).toBe(200)
    expect(await running.server.revokeApiKey(key)).toBe(true)
    expect(await failure(await get('proposals', bearer(key)))).toBe('User disabled')
  })

  it('Invalid format for API Key or JWT: garbage, tampered, wrong secret, alg none, RS256, RS/HS confusion', async () => {
    const [header, payload, signature] = token.split('.') as [string, string, string]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>
    const elevated = Buffer.from(JSON.stringify({ ...claims, scope: `${claims.scope};badgeholder` })).toString('base64url')
    const none = new UnsecuredJWT(claims).encode()
    const rsa = await generateKeyPair('RS256', { extractable: true })
    const rs256 = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(rsa.privateKey)
    // Confusion: an HS256 token whose secret is the public key text an attacker can read.
    const publicJwkText = new TextEncoder().encode(JSON.stringify(await exportJWK(rsa.publicKey)))
    const confused = await sign(claims, publicJwkText)
    const wrongSecret = await sign(claims, new TextEncoder().encode('not the secret'))
    for (const bad of ['garbage', `${header}.${elevated}.${signature}`, none, rs256, confused, wrongSecret, `${header}.${payload}.`]) {
      expect(await failure(await get('proposals', bearer(bad)))).toBe('Invalid format for API Key or JWT')
    }
  })

  it('an expired JWT gets "Invalid format for API Key or JWT" (the real server quirk), never "JWT expired"', async () => {
    const now = Math.floor(clock / 1000)
    const expired = await signAgoraJwt({ address: newAccount().address, roles: ['reader:public'], chainId: 10, nonce: 'abcdefgh', secret: running.server.jwtSecret, issuedAt: now - 100, ttl: 50 })
    expect(await failure(await get('proposals', bearer(expired)))).toBe('Invalid format for API Key or JWT')
    // The same holds for the server's own token once its clock passes exp.
    clock += 86_401_000
    try {
      expect(await failure(await get('proposals', bearer(token)))).toBe('Invalid format for API Key or JWT')
    } finally {
      clock -= 86_401_000
    }
  })

  it('JWT has no expiry time', async () => {
    const noExp = await sign({ sub: newAccount().address, scope: 'reader:public', iat: Math.floor(clock / 1000) })
    expect(await failure(await get('proposals', bearer(noExp)))).toBe('JWT has no expiry time')
  })

  it('JWT has no scope', async () => {
    const exp = Math.floor(clock / 1000) + 60
    for (const claims of [{ sub: newAccount().address, exp }, { sub: newAccount().address, scope: '', exp }]) {
      expect(await failure(await get('proposals', bearer(await sign(claims))))).toBe('JWT has no scope')
    }
  })

  it('JWT scope does not match route', async () => {
    const exp = Math.floor(clock / 1000) + 60
    const onlyBadgeholder = await sign({ sub: newAccount().address, scope: 'badgeholder', exp })
    expect(await failure(await get('delegates', bearer(onlyBadgeholder)))).toBe('JWT scope does not match route')
  })

  it('public routes need no token: auth/nonce, votable_supply, spec', async () => {
    expect((await get('auth/nonce')).status).toBe(200)
    const supply = await get('votable_supply')
    expect(supply.status).toBe(200)
    expect((await supply.json()) as object).toEqual({ votable_supply: expect.stringMatching(/^\d+$/) })
    expect((await get('spec')).status).toBe(200)
  })

  it('API keys and SIWE JWTs both read data', async () => {
    const { key } = await running.server.createApiKey({ email: 'k@b.c', address: newAccount().address, chainId: 10, description: 'reader' })
    for (const credential of [key, token]) expect((await get('delegates?limit=1', bearer(credential))).status).toBe(200)
  })
})

describe('data routes', () => {
  it('paginates proposals with meta {has_next, total_returned, next_offset}, next_offset 0 at the end', async () => {
    const first = (await (await get('proposals?filter=everything&limit=50', bearer(token))).json()) as { meta: Record<string, unknown>; data: { id: string }[] }
    expect(first.meta).toEqual({ has_next: true, total_returned: 50, next_offset: 50 })
    const second = (await (await get('proposals?filter=everything&limit=50&offset=50', bearer(token))).json()) as { meta: Record<string, unknown>; data: unknown[] }
    expect(second.meta).toEqual({ has_next: false, total_returned: 37, next_offset: 0 })
    const relevant = (await (await get('proposals?limit=50&offset=50', bearer(token))).json()) as { data: { status: string }[] }
    expect(relevant.data.every((p) => p.status !== 'CANCELLED')).toBe(true)
    expect(first.data[0]!.id).toMatch(/^\d+$/)
  })

  it('serves the same seeded data on every instance', async () => {
    const other = await start({ rateLimit: false })
    try {
      const read = async (r: Running, t: string) => (await fetch(`${r.url}/api/v1/delegates?limit=5`, bearer(t))).text()
      expect(await read(other, await tokenFor(other))).toBe(await read(running, token))
    } finally {
      await other.close()
    }
  })

  it('answers a proposal, its votes sorted by weight or block number, delegates and a delegate by address or ENS', async () => {
    const list = (await (await get('proposals?limit=20&filter=everything', bearer(token))).json()) as { data: { id: string; status: string }[] }
    const id = list.data.find((p) => p.status !== 'PENDING')!.id
    const detail = (await (await get(`proposals/${id}`, bearer(token))).json()) as Record<string, unknown>
    expect(detail).toMatchObject({ id, proposer: expect.stringMatching(/^0x/), markdowntitle: expect.any(String), quorum: expect.stringMatching(/^\d+$/) })
    for (const [sort, key] of [['weight', 'weight'], ['block_number', 'blockNumber']] as const) {
      const votes = (await (await get(`proposals/${id}/votes?sort=${sort}&limit=50`, bearer(token))).json()) as { data: Record<string, string | number>[] }
      const values = votes.data.map((v) => BigInt(v[key]!))
      expect(values).toEqual([...values].sort((a, b) => (b > a ? 1 : b < a ? -1 : 0)))
      expect(votes.data.length).toBeGreaterThan(1)
      expect(votes.data[0]).toMatchObject({ transactionHash: expect.any(String), address: expect.any(String), proposalId: id, support: expect.any(String), timestamp: expect.any(String) })
    }
    const delegates = (await (await get('delegates?sort=voting_power&limit=3', bearer(token))).json()) as { data: { address: string; votingPower: { total: string } }[] }
    const totals = delegates.data.map((d) => BigInt(d.votingPower.total))
    expect(totals[0]! >= totals[1]! && totals[1]! >= totals[2]!).toBe(true)
    const byAddress = (await (await get(`delegates/${delegates.data[0]!.address.toLowerCase()}`, bearer(token))).json()) as { address: string }
    expect(byAddress.address).toBe(delegates.data[0]!.address)
    const byEns = (await (await get('delegates/delegate1.eth', bearer(token))).json()) as { address: string }
    expect(byEns.address).toBe(delegates.data[0]!.address)
  })

  it('answers a bad query with 400 text', async () => {
    for (const query of ['proposals?limit=51', 'proposals?limit=0', 'proposals?limit=abc', 'proposals?offset=-1', 'proposals?filter=all', 'delegates?sort=random', 'delegates/not-an-address']) {
      const response = await get(query, bearer(token))
      expect(response.status, query).toBe(400)
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
      expect(await response.text()).toMatch(/^Invalid query parameters: /)
    }
    expect((await get('proposals/123', bearer(token))).status).toBe(404)
  })
})

describe('retro-funding ballot (role-gated)', () => {
  const path = (address: string) => `retrofunding/rounds/5/ballots/${address}`
  it('lets a rf-demo-user read and write only their own ballot', async () => {
    const account = newAccount()
    const own = await tokenFor(running, account)
    expect((await (await get(path(account.address), bearer(own))).json()) as object).toMatchObject({ roundId: 5, status: 'PENDING', allocations: [] })
    const body = JSON.stringify({ allocations: [{ projectId: 'p1', amount: '100' }] })
    const posted = await get(path(account.address.toLowerCase()), { method: 'POST', body, headers: { Authorization: `Bearer ${own}` } })
    expect(posted.status).toBe(200)
    expect((await (await get(path(account.address), bearer(own))).json()) as object).toMatchObject({ status: 'SUBMITTED', allocations: [{ projectId: 'p1', amount: '100' }] })

    const forbidden = await get(path(newAccount().address), bearer(own))
    expect(forbidden.status).toBe(403)
    expect(await forbidden.json()).toEqual({ message: 'Unauthorized' })
  })

  it('refuses a scope without badgeholder or rf-demo-user, and API keys, with 403 {message: "Unauthorized"}', async () => {
    const account = newAccount()
    const readerOnly = await sign({ sub: account.address, scope: 'reader:public', exp: Math.floor(clock / 1000) + 60 })
    const { key } = await running.server.createApiKey({ email: 'k@b.c', address: account.address, chainId: 10, description: 'reader' })
    for (const credential of [readerOnly, key]) {
      const response = await get(path(account.address), bearer(credential))
      expect(response.status).toBe(403)
      expect(await response.json()).toEqual({ message: 'Unauthorized' })
    }
  })
})

describe('CORS', () => {
  it('allows any origin and echoes the requested headers in the preflight', async () => {
    const preflight = await get('proposals', {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,x-custom' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,x-custom')
    const response = await get('proposals', { headers: { Origin: 'https://app.example' } })
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-expose-headers')).toMatch(/Request-Id/)
  })
})

describe('rate limiting', () => {
  it('answers 429 with Retry-After when the bucket is empty, and refills with time', async () => {
    let now = Date.now()
    const limited = await start({ now: () => now, rateLimit: { capacity: 2, refillPerSecond: 0.5 } })
    try {
      const t = await tokenFor(limited)
      const read = () => fetch(`${limited.url}/api/v1/delegates?limit=1`, bearer(t))
      expect((await read()).status).toBe(200)
      expect((await read()).status).toBe(200)
      const refused = await read()
      expect(refused.status).toBe(429)
      expect(refused.headers.get('retry-after')).toBe('2')
      now += 2_000
      expect((await read()).status).toBe(200)
    } finally {
      await limited.close()
    }
  })
})
