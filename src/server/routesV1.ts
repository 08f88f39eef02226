import { isAddress } from 'viem'
import { authenticateV1, type V1Caller } from './authenticateV1.js'
import type { RouteRequest, ServerContext } from './context.js'
import { getDemoData } from './demoData.js'
import { paginate, readPage } from './paginate.js'
import { json, text } from './respond.js'
import { takeRateLimit } from './takeRateLimit.js'
import { verifySiwe } from './verifySiwe.js'

type Handler = (context: ServerContext, request: RouteRequest, match: RegExpExecArray, caller: V1Caller | undefined) => Promise<Response>
/**
 * `auth: false` is public; a string is the role the route's scope must hold; `true` is any valid token.
 * `signIn` routes spend the client's sign-in bucket (`authRateLimit`), every other one its data bucket.
 */
type Route = { pattern: RegExp; auth: boolean | string; signIn?: true; methods: Partial<Record<'GET' | 'POST', Handler>> }

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const NONCE_TTL = 600

const badQuery = (problem: string) => text(400, `Invalid query parameters: ${problem}`)
const notFound = (what: string) => text(404, `${what} not found`)

const parseJson = (body: Uint8Array): { value: unknown } | undefined => {
  try {
    return { value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)) }
  } catch {
    return undefined
  }
}

const nonce: Handler = async (context, { host }) => {
  // 17 alphanumeric characters from Web Crypto (≈ 101 bits); the modulo bias over 62 symbols is negligible here.
  const bytes = crypto.getRandomValues(new Uint8Array(17))
  const value = Array.from(bytes, (byte) => NONCE_ALPHABET[byte % 62]).join('')
  await context.nonceStore.put(value, host, NONCE_TTL)
  return json(200, { nonce: value }, { 'Cache-Control': 'no-store' })
}

const verify: Handler = async (context, { body, host }) => {
  const parsed = parseJson(body)
  if (!parsed || !parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value))
    return json(400, { message: 'The body must be JSON: {"message": "<EIP-4361 message>", "signature": "0x…"}.' })
  const result = await verifySiwe(context, parsed.value as { message: unknown; signature: unknown }, host)
  if (!result.ok) return json(401, { message: result.reason })
  return json(200, { access_token: result.accessToken, token_type: 'JWT', expires_in: result.expiresIn }, { 'Cache-Control': 'no-store' })
}

const proposals: Handler = async (_context, { url }) => {
  const page = readPage(url.searchParams)
  if (typeof page === 'string') return badQuery(page)
  const filter = url.searchParams.get('filter') ?? 'relevant'
  if (filter !== 'relevant' && filter !== 'everything') return badQuery('filter must be relevant or everything')
  const all = getDemoData().proposals
  return json(200, paginate(filter === 'everything' ? all : all.filter((p) => p.status !== 'CANCELLED'), page.limit, page.offset))
}

const proposal: Handler = async (_context, _request, match) => {
  const found = getDemoData().proposals.find((p) => p.id === match[1])
  return found ? json(200, found) : notFound('Proposal')
}

const votes: Handler = async (_context, { url }, match) => {
  const list = getDemoData().votes.get(match[1]!)
  if (!list) return notFound('Proposal')
  const page = readPage(url.searchParams)
  if (typeof page === 'string') return badQuery(page)
  const sort = url.searchParams.get('sort') ?? 'weight'
  if (sort !== 'weight' && sort !== 'block_number') return badQuery('sort must be weight or block_number')
  const sorted = [...list].sort((a, b) =>
    sort === 'weight' ? (BigInt(b.weight) > BigInt(a.weight) ? 1 : BigInt(b.weight) < BigInt(a.weight) ? -1 : 0) : b.blockNumber - a.blockNumber,
  )
  return json(200, paginate(sorted, page.limit, page.offset))
}

const delegates: Handler = async (_context, { url }) => {
  const page = readPage(url.searchParams)
  if (typeof page === 'string') return badQuery(page)
  if ((url.searchParams.get('sort') ?? 'voting_power') !== 'voting_power') return badQuery('sort must be voting_power')
  return json(200, paginate(getDemoData().delegates, page.limit, page.offset))
}

const delegate: Handler = async (_context, _request, match) => {
  const data = getDemoData()
  let key: string
  try {
    key = decodeURIComponent(match[1]!).toLowerCase()
  } catch {
    return badQuery('addressOrENSName is not a valid URI component')
  }
  const address = key.endsWith('.eth') ? data.ens.get(key) : key
  if (!address) return notFound('Delegate')
  if (!isAddress(address, { strict: false })) return badQuery('addressOrENSName must be an address or an ENS name')
  const found = data.delegates.find((d) => d.address.toLowerCase() === address.toLowerCase())
  const zero = { address, votingPower: { total: '0', direct: '0', advanced: '0' }, statement: null, participation: 0 }
  const chosen = found ?? zero
  const relative = Number((BigInt(chosen.votingPower.total) * 1_000_000n) / BigInt(data.votableSupply)) / 1_000_000
  return json(200, { ...chosen, votingPowerRelativeToVotableSupply: relative })
}

const votableSupply: Handler = async () => json(200, { votable_supply: getDemoData().votableSupply })

const spec: Handler = async (context) =>
  json(200, {
    openapi: '3.0.3',
    info: { title: 'Agora API (local agora-auth server)', version: '1.0.0' },
    servers: [{ url: context.prefix }],
    paths: Object.fromEntries(
      ['/auth/nonce', '/auth/verify', '/proposals', '/proposals/{id}', '/proposals/{id}/votes', '/delegates', '/delegates/{addressOrEnsName}', '/votable_supply', '/retrofunding/rounds/{roundId}/ballots/{address}'].map(
        (path) => [path, {}],
      ),
    ),
  })

type Ballot = { roundId: number; address: string; status: 'PENDING' | 'SUBMITTED'; allocations: { projectId: string; amount: string }[]; updatedAt: string }

const ballotAccess = (caller: V1Caller | undefined, address: string) =>
  caller?.kind === 'jwt' &&
  (caller.roles.includes('badgeholder') || caller.roles.includes('rf-demo-user')) &&
  caller.address.toLowerCase() === address.toLowerCase()

const getBallot: Handler = async (context, _request, match, caller) => {
  const [, roundId, address] = match as unknown as [string, string, string]
  if (!ballotAccess(caller, address)) return json(403, { message: 'Unauthorized' })
  const stored = context.ballots.get(`${roundId}:${address.toLowerCase()}`) as Ballot | undefined
  return json(200, stored ?? { roundId: Number(roundId), address: caller!.address, status: 'PENDING', allocations: [], updatedAt: null })
}

const postBallot: Handler = async (context, { body }, match, caller) => {
  const [, roundId, address] = match as unknown as [string, string, string]
  if (!ballotAccess(caller, address)) return json(403, { message: 'Unauthorized' })
  const parsed = parseJson(body)?.value as { allocations?: unknown } | undefined
  const allocations = parsed && typeof parsed === 'object' ? parsed.allocations : undefined
  const valid =
    Array.isArray(allocations) &&
    allocations.length <= 100 &&
    allocations.every(
      (a) => a && typeof a === 'object' && typeof a.projectId === 'string' && a.projectId.length <= 100 && /^\d{1,30}$/.test(String(a.amount)),
    )
  if (!valid) return json(400, { message: 'The body must be JSON: {"allocations": [{"projectId": "…", "amount": "<integer>"}]}, at most 100.' })
  const ballot: Ballot = {
    roundId: Number(roundId),
    address: caller!.address,
    status: 'SUBMITTED',
    allocations: (allocations as { projectId: string; amount: unknown }[]).map((a) => ({ projectId: a.projectId, amount: String(a.amount) })),
    updatedAt: new Date(context.now()).toISOString(),
  }
  const key = `${roundId}:${address.toLowerCase()}`
  // Demo storage: bounded, the oldest ballot goes first.
  if (!context.ballots.has(key) && context.ballots.size >= 10_000) context.ballots.delete(context.ballots.keys().next().value!)
  context.ballots.set(key, ballot)
  return json(200, ballot)
}

const ROUTES: Route[] = [
  { pattern: /^auth\/nonce$/, auth: false, signIn: true, methods: { GET: nonce } },
  { pattern: /^auth\/verify$/, auth: false, signIn: true, methods: { POST: verify } },
  { pattern: /^votable_supply$/, auth: false, methods: { GET: votableSupply } },
  { pattern: /^spec$/, auth: false, methods: { GET: spec } },
  { pattern: /^proposals$/, auth: 'reader:public', methods: { GET: proposals } },
  { pattern: /^proposals\/(\d{1,80})$/, auth: 'reader:public', methods: { GET: proposal } },
  { pattern: /^proposals\/(\d{1,80})\/votes$/, auth: 'reader:public', methods: { GET: votes } },
  { pattern: /^delegates$/, auth: 'reader:public', methods: { GET: delegates } },
  { pattern: /^delegates\/([^/]{1,200})$/, auth: 'reader:public', methods: { GET: delegate } },
  { pattern: /^retrofunding\/rounds\/(\d{1,9})\/ballots\/(0x[0-9a-fA-F]{40})$/, auth: true, methods: { GET: getBallot, POST: postBallot } },
]

/** Routes one contract A request: 404/405 first, then bearer validation, then rate limiting, then the handler (internal). */
export async function routeV1(context: ServerContext, request: RouteRequest): Promise<Response> {
  const route = ROUTES.find((candidate) => candidate.pattern.test(request.path))
  const match = route?.pattern.exec(request.path)
  if (!route || !match) return text(404, `Not found: ${request.url.pathname}`)
  const method = request.request.method === 'HEAD' ? 'GET' : request.request.method
  const handler = route.methods[method as 'GET' | 'POST']
  if (!handler) return text(405, `Method ${request.request.method} not allowed`, { Allow: Object.keys(route.methods).join(', ') })
  let caller: V1Caller | undefined
  if (route.auth !== false) {
    const result = await authenticateV1(context, request.request, typeof route.auth === 'string' ? route.auth : undefined)
    if (result instanceof Response) return result
    caller = result
  }
  const retryAfter = route.signIn
    ? await takeRateLimit(context, `auth:ip:${request.clientAddress}`, context.authRateLimit)
    : await takeRateLimit(context, caller?.rateKey ?? `ip:${request.clientAddress}`, context.rateLimit)
  if (retryAfter !== undefined) return json(429, { message: 'Too many requests.' }, { 'Retry-After': String(retryAfter) })
  return handler(context, request, match, caller)
}
