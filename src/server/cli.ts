import { parseArgs } from 'node:util'
import { getAddress, isAddress } from 'viem'
import { createAgoraServer } from './createAgoraServer.js'
import { hashApiKey } from './hashApiKey.js'
import { createFileApiKeyStore } from './node/createFileApiKeyStore.js'
import { listen } from './node/listen.js'

// agora-auth-server: run a local Agora server and manage its API keys (stored as SHA-256 digests only).

const USAGE = `Usage:
  agora-auth-server start [--port 8787] [--host 127.0.0.1] [--store FILE] [--jwt-secret SECRET]
  agora-auth-server generate-apikey --email E --address 0x… --chain-id N --description D [--store FILE]
  agora-auth-server revoke-apikey <key or sha256> [--store FILE]

The key store defaults to $AGORA_AUTH_API_KEYS or ./.agora-auth/api-keys.json; the JWT secret to
$AGORA_AUTH_JWT_SECRET or a random one per start.`

const fail = (message: string): never => {
  process.stderr.write(`${message}\n\n${USAGE}\n`)
  process.exit(2)
}

async function main(argv: string[]) {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        store: { type: 'string' },
        'jwt-secret': { type: 'string' },
        email: { type: 'string' },
        address: { type: 'string' },
        'chain-id': { type: 'string' },
        description: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  const [command, ...rest] = positionals
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const storePath = values.store ?? process.env.AGORA_AUTH_API_KEYS ?? '.agora-auth/api-keys.json'
  const apiKeyStore = createFileApiKeyStore(storePath)

  if (command === 'start') {
    const port = Number(values.port ?? '8787')
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0–65535, got ${values.port}`)
    const jwtSecret = values['jwt-secret'] ?? process.env.AGORA_AUTH_JWT_SECRET
    const server = createAgoraServer({ apiKeyStore, ...(jwtSecret ? { jwtSecret } : {}) })
    const running = await listen(server, { port, host: values.host ?? '127.0.0.1' })
    process.stdout.write(`agora-auth server listening on ${running.url} (${server.prefix}, ${server.v0Prefix}; keys in ${storePath})\n`)
    const stop = () => void running.close().then(() => process.exit(0))
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    return
  }
  if (command === 'generate-apikey') {
    const { email, address, description } = values
    const chainId = Number(values['chain-id'])
    if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) fail('--email is required (an e-mail address)')
    if (!address || !isAddress(address, { strict: false })) fail('--address is required (0x + 40 hex digits)')
    if (!Number.isInteger(chainId) || chainId <= 0) fail('--chain-id is required (a positive integer)')
    if (!description) fail('--description is required')
    const key = crypto.randomUUID()
    const hash = await hashApiKey(key)
    await apiKeyStore.put(hash, {
      email: email!,
      address: getAddress(address!),
      chainId,
      description: description!,
      enabled: true,
      createdAt: new Date().toISOString(),
    })
    // The key is printed once, on stdout alone, so `KEY=$(agora-auth-server generate-apikey …)` works.
    process.stdout.write(`${key}\n`)
    process.stderr.write(`Stored SHA-256 ${hash} in ${storePath}. The key is not stored: keep it now.\n`)
    return
  }
  if (command === 'revoke-apikey') {
    const target = rest[0]
    if (!target) return fail('revoke-apikey needs the key or its SHA-256')
    const hash = /^[0-9a-f]{64}$/i.test(target) ? target.toLowerCase() : await hashApiKey(target)
    if (!(await apiKeyStore.setEnabled(hash, false))) {
      process.stderr.write(`No API key with SHA-256 ${hash} in ${storePath}.\n`)
      process.exit(1)
    }
    process.stdout.write(`Revoked ${hash}.\n`)
    return
  }
  fail(`Unknown command: ${command}`)
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
