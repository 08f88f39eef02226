// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { compileGatewayRoutes } from '../../../src/server/gateway/compileGatewayRoutes.js'
import { defaultGatewayRoutes } from '../../../src/server/gateway/defaultGatewayRoutes.js'
import type { GatewayRoutes } from '../../../src/server/gateway/types.js'

describe('compileGatewayRoutes', () => {
  it('compiles the default tables; false removes a route; methods default to GET', () => {
    expect(compileGatewayRoutes(defaultGatewayRoutes.v1).map((route) => route.template)).toContain('retrofunding/rounds/{roundId}/ballots/{address}')
    const compiled = compileGatewayRoutes({ ...defaultGatewayRoutes.v0, proposals: false })
    expect(compiled.map((route) => route.template)).toEqual(['metrics', 'metrics/total-supply', 'metrics/circulating-supply'])
    expect(compiled[0]!.methods).toEqual(['GET'])
    expect(compiled[0]!.segments).toEqual([{ literal: 'metrics' }])
    const [ballot] = compileGatewayRoutes({ 'a/{id}/b': { access: 'session', methods: ['POST'] } })
    expect(ballot!.segments).toEqual([{ literal: 'a' }, { parameter: 'id' }, { literal: 'b' }])
  })

  it.each<[string, GatewayRoutes, RegExp]>([
    ['a segment that is neither a literal nor {name}', { 'proposals/{id': { access: 'session' } }, /segment "\{id"/],
    ['an empty segment', { 'proposals//votes': { access: 'session' } }, /segment ""/],
    ['an unknown access', { proposals: { access: 'everyone' as never } }, /needs access/],
    ['an empty role list', { proposals: { access: { anyRole: [] } } }, /needs access/],
    ['ownAddress naming no parameter', { 'ballots/{address}': { access: 'session', ownAddress: 'addr' } }, /ownAddress "addr"/],
    ['ownAddress on a public route', { 'ballots/{address}': { access: 'public', ownAddress: 'address' } }, /is public/],
    ['an unknown method', { proposals: { access: 'session', methods: ['TRACE' as never] } }, /methods/],
    ['no method', { proposals: { access: 'session', methods: [] } }, /methods/],
  ])('%s throws a TypeError naming the route', (_name, routes, message) => {
    expect(() => compileGatewayRoutes(routes)).toThrow(TypeError)
    expect(() => compileGatewayRoutes(routes)).toThrow(message)
  })
})
