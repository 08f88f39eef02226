import { hostname, networkInterfaces } from 'node:os'

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]']
const ALL_INTERFACES = ['0.0.0.0', '::', '']

/** An address as it appears in a Host header (IPv6 in brackets). */
const asHost = (address: string) => (address.includes(':') ? `[${address}]` : address)

/**
 * The host names a server listening on `host` can be reached by (internal), for its `origins`: loopback for a
 * loopback address; every interface address and the machine's name for all interfaces; otherwise `host` itself.
 * @example createAgoraServer({ origins: [...listenedHosts('127.0.0.1'), ...extraOrigins] })
 */
export function listenedHosts(host: string): string[] {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  if (LOOPBACK.includes(bare) || bare === '::1') return LOOPBACK
  if (!ALL_INTERFACES.includes(bare)) return [asHost(bare)]
  const addresses = Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    // A link-local IPv6 address needs a zone (`%eth0`), which no Host header carries.
    .filter((entry) => !entry.address.includes('%') && !entry.address.toLowerCase().startsWith('fe80:'))
    .map((entry) => asHost(entry.address.toLowerCase()))
  // A machine name that is not a plain DNS name (spaces, unicode) cannot arrive in a Host header as written.
  const machineName = hostname().toLowerCase()
  const names = /^[a-z0-9_.-]+$/.test(machineName) ? [machineName] : []
  return [...new Set([...LOOPBACK, ...names, ...addresses])]
}
