import { decodeProtectedHeader, errors, jwtVerify } from 'jose'
import type { ServerContext } from './context.js'
import { envelope } from './respond.js'
import type { ApiKeyRecord } from './types.js'

/** The tenant every session JWT of this server names in `tid`. */
export const V0_TENANT = 'agora-local'

/** Claims a v0 session JWT must carry; any missing one answers `missing_claim`. */
export const V0_REQUIRED_CLAIMS = ['sub', 'akh', 'tid', 'exp'] as const

/** The caller of a protected v0 route. */
export type V0Caller = { hash: string; record: ApiKeyRecord; claims: Record<string, unknown> }

export const unauthorized = (reason: string, message: string): Response =>
  envelope(401, 'unauthorized', message, { reason })

/**
 * Contract B's reading of `Authorization` (internal): the bearer token, or the 401 to answer. A header with another
 * scheme (`Basic …`) counts as no bearer header at all: `missing_header`.
 * @example const bearer = readV0Bearer(request, 'API key'); if (bearer instanceof Response) return bearer
 */
export function readV0Bearer(request: Request, what: 'API key' | 'session JWT'): string | Response {
  const header = request.headers.get('authorization') ?? ''
  const isBearer = /^bearer(?: |$)/i.test(header)
  if (!isBearer) return unauthorized('missing_header', `The 'Authorization: Bearer <${what}>' header is missing.`)
  const token = /^bearer (\S+)$/i.exec(header)?.[1]
  return token ?? unauthorized('invalid_token', `The 'Authorization' header is not 'Bearer <${what}>'.`)
}

/**
 * Contract B's bearer validation of a session JWT (internal). How a test reaches each 401 reason:
 * - `missing_header`: no `Authorization` header, or one with another scheme (`Basic …`);
 * - `invalid_token`: `Bearer` with no token, garbage, a tampered payload, alg ≠ RS256, or signed by another key under our kid;
 * - `unknown_tenant`: a JWT whose `kid` is not in `v0Keys` (sign with your own key pair and another kid), or `tid` ≠ V0_TENANT;
 * - `token_expired`: move the server's `now()` past `exp` (900 s after the exchange);
 * - `missing_claim`: pass `v0Keys` to the server and sign a JWT with that key lacking one of V0_REQUIRED_CLAIMS;
 * - `token_revoked`: `server.revokeApiKey(key)` after exchanging it (existing session JWTs of that key stop working).
 */
export async function authenticateV0(context: ServerContext, request: Request): Promise<V0Caller | Response> {
  const token = readV0Bearer(request, 'session JWT')
  if (token instanceof Response) return token
  let kid: string | undefined
  try {
    const protectedHeader = decodeProtectedHeader(token)
    if (protectedHeader.alg !== 'RS256') return unauthorized('invalid_token', 'The session JWT is not signed with RS256.')
    kid = protectedHeader.kid
  } catch {
    return unauthorized('invalid_token', 'The session JWT is malformed.')
  }
  const key = (await context.v0Keys()).find((candidate) => candidate.kid === kid)
  if (!key) return unauthorized('unknown_tenant', 'The session JWT was signed by a key this server does not know.')
  let claims: Record<string, unknown>
  try {
    const verified = await jwtVerify(token, key.publicKey, { algorithms: ['RS256'], currentDate: new Date(context.now()) })
    claims = verified.payload
  } catch (error) {
    if (error instanceof errors.JWTExpired) return unauthorized('token_expired', 'The session JWT has expired; exchange the API key again.')
    return unauthorized('invalid_token', 'The session JWT is not valid.')
  }
  const missing = V0_REQUIRED_CLAIMS.find((claim) => claims[claim] === undefined)
  if (missing) return envelope(401, 'unauthorized', `The session JWT has no '${missing}' claim.`, { reason: 'missing_claim', claim: missing })
  if (claims.tid !== V0_TENANT) return unauthorized('unknown_tenant', 'The session JWT names a tenant this server does not know.')
  const hash = String(claims.akh)
  const record = await context.apiKeyStore.get(hash)
  // The key was revoked (or deleted) after this token was issued: every token of that key stops working.
  if (!record?.enabled) return unauthorized('token_revoked', 'The API key behind this session JWT was revoked.')
  return { hash, record, claims }
}
