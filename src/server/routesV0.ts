import { SignJWT, exportJWK } from 'jose'
import { getAddress } from 'viem'
import { authenticateV0, readV0Bearer, unauthorized, V0_TENANT, type V0Caller } from './authenticateV0.js'
import { UUID } from './authenticateV1.js'
import type { RouteRequest, ServerContext } from './context.js'
import { getDemoData } from './demoData.js'
import { hashApiKey } from './hashApiKey.js'
import { paginate, readPage } from './paginate.js'
import { envelope, json } from './respond.js'
import { takeRateLimit } from './takeRateLimit.js'

type Handler = (context: ServerContext, request: RouteRequest, caller: V0Caller | undefined) => Promise<Response>
type Route = { path: string; auth: boolean; methods: Partial<Record<'GET' | 'POST', Handler>> }

const token: Handler = async (context, { request }) => {
  const key = readV0Bearer(request, 'API key')
  if (key instanceof Response) return key
  if (!UUID.test(key)) return unauthorized('invalid_token', 'The bearer is not an API key.')
  const hash = await hashApiKey(key)
  const record = await context.apiKeyStore.get(hash)
  if (!record) return unauthorized('invalid_token', 'The API key is not known.')
  if (!record.enabled) return unauthorized('token_revoked', 'The API key was revoked.')
  // The exchange spends the key's own bucket, so re-exchanging per request runs into 429.
  const limited = await rateLimited(context, `v0key:${hash}`)
  if (limited) return limited
  const [signer] = await context.v0Keys()
  const issuedAt = Math.floor(context.now() / 1000)
  const sessionJwt = await new SignJWT({
    sub: record.address,
    akh: hash,
    tid: V0_TENANT,
    chainId: record.chainId,
    scope: 'reader:public',
    iat: issuedAt,
    exp: issuedAt + context.v0TokenTtl,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: signer!.kid })
    .sign(signer!.privateKey)
  // The TTL is deliberately not in the response, as on the real server.
  return json(200, { sessionJwt }, { 'Cache-Control': 'no-store' })
}

const metrics: Handler = async () => {
  const data = getDemoData()
  return json(200, { total_supply: data.totalSupply, circulating_supply: data.circulatingSupply, votable_supply: data.votableSupply })
}
const totalSupply: Handler = async () => json(200, { total_supply: getDemoData().totalSupply })
const circulatingSupply: Handler = async () => json(200, { circulating_supply: getDemoData().circulatingSupply })

const jwks: Handler = async (context) => json(200, { keys: await publicJwks(context) })

const me: Handler = async (_context, _request, caller) => {
  const { record, claims } = caller!
  return json(200, { address: record.address, chainId: record.chainId, description: record.description, scope: claims.scope ?? null })
}

/** The account behind the API key, as the Public API's own docs show for their example protected endpoint. */
const accounts: Handler = async (_context, _request, caller) => {
  const { record, claims } = caller!
  const account = {
    address: record.address,
    chainId: record.chainId,
    email: record.email,
    description: record.description,
    scope: claims.scope ?? null,
    createdAt: record.createdAt,
  }
  return json(200, { data: [account] })
}

const proposals: Handler = async (_context, { url }) => {
  const page = readPage(url.searchParams)
  if (typeof page === 'string') return envelope(400, 'parameter_invalid', page, { issues: [page] })
  return json(200, paginate(getDemoData().proposals, page.limit, page.offset))
}

const badgeholder: Handler = async (context, _request, caller) => {
  let roles: readonly string[] = []
  try {
    roles = await context.resolveRoles(getAddress(caller!.record.address))
  } catch {
    // A stored address that is not an address, or a roles lookup that failed: no roles, so not eligible.
  }
  if (!roles.includes('badgeholder'))
    return envelope(403, 'forbidden', 'The account behind this API key is not a badgeholder.', { reason: 'account_not_eligible' })
  return json(200, { address: caller!.record.address, eligible: true })
}

const ROUTES: Route[] = [
  { path: 'auth/token', auth: false, methods: { POST: token } },
  { path: 'metrics', auth: false, methods: { GET: metrics } },
  { path: 'metrics/total-supply', auth: false, methods: { GET: totalSupply } },
  { path: 'metrics/circulating-supply', auth: false, methods: { GET: circulatingSupply } },
  { path: '.well-known/jwks.json', auth: false, methods: { GET: jwks } },
  { path: 'me', auth: true, methods: { GET: me } },
  { path: 'accounts', auth: true, methods: { GET: accounts } },
  { path: 'proposals', auth: true, methods: { GET: proposals } },
  { path: 'retrofunding/badgeholder', auth: true, methods: { GET: badgeholder } },
]

async function rateLimited(context: ServerContext, key: string): Promise<Response | undefined> {
  const retryAfter = await takeRateLimit(context, key, context.rateLimit)
  if (retryAfter === undefined) return undefined
  const message = 'Too many requests; wait for Retry-After seconds.'
  return envelope(429, 'rate_limit_exceeded', message, { retry_after: retryAfter }, { 'Retry-After': String(retryAfter) })
}

/** The public halves of the v0 signing keys as JWKs (internal). */
export async function publicJwks(context: ServerContext): Promise<Record<string, unknown>[]> {
  return Promise.all(
    (await context.v0Keys()).map(async (key) => ({ ...(await exportJWK(key.publicKey)), kid: key.kid, alg: 'RS256', use: 'sig' })),
  )
}

/** Routes one contract B request (internal). */
export async function routeV0(context: ServerContext, request: RouteRequest): Promise<Response> {
  const route = ROUTES.find((candidate) => candidate.path === request.path)
  if (!route) return envelope(404, 'not_found', `No route ${request.url.pathname}.`)
  const method = request.request.method === 'HEAD' ? 'GET' : request.request.method
  const handler = route.methods[method as 'GET' | 'POST']
  if (!handler)
    return envelope(405, 'method_not_allowed', `Method ${request.request.method} is not allowed here.`, undefined, { Allow: Object.keys(route.methods).join(', ') })
  let caller: V0Caller | undefined
  if (route.auth) {
    const result = await authenticateV0(context, request.request)
    if (result instanceof Response) return result
    caller = result
  }
  if (route.path !== 'auth/token') {
    const limited = await rateLimited(context, caller ? `v0key:${caller.hash}` : `ip:${request.clientAddress}`)
    if (limited) return limited
  }
  return handler(context, request, caller)
}
