import type { CompiledGatewayRoute } from './compileGatewayRoutes.js'

/** A path matched to a gateway route: its parameters (decoded) and the path to ask the upstream for. */
export type GatewayRouteMatch = {
  route: CompiledGatewayRoute
  parameters: Readonly<Record<string, string>>
  /** Below the upstream base, every parameter encoded again: one parameter can never become two segments. */
  upstreamPath: string
}

const MAX_PARAMETER_LENGTH = 200

/** A parameter's decoded value, or undefined when it could escape its segment (`..`, an encoded `/` or `\`) or is not text. */
function decodeParameter(raw: string): string | undefined {
  let value: string
  try {
    value = decodeURIComponent(raw)
  } catch {
    // Not valid percent-encoding: no route has such a parameter.
    return undefined
  }
  const escapesItsSegment = value === '.' || value === '..' || /[/\\]/.test(value)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  const isText = value.length > 0 && value.length <= MAX_PARAMETER_LENGTH && !/[\u0000-\u001f\u007f]/.test(value)
  return escapesItsSegment || !isText ? undefined : value
}

/**
 * The first route whose template matches `path` (below the prefix, no leading or trailing slash), or undefined (internal).
 * @example matchGatewayRoute(routes, 'proposals/42')?.upstreamPath // 'proposals/42'
 */
export function matchGatewayRoute(routes: readonly CompiledGatewayRoute[], path: string): GatewayRouteMatch | undefined {
  const parts = path.split('/')
  for (const route of routes) {
    if (route.segments.length !== parts.length) continue
    const parameters: Record<string, string> = {}
    const upstreamParts: string[] = []
    const matches = route.segments.every((segment, index) => {
      const part = parts[index]!
      if ('literal' in segment) {
        upstreamParts.push(segment.literal)
        return part === segment.literal
      }
      const value = decodeParameter(part)
      if (value === undefined) return false
      parameters[segment.parameter] = value
      upstreamParts.push(encodeURIComponent(value))
      return true
    })
    if (matches) return { route, parameters, upstreamPath: upstreamParts.join('/') }
  }
  return undefined
}
