import { jwtVerify } from 'jose'
import type { ServerContext } from './context.js'
import { hashApiKey } from './hashApiKey.js'
import { bearerFailure } from './respond.js'

/** Who is calling a contract A route. */
export type V1Caller =
  | { kind: 'jwt'; address: string; roles: readonly string[]; rateKey: string }
  | { kind: 'apiKey'; address: string; roles: readonly string[]; rateKey: string }

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Contract A's bearer validation, with the real server's plain-text bodies (internal).
 * `scope` is a role the route needs; undefined when any valid scope will do.
 */
export async function authenticateV1(context: ServerContext, request: Request, scope?: string): Promise<V1Caller | Response> {
  // Read exactly as the real server reads it: `bearer x` (lower case) and `Bearer  x` (two spaces: an empty token)
  // have no token, and neither has any other scheme.
  const [scheme, token] = (request.headers.get('authorization') ?? '').split(' ')
  if (scheme !== 'Bearer' || !token) return bearerFailure("No token provided in 'Authorization' header")
  if (UUID.test(token)) {
    const hash = await hashApiKey(token)
    const record = await context.apiKeyStore.get(hash)
    if (!record) return bearerFailure('Invalid Bearer Token')
    if (!record.enabled) return bearerFailure('User disabled')
    // API keys carry `reader:public` only.
    const roles = ['reader:public']
    if (scope && !roles.includes(scope)) return bearerFailure('JWT scope does not match route')
    return { kind: 'apiKey', address: record.address, roles, rateKey: `key:${hash}` }
  }
  let payload: Record<string, unknown>
  try {
    // The algorithm is pinned: `none`, RS256 and anything else is refused before the signature is looked at.
    ;({ payload } = await jwtVerify(token, context.jwtSecret, { algorithms: ['HS256'], currentDate: new Date(context.now()) }))
  } catch {
    // The real server answers an expired JWT with this body too (its verifier throws before its own exp check).
    return bearerFailure('Invalid format for API Key or JWT')
  }
  if (typeof payload.exp !== 'number') return bearerFailure('JWT has no expiry time')
  if (payload.exp * 1000 <= context.now()) return bearerFailure('JWT expired')
  if (typeof payload.scope !== 'string' || payload.scope === '') return bearerFailure('JWT has no scope')
  const roles = payload.scope.split(';').filter(Boolean)
  if (scope && !roles.includes(scope)) return bearerFailure('JWT scope does not match route')
  const address = typeof payload.sub === 'string' ? payload.sub : ''
  return { kind: 'jwt', address, roles, rateKey: `sub:${address.toLowerCase()}` }
}
