/** An EIP-4361 message as the server reads it; `nonce` may be missing so the check order can name it. */
export type ParsedSiweMessage = {
  domain: string
  address: string
  statement: string | undefined
  uri: string
  version: string
  chainId: number
  nonce: string | undefined
  issuedAt: Date
  expirationTime: Date
  notBefore: Date | undefined
  requestId: string | undefined
  resources: string[] | undefined
}

const HEADER = /^(?:[a-zA-Z][a-zA-Z0-9+\-.]*:\/\/)?([^\s/?#]+) wants you to sign in with your Ethereum account:$/
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

const date = (value: string | undefined) => {
  if (value === undefined || !DATE.test(value)) return undefined
  const parsed = new Date(value)
  return Number.isNaN(parsed.getTime()) ? undefined : parsed
}

/**
 * Parses an EIP-4361 message line by line, strictly (fields in the EIP's order); undefined when malformed,
 * including when `Issued At` or `Expiration Time` is missing, as the Agora server requires both.
 * @example parseAgoraSiweMessage(message)?.nonce
 */
export function parseAgoraSiweMessage(message: string): ParsedSiweMessage | undefined {
  const lines = message.split('\n')
  const domain = HEADER.exec(lines[0] ?? '')?.[1]
  const address = lines[1]
  if (!domain || !address || !/^0x[0-9a-fA-F]{40}$/.test(address) || lines[2] !== '') return undefined
  let index = 3
  let statement: string | undefined
  if (lines[3] !== '') {
    statement = lines[3]
    if (lines[4] !== '') return undefined
    index = 5
  } else index = 4
  // Fields in order; each optional one may be skipped.
  const fields: Record<string, string> = {}
  const order: [string, boolean][] = [
    ['URI', true],
    ['Version', true],
    ['Chain ID', true],
    ['Nonce', false],
    ['Issued At', true],
    ['Expiration Time', true],
    ['Not Before', false],
    ['Request ID', false],
  ]
  for (const [name, required] of order) {
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
  const uri = fields.URI!
  const chainId = fields['Chain ID']!
  const nonce = fields.Nonce
  const issuedAt = date(fields['Issued At'])
  const expirationTime = date(fields['Expiration Time'])
  const notBefore = fields['Not Before'] === undefined ? undefined : date(fields['Not Before'])
  if (!/^[a-zA-Z][a-zA-Z0-9+\-.]*:\S+$/.test(uri) || fields.Version !== '1' || !/^\d{1,15}$/.test(chainId)) return undefined
  if (nonce !== undefined && !/^[a-zA-Z0-9]{8,}$/.test(nonce)) return undefined
  if (!issuedAt || !expirationTime || (fields['Not Before'] !== undefined && !notBefore)) return undefined
  return {
    domain,
    address,
    statement,
    uri,
    version: '1',
    chainId: Number(chainId),
    nonce,
    issuedAt,
    expirationTime,
    notBefore,
    requestId: fields['Request ID'],
    resources,
  }
}
