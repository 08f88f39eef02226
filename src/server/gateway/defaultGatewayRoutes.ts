import type { GatewayRoutePolicy, GatewayRoutes } from './types.js'

const session: GatewayRoutePolicy = { access: 'session' }
const publicRoute: GatewayRoutePolicy = { access: 'public' }

/** The retro-funding ballot: a badgeholder or demo user, reading or writing their own ballot only. */
const ownBallot: GatewayRoutePolicy = {
  access: { anyRole: ['badgeholder', 'rf-demo-user'] },
  ownAddress: 'address',
  methods: ['GET', 'POST'],
}

/**
 * The gateway's routes by default, per upstream API: what the upstream itself leaves public stays public, the rest
 * needs a session; the credential's own account (`accounts`, `me`) and the key exchange are never forwarded.
 * @example createAgoraServer({ upstream: { baseUrl, credential, routes: { ...defaultGatewayRoutes.v1, proposals: { access: 'public' } } } })
 */
export const defaultGatewayRoutes: { readonly v0: GatewayRoutes; readonly v1: GatewayRoutes } = {
  v0: {
    metrics: publicRoute,
    'metrics/total-supply': publicRoute,
    'metrics/circulating-supply': publicRoute,
    proposals: session,
  },
  v1: {
    votable_supply: publicRoute,
    proposals: session,
    'proposals/{proposalId}': session,
    'proposals/{proposalId}/votes': session,
    delegates: session,
    'delegates/{addressOrEnsName}': session,
    'delegates/{addressOrEnsName}/votes': session,
    'delegates/{addressOrEnsName}/delegatees': session,
    'delegates/{addressOrEnsName}/delegators': session,
    'contracts/governor': session,
    'contracts/token': session,
    'retrofunding/rounds/{roundId}/ballots/{address}': ownBallot,
  },
}
