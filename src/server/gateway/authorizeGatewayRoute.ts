import { authenticateV1, type V1Caller } from '../authenticateV1.js'
import type { ServerContext } from '../context.js'
import { json } from '../respond.js'
import type { GatewayRouteMatch } from './matchGatewayRoute.js'

/**
 * The gateway's policy for one matched route, enforced before the upstream is asked (internal): the caller (none on a
 * public route), or the answer. A missing, expired or invalid session is contract A's plain-text 401, so the client
 * signs in again; a session without the role, or another address than the caller's own, is a 403, which it does not.
 * @example const caller = await authorizeGatewayRoute(context, request, match)
 */
export async function authorizeGatewayRoute(
  context: ServerContext,
  request: Request,
  match: GatewayRouteMatch,
): Promise<V1Caller | undefined | Response> {
  const { access, ownAddress } = match.route.policy
  // A public route ignores any Authorization header: it is never read, never passed on.
  if (access === 'public') return undefined
  const caller = await authenticateV1(context, request)
  if (caller instanceof Response) return caller
  if (typeof access === 'object') {
    const holdsARole = access.anyRole.some((role) => caller.roles.includes(role))
    if (!holdsARole) return json(403, { message: `Forbidden: this route needs one of the roles ${access.anyRole.join(', ')}.` })
  }
  if (ownAddress !== undefined) {
    // Only a SIWE session names the caller's own address (an API key's address is its owner's, not a signed-in user's).
    const isOwnAddress = caller.kind === 'jwt' && caller.address.toLowerCase() === match.parameters[ownAddress]?.toLowerCase()
    if (!isOwnAddress) return json(403, { message: 'Forbidden: this route is only for the signed-in address.' })
  }
  return caller
}
