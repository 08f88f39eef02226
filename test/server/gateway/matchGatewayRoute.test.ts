// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { compileGatewayRoutes } from '../../../src/server/gateway/compileGatewayRoutes.js'
import { defaultGatewayRoutes } from '../../../src/server/gateway/defaultGatewayRoutes.js'
import { matchGatewayRoute } from '../../../src/server/gateway/matchGatewayRoute.js'

const routes = compileGatewayRoutes(defaultGatewayRoutes.v1)
const address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

describe('matchGatewayRoute', () => {
  it('matches literals exactly and names the parameters', () => {
    expect(matchGatewayRoute(routes, 'proposals')?.route.template).toBe('proposals')
    const votes = matchGatewayRoute(routes, 'proposals/42/votes')
    expect(votes?.route.template).toBe('proposals/{proposalId}/votes')
    expect(votes?.parameters).toEqual({ proposalId: '42' })
    expect(votes?.upstreamPath).toBe('proposals/42/votes')
    const ballot = matchGatewayRoute(routes, `retrofunding/rounds/5/ballots/${address}`)
    expect(ballot?.parameters).toEqual({ roundId: '5', address })
    expect(matchGatewayRoute(routes, 'Proposals')).toBeUndefined()
    expect(matchGatewayRoute(routes, 'proposals/42/votes/extra')).toBeUndefined()
    expect(matchGatewayRoute(routes, 'accounts')).toBeUndefined()
  })

  it('decodes a parameter and encodes it again for the upstream (an ENS name, a space)', () => {
    expect(matchGatewayRoute(routes, 'delegates/vitalik.eth')?.upstreamPath).toBe('delegates/vitalik.eth')
    const spaced = matchGatewayRoute(routes, 'delegates/a%20b')
    expect(spaced?.parameters).toEqual({ addressOrEnsName: 'a b' })
    expect(spaced?.upstreamPath).toBe('delegates/a%20b')
  })

  it.each([
    ['an encoded slash', 'delegates/..%2Faccounts'],
    ['an encoded slash (lower case)', 'delegates/x%2faccounts'],
    ['an encoded backslash', 'delegates/x%5Caccounts'],
    ['an encoded dot-dot', 'delegates/%2E%2E'],
    ['a dot', 'delegates/.'],
    ['broken percent-encoding', 'delegates/%E0%A4%A'],
    ['a control character', 'delegates/a%00b'],
    ['an empty parameter', 'delegates//votes'],
    ['an overlong parameter', `delegates/${'a'.repeat(201)}`],
  ])('refuses a parameter that could leave its segment or is not text: %s', (_name, path) => {
    expect(matchGatewayRoute(routes, path)).toBeUndefined()
  })
})
