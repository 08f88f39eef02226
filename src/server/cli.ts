import { parseArgs } from 'node:util'
import { getAddress, isAddress } from 'viem'
import { demoRolesFor } from '../testing/demoAccounts.js'
import { createAgoraServer } from './createAgoraServer.js'
import { hashApiKey } from './hashApiKey.js'
import { CLI_USAGE, DEFAULT_KEYS_FILE } from './node/cliUsage.js'
import { createFileApiKeyStore } from './node/createFileApiKeyStore.js'
import { listen } from './node/listen.js'
import { listenedHosts } from './node/listenedHosts.js'
import { readCliJwtSecret } from './node/readCliJwtSecret.js'

// agora-auth-server: run a local Agora server and manage its API keys (stored as SHA-256 digests only).

/** Settings whose names changed: one name per setting, and a clear word instead of a silently ignored one. */
const RENAMED_ENV = { AGORA_AUTH_JWT_SECRET: 'AGORA_JWT_SECRET', AGORA_AUTH_API_KEYS: 'AGORA_API_KEYS_FILE' } as const

const fail = (message: string): never => {
  process.stderr.write(`${message}\n\n${CLI_USAGE}\n`)
  process.exit(2)
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  origin: { type: 'string', multiple: true },
  'keys-file': { type: 'string' },
  'jwt-secret-file': { type: 'string' },
  // Recognised only to refuse them with a reason.
  'jwt-secret': { type: 'string' },
  store: { type: 'string' },
  email: { type: 'string' },
  address: { type: 'string' },
  'chain-id': { type: 'string' },
  description: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS })
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error))
  }
}

type Values = ReturnType<typeof parse>['values']

async function start(values: Values, keysFile: string) {
  const port = Number(values.port ?? '8787')
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0–65535, got ${values.port}`)
  const host = values.host ?? '127.0.0.1'
  const found = readCliJwtSecret({ file: values['jwt-secret-file'], env: process.env })
  const origins = [...listenedHosts(host), ...(values.origin ?? [])]
  let server
  try {
    server = createAgoraServer({
      apiKeyStore: createFileApiKeyStore(keysFile),
      demoRoles: demoRolesFor(),
      origins,
      ...(found.source === 'random' ? {} : { jwtSecret: found.secret }),
    })
  } catch (error) {
    // A short secret or a malformed --origin: the caller's mistake, said before anything listens.
    return fail(error instanceof Error ? error.message : String(error))
  }
  if (found.source === 'random')
    process.stderr.write('agora-auth-server: no AGORA_JWT_SECRET or --jwt-secret-file, so a random JWT secret is used: sessions end when this process stops.\n')
  const running = await listen(server, { port, host })
  process.stdout.write(`agora-auth server listening on ${running.url} (${server.prefix}, ${server.v0Prefix}; hosts ${origins.join(', ')}; keys in ${keysFile})\n`)
  const stop = () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

async function generateApiKey(values: Values, keysFile: string) {
  const { email, address, description } = values
  const chainId = Number(values['chain-id'])
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) return fail('--email is required (an e-mail address)')
  if (!address || !isAddress(address, { strict: false })) return fail('--address is required (0x + 40 hex digits)')
  if (!Number.isInteger(chainId) || chainId <= 0) return fail('--chain-id is required (a positive integer)')
  if (!description) return fail('--description is required')
  const key = crypto.randomUUID()
  const hash = await hashApiKey(key)
  const record = { email, address: getAddress(address), chainId, description, enabled: true, createdAt: new Date().toISOString() }
  await createFileApiKeyStore(keysFile).put(hash, record)
  // The key is printed once, on stdout alone, so `KEY=$(agora-auth-server generate-apikey …)` works.
  process.stdout.write(`${key}\n`)
  process.stderr.write(`Stored SHA-256 ${hash} in ${keysFile}. The key is not stored: keep it now.\n`)
}

async function revokeApiKey(target: string | undefined, keysFile: string) {
  if (!target) return fail('revoke-apikey needs the key or its SHA-256')
  const hash = /^[0-9a-f]{64}$/i.test(target) ? target.toLowerCase() : await hashApiKey(target)
  if (!(await createFileApiKeyStore(keysFile).setEnabled(hash, false))) {
    process.stderr.write(`No API key with SHA-256 ${hash} in ${keysFile}.\n`)
    process.exit(1)
  }
  process.stdout.write(`Revoked ${hash}.\n`)
}

async function main(argv: string[]) {
  const { values, positionals } = parse(argv)
  const [command, target] = positionals
  if (values.help || !command) {
    process.stdout.write(`${CLI_USAGE}\n`)
    return
  }
  if (values['jwt-secret'] !== undefined) fail('--jwt-secret is not accepted: a secret in argv is visible to every user (ps). Set AGORA_JWT_SECRET or use --jwt-secret-file.')
  if (values.store !== undefined) fail('--store was renamed --keys-file.')
  for (const [old, current] of Object.entries(RENAMED_ENV)) if (process.env[old] !== undefined) fail(`${old} is no longer read: set ${current} instead.`)
  const keysFile = values['keys-file'] ?? process.env.AGORA_API_KEYS_FILE ?? DEFAULT_KEYS_FILE
  if (command === 'start') return start(values, keysFile)
  if (command === 'generate-apikey') return generateApiKey(values, keysFile)
  if (command === 'revoke-apikey') return revokeApiKey(target, keysFile)
  return fail(`Unknown command: ${command}`)
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
