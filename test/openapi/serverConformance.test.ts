// @vitest-environment node
// The document is enforced: every demo-data route of the local Agora server, called in-process with a real SIWE
// sign-in, must answer a status, Content-Type and body that spec/agora-v1.yaml documents (ajv, 2020-12).
import { beforeAll, describe, expect, it } from 'vitest'
import { defaultPublicRoutes } from '../../src/core.js'
import { createAgoraServer, type AgoraServer } from '../../src/server.js'
import { message, newAccount } from '../server/helpers.js'
import { createAgoraSpecValidator, loadAgoraSpec } from './agoraSpecValidator.js'

// A loopback host: the server answers only its configured origins, and loopback when none are given.
const ORIGIN = 'http://localhost'
const spec = loadAgoraSpec()
const { acceptsRequestBody, check, checkBody, operations } = createAgoraSpecValidator(spec)
/** `operation status` pairs the run has checked, to prove every documented one was reached. */
const covered = new Set<string>()

// Rate limiting is off: several hundred requests from one token would otherwise (rightly) meet a 429.
const server: AgoraServer = createAgoraServer({ rateLimit: false })

type Call = { method?: string; token?: string; body?: unknown; rawBody?: string; to?: AgoraServer }

async function call(operation: string, url: string, { method = 'GET', token, body, rawBody, to = server }: Call = {}) {
  const headers = new Headers()
  if (token) headers.set('Authorization', `Bearer ${token}`)
  if (body !== undefined || rawBody !== undefined) headers.set('Content-Type', 'application/json')
  const request = new Request(`${ORIGIN}/api/v1/${url}`, { method, headers, body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)) })
  const checked = await check(operation, await to.fetch(request))
  covered.add(`${operation} ${checked.status}`)
  // Request bodies too: what the server accepts the document must accept, and what it refuses as malformed not.
  if (body !== undefined && checked.status === 200) expect(acceptsRequestBody(operation, body), 'accepted body').toBe(true)
  if (body !== undefined && checked.status === 400) expect(acceptsRequestBody(operation, body), 'refused body').toBe(false)
  return checked
}

/** A real sign-in over the in-process server: nonce, an EIP-4361 message signed by a fresh key, verify. */
async function signIn(to: AgoraServer = server) {
  const account = newAccount()
  const { body: nonce } = await call('GET auth/nonce', 'auth/nonce', { to })
  const text = message({ host: new URL(ORIGIN).host, address: account.address, nonce: (nonce as { nonce: string }).nonce })
  const signature = await account.signMessage({ message: text })
  const verified = await call('POST auth/verify', 'auth/verify', { method: 'POST', body: { message: text, signature }, to })
  expect(verified.status).toBe(200)
  return { account, token: (verified.body as { access_token: string }).access_token, text, signature }
}

type Page = { meta: { has_next: boolean; next_offset: number }; data: Record<string, unknown>[] }

/** Walks a list to its end in pages of 50, checking every page; returns every item. */
async function walk(operation: string, url: string, token: string) {
  const items: Record<string, unknown>[] = []
  let offset = 0
  for (;;) {
    const separator = url.includes('?') ? '&' : '?'
    const { status, body } = await call(operation, `${url}${separator}limit=50&offset=${offset}`, { token })
    expect(status).toBe(200)
    const page = body as Page
    items.push(...page.data)
    if (!page.meta.has_next) return items
    offset = page.meta.next_offset
  }
}

let token = ''
let address = ''
let proposalIds: string[] = []

beforeAll(async () => {
  const session = await signIn()
  token = session.token
  address = session.account.address
  // Every test may run alone (`-t`), so the ids come from here, not from an earlier test.
  proposalIds = (await walk('GET proposals', 'proposals?filter=everything', token)).map((proposal) => proposal.id as string)
})

describe('the local Agora server answers what spec/agora-v1.yaml documents', () => {
  it('sign-in: nonce, verify, a replayed message, a body that is not JSON', async () => {
    const { text, signature } = await signIn()
    const replay = await call('POST auth/verify', 'auth/verify', { method: 'POST', body: { message: text, signature } })
    expect(replay).toMatchObject({ status: 401, body: { message: 'SIWE nonce already used.' } })
    expect((await call('POST auth/verify', 'auth/verify', { method: 'POST', rawBody: 'not json' })).status).toBe(400)
  })

  it('public routes: votable_supply and spec', async () => {
    expect((await call('GET votable_supply', 'votable_supply')).status).toBe(200)
    expect((await call('GET spec', 'spec')).status).toBe(200)
  })

  it('every proposal, in both filters, one by one, and the refusals', async () => {
    const everything = await walk('GET proposals', 'proposals?filter=everything', token)
    const relevant = await walk('GET proposals', 'proposals', token)
    expect(relevant.length).toBeLessThan(everything.length)
    expect(everything.map((proposal) => proposal.id)).toEqual(proposalIds)
    for (const id of proposalIds) expect((await call('GET proposals/{proposalId}', `proposals/${id}`, { token })).status).toBe(200)
    expect((await call('GET proposals/{proposalId}', 'proposals/1', { token })).status).toBe(404)
    expect((await call('GET proposals', 'proposals?limit=51', { token })).status).toBe(400)
    expect((await call('GET proposals', 'proposals')).status).toBe(401)
    expect((await call('GET proposals/{proposalId}', `proposals/${proposalIds[0]}`)).status).toBe(401)
  })

  it("every proposal's votes, in both orders, and the refusals", async () => {
    let votes = 0
    for (const id of proposalIds) votes += (await walk('GET proposals/{proposalId}/votes', `proposals/${id}/votes`, token)).length
    expect(votes).toBeGreaterThan(1000)
    const busiest = proposalIds.at(-1)!
    await walk('GET proposals/{proposalId}/votes', `proposals/${busiest}/votes?sort=block_number`, token)
    expect((await call('GET proposals/{proposalId}/votes', 'proposals/1/votes', { token })).status).toBe(404)
    expect((await call('GET proposals/{proposalId}/votes', `proposals/${busiest}/votes?sort=time`, { token })).status).toBe(400)
    expect((await call('GET proposals/{proposalId}/votes', `proposals/${busiest}/votes`)).status).toBe(401)
  })

  it('every delegate, listed and one by one (address, ENS name, unknown), and the refusals', async () => {
    const delegates = await walk('GET delegates', 'delegates?sort=voting_power', token)
    expect(delegates).toHaveLength(150)
    for (const delegate of delegates) {
      expect((await call('GET delegates/{addressOrEnsName}', `delegates/${delegate.address as string}`, { token })).status).toBe(200)
    }
    expect((await call('GET delegates/{addressOrEnsName}', 'delegates/delegate1.eth', { token })).status).toBe(200)
    const nobody = await call('GET delegates/{addressOrEnsName}', `delegates/${newAccount().address}`, { token })
    expect(nobody).toMatchObject({ status: 200, body: { votingPower: { total: '0' }, statement: null } })
    expect((await call('GET delegates/{addressOrEnsName}', 'delegates/nobody.eth', { token })).status).toBe(404)
    expect((await call('GET delegates/{addressOrEnsName}', 'delegates/not-an-address', { token })).status).toBe(400)
    expect((await call('GET delegates', 'delegates?sort=most_delegators', { token })).status).toBe(400)
    expect((await call('GET delegates', 'delegates')).status).toBe(401)
    expect((await call('GET delegates/{addressOrEnsName}', 'delegates/delegate1.eth')).status).toBe(401)
  })

  it('the retro-funding ballot: empty, saved, read back, refused', async () => {
    const ballot = `retrofunding/rounds/5/ballots/${address}`
    const operation = 'retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}'
    expect(await call(`GET ${operation}`, ballot, { token })).toMatchObject({ status: 200, body: { status: 'PENDING', updatedAt: null } })
    const allocations = [{ projectId: 'project-1', amount: '1000' }]
    expect(await call(`POST ${operation}`, ballot, { method: 'POST', token, body: { allocations } })).toMatchObject({ status: 200, body: { status: 'SUBMITTED' } })
    expect(await call(`GET ${operation}`, ballot, { token })).toMatchObject({ status: 200, body: { allocations } })
    expect((await call(`POST ${operation}`, ballot, { method: 'POST', token, body: { allocations: 'all' } })).status).toBe(400)
    const someoneElses = `retrofunding/rounds/5/ballots/${newAccount().address}`
    expect((await call(`GET ${operation}`, someoneElses, { token })).status).toBe(403)
    expect((await call(`POST ${operation}`, someoneElses, { method: 'POST', token, body: { allocations } })).status).toBe(403)
    expect((await call(`GET ${operation}`, ballot)).status).toBe(401)
    expect((await call(`POST ${operation}`, ballot, { method: 'POST', body: { allocations } })).status).toBe(401)
  })

  it('429 with Retry-After on every data route once the caller\'s bucket is spent', async () => {
    const limited = createAgoraServer({ rateLimit: { capacity: 1, refillPerSecond: 0.001 } })
    const { account, token: limitedToken } = await signIn(limited)
    expect((await call('GET proposals', 'proposals', { token: limitedToken, to: limited })).status).toBe(200)
    const spent = { token: limitedToken, to: limited }
    const ballot = `retrofunding/rounds/5/ballots/${account.address}`
    const refusals = [
      await call('GET proposals', 'proposals', spent),
      await call('GET proposals/{proposalId}', `proposals/${proposalIds[0]}`, spent),
      await call('GET proposals/{proposalId}/votes', `proposals/${proposalIds[0]}/votes`, spent),
      await call('GET delegates', 'delegates', spent),
      await call('GET delegates/{addressOrEnsName}', 'delegates/delegate1.eth', spent),
      await call('GET retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', ballot, spent),
      await call('POST retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', ballot, { ...spent, method: 'POST', body: { allocations: [] } }),
    ]
    expect(refusals.map((refusal) => refusal.status)).toEqual(Array(refusals.length).fill(429))
    // The public route's bucket is the client address's, so it is spent by its own second call.
    expect((await call('GET votable_supply', 'votable_supply', { to: limited })).status).toBe(200)
    const refused = await limited.fetch(new Request(`${ORIGIN}/api/v1/votable_supply`))
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await check('GET votable_supply', refused)).status).toBe(429)
    covered.add('GET votable_supply 429')
  })

  it('429 on the sign-in routes once the client address has spent its sign-in bucket', async () => {
    const limited = createAgoraServer({ authRateLimit: { capacity: 1, refillPerSecond: 0.001 } })
    expect((await call('GET auth/nonce', 'auth/nonce', { to: limited })).status).toBe(200)
    expect((await call('GET auth/nonce', 'auth/nonce', { to: limited })).status).toBe(429)
    const refused = await call('POST auth/verify', 'auth/verify', { method: 'POST', body: { message: 'x', signature: '0x' }, to: limited })
    expect(refused).toMatchObject({ status: 429, body: { message: 'Too many requests.' } })
  })

  it('reached every documented operation and status the local server can produce', () => {
    // The live server's 500 for an unparseable message: the local server answers the intended 401 instead.
    const unreachable = new Set(['POST auth/verify 500'])
    const documented = [...operations].flatMap(([operation, object]) =>
      object['x-agora-local-server'] === false ? [] : Object.keys(object.responses).map((status) => `${operation} ${status}`),
    )
    expect(documented.filter((pair) => !covered.has(pair) && !unreachable.has(pair))).toEqual([])
  })

  it('documents every route the server lists in its own spec index', async () => {
    const { body } = await call('GET spec', 'spec')
    const shape = (path: string) => path.replace(/^\//, '').replace(/\{[^}]+\}/g, '{}')
    const served = Object.keys((body as { paths: Record<string, unknown> }).paths).map(shape).sort()
    // The index leaves out `spec` itself.
    expect(served).toEqual(Object.keys(spec.paths).map(shape).filter((path) => path !== 'spec').sort())
  })

  it("the client's default public routes are exactly the document's operations without security", () => {
    const isPublic = (operation: string) => (operations.get(operation) as { security?: unknown[] }).security?.length === 0
    const publicPaths = new Set([...operations.keys()].filter(isPublic).map((operation) => operation.split(' ')[1]!))
    const protectedPaths = [...operations.keys()].filter((operation) => !isPublic(operation)).map((operation) => operation.split(' ')[1]!)
    expect([...publicPaths].filter((path) => !defaultPublicRoutes.includes(path))).toEqual([])
    expect(protectedPaths.filter((path) => defaultPublicRoutes.includes(path))).toEqual([])
  })

  it('fails a body that breaks the document (the check can fail)', async () => {
    const { body } = await call('GET proposals/{proposalId}', `proposals/${proposalIds[0]}`, { token })
    const broken = { ...(body as object), markdowntitle: 42 }
    expect(() => checkBody('GET proposals/{proposalId}', 200, 'application/json', broken)).toThrow(/markdowntitle/)
    const { body: page } = await call('GET delegates', 'delegates', { token })
    const withoutOffset = { ...(page as Page), meta: { has_next: true, total_returned: 10 } }
    expect(() => checkBody('GET delegates', 200, 'application/json', withoutOffset)).toThrow(/next_offset/)
    const undocumented = new Response('{}', { status: 418, headers: { 'Content-Type': 'application/json' } })
    await expect(check('GET delegates', undocumented)).rejects.toThrow(/418/)
  })
})
