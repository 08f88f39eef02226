import type { GatewayMethod, GatewayRoutePolicy, GatewayRoutes } from './types.js'

/** One segment of a route template: a literal, or a named parameter. */
export type GatewaySegment = { literal: string } | { parameter: string }

/** A route template ready to match paths against. */
export type CompiledGatewayRoute = {
  template: string
  segments: readonly GatewaySegment[]
  policy: GatewayRoutePolicy
  methods: readonly GatewayMethod[]
}

const LITERAL = /^[A-Za-z0-9._~-]+$/
const PARAMETER = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/
const METHODS: readonly GatewayMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']

/**
 * Checks and compiles the gateway's route table (internal); a template or policy no gateway could enforce throws
 * `TypeError` when the server is created, never at request time.
 * @example const routes = compileGatewayRoutes({ 'proposals/{proposalId}': { access: 'session' } })
 */
export function compileGatewayRoutes(routes: GatewayRoutes): CompiledGatewayRoute[] {
  const compiled: CompiledGatewayRoute[] = []
  for (const [template, policy] of Object.entries(routes)) {
    if (policy === false) continue
    const fail = (problem: string): never => {
      throw new TypeError(`createAgoraServer: upstream.routes[${JSON.stringify(template)}] ${problem}.`)
    }
    const segments = template.split('/').map((segment): GatewaySegment => {
      const parameter = PARAMETER.exec(segment)?.[1]
      if (parameter) return { parameter }
      if (!LITERAL.test(segment)) fail(`has the segment ${JSON.stringify(segment)}: use letters, digits, ._~- or {name}`)
      return { literal: segment }
    })
    const parameters = segments.flatMap((segment) => ('parameter' in segment ? [segment.parameter] : []))
    const { access, ownAddress } = policy
    const isKnownAccess =
      access === 'public' || access === 'session' || (typeof access === 'object' && access !== null && access.anyRole?.length > 0)
    if (!isKnownAccess) fail("needs access: 'public', 'session' or { anyRole: [at least one role] }")
    if (ownAddress !== undefined && !parameters.includes(ownAddress)) fail(`names ownAddress ${JSON.stringify(ownAddress)}, which is not one of its {parameters}`)
    // The caller's own address is only known from a session.
    if (ownAddress !== undefined && access === 'public') fail('is public, so it cannot require the caller\'s own address')
    const methods = policy.methods ?? ['GET']
    const unknownMethod = methods.find((method) => !METHODS.includes(method))
    if (methods.length === 0 || unknownMethod !== undefined) fail(`has methods ${JSON.stringify(methods)}: use some of ${METHODS.join(', ')}`)
    compiled.push({ template, segments, policy, methods })
  }
  return compiled
}
