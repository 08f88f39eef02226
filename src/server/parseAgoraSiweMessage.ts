import { getAddress } from 'viem'
import { parseSiweDate } from './parseSiweDate.js'

/** An EIP-4361 message as the server reads it; `expirationTime` may be missing, as the `siwe` parser allows. */
export type ParsedSiweMessage = {
  domain: string
  address: string
  statement: string | undefined
  uri: string
  version: string
  chainId: number
  nonce: string
  issuedAt: Date
  expirationTime: Date | undefined
  notBefore: Date | undefined
  requestId: string | undefined
  resources: string[] | undefined
}

const HEADER = /^(?:[a-zA-Z][a-zA-Z0-9+\-.]*:\/\/)?([^\s/?#]+) wants you to sign in with your Ethereum account:$/
const URI = /^[a-zA-Z][a-zA-Z0-9+\-.]*:\S+$/
const NONCE = /^[a-zA-Z0-9]{8,}$/

/** The fields after the statement, in the EIP's order; `required` ones may not be skipped. */
const FIELDS = [
  { name: 'URI', required: true },
  { name: 'Version', required: true },
  { name: 'Chain ID', required: true },
  { name: 'Nonce', required: true },
  { name: 'Issued At', required: true },
  { name: 'Expiration Time', required: false },
  { name: 'Not Before', required: false },
  { name: 'Request ID', required: false },
] as const

type FieldName = (typeof FIELDS)[number]['name']

const isChecksummed = (address: string) => {
  try {
    return getAddress(address) === address
  } catch {
    // Not an address at all.
    return false
  }
}

/**
 * Parses an EIP-4361 message line by line as the real server's parser (the `siwe` package) does; undefined when it
 * would refuse it: a non-EIP-55 address, a nonce shorter than 8 alphanumerics or none, no `Issued At`, an
 * impossible date. `Chain ID: 0` and a missing `Expiration Time` parse: the server's later checks refuse them.
 * @example parseAgoraSiweMessage(message)?.nonce
 */
export function parseAgoraSiweMessage(message: string): ParsedSiweMessage | undefined {
  const lines = message.split('\n')
  const domain = HEADER.exec(lines[0] ?? '')?.[1]
  const address = lines[1]
  if (!domain || !address || !isChecksummed(address) || lines[2] !== '') return undefined
  const hasStatement = lines[3] !== ''
  const statement = hasStatement ? lines[3] : undefined
  if (hasStatement && lines[4] !== '') return undefined
  let index = hasStatement ? 5 : 4
  const fields: Partial<Record<FieldName, string>> = {}
  for (const { name, required } of FIELDS) {
    const line = lines[index]
    if (line?.startsWith(`${name}: `)) {
      fields[name] = line.slice(name.length + 2)
      index++
    } else if (required) return undefined
  }
  let resources: string[] | undefined
  if (lines[index] === 'Resources:') {
    resources = []
    for (index++; lines[index]?.startsWith('- '); index++) resources.push(lines[index]!.slice(2))
  }
  if (index !== lines.length) return undefined
  const { URI: uri = '', Version: version, 'Chain ID': chainId = '', Nonce: nonce = '' } = fields
  if (!URI.test(uri) || version !== '1' || !/^\d+$/.test(chainId) || !NONCE.test(nonce)) return undefined
  const issuedAt = parseSiweDate(fields['Issued At'] ?? '')
  const expirationTime = fields['Expiration Time'] === undefined ? undefined : parseSiweDate(fields['Expiration Time'])
  const notBefore = fields['Not Before'] === undefined ? undefined : parseSiweDate(fields['Not Before'])
  const hasBadOptionalDate = (fields['Expiration Time'] !== undefined && !expirationTime) || (fields['Not Before'] !== undefined && !notBefore)
  if (!issuedAt || hasBadOptionalDate) return undefined
  return {
    domain,
    address,
    statement,
    uri,
    version,
    chainId: Number(chainId),
    nonce,
    issuedAt,
    expirationTime,
    notBefore,
    requestId: fields['Request ID'],
    resources,
  }
}
