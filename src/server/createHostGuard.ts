/** Hostnames a server without `origins` accepts: loopback only, on any port. */
const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]']

/** A host as a Host header may carry it, lower-cased, without userinfo: a name or an IP literal, then a port. */
const HOST = /^(?:[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/

/** The hostname of a `host[:port]` (an IPv6 literal keeps its brackets). */
const hostnameOf = (host: string) => host.replace(/:\d+$/, '')

export type CreateHostGuardParameters = {
  /** Allowed origins (`https://app.example`: that exact host and port) or hostnames (`app.example`: any port); none: loopback. */
  origins?: readonly string[] | undefined
  /** Read the host from `X-Forwarded-Host` when a proxy in front of the server sets it. */
  trustProxy?: boolean | undefined
}

/** The host a request is for, or the host it named when that one is not allowed. */
export type HostGuardResult = { allowed: true; host: string } | { allowed: false; host: string }

/**
 * Pins the hosts a server answers for (internal): a nonce, the SIWE `domain` and `uri` are only ever compared with
 * a host that passed this guard, so a phishing page's Host header cannot get a nonce for its own domain.
 * @example
 * const guard = createHostGuard({ origins: ['https://app.example'] })
 * guard(new Request('http://localhost/api/v1/auth/nonce', { headers: { host: 'evil.example' } })).allowed // false
 */
export function createHostGuard({ origins, trustProxy = false }: CreateHostGuardParameters): (request: Request) => HostGuardResult {
  const exactHosts = new Set<string>()
  // An empty list (say, from an unset environment variable) is nothing configured, not "refuse every host".
  const isConfigured = origins !== undefined && origins.length > 0
  const anyPortHostnames = new Set<string>(isConfigured ? [] : LOOPBACK_HOSTNAMES)
  for (const origin of origins ?? []) {
    if (typeof origin !== 'string') throw new TypeError(`origins: expected strings, got ${typeof origin}`)
    const isOrigin = origin.includes('://')
    const host = isOrigin ? originHost(origin) : origin.toLowerCase()
    if (!HOST.test(host)) throw new TypeError(`origins: "${origin}" is neither an origin (https://app.example) nor a host name (app.example)`)
    const pinsPort = isOrigin || host !== hostnameOf(host)
    if (pinsPort) exactHosts.add(host)
    else anyPortHostnames.add(host)
  }
  return (request) => {
    // The platform routes by Host; request.url may say localhost whatever the browser used (Next.js route handlers).
    const forwarded = trustProxy ? request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined
    const host = (forwarded || request.headers.get('host') || new URL(request.url).host).toLowerCase()
    const allowed = HOST.test(host) && (exactHosts.has(host) || anyPortHostnames.has(hostnameOf(host)))
    return { allowed, host }
  }
}

function originHost(origin: string): string {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    throw new TypeError(`origins: "${origin}" is not a URL`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`origins: "${origin}" is not an http(s) origin`)
  return url.host
}
