// @vitest-environment node
import { execFile, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decodeJwt, jwtVerify } from 'jose'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, describe, expect, it } from 'vitest'
import { createAgoraServer, hashApiKey } from '../../src/server.js'
import { createFileApiKeyStore, listen } from '../../src/serverNode.js'
import { DEMO_ACCOUNTS } from '../../src/testing/demoAccounts.js'
import { cliEnv, getNonce, message, newAccount, postVerify, rawRequest, startCli } from './helpers.js'

const dir = mkdtempSync(join(tmpdir(), 'agora-auth-cli-'))
const store = join(dir, 'keys', 'api-keys.json')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const SECRET = 'a-cli-test-secret-that-is-long-enough-32'
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx')
const CLI = join(process.cwd(), 'src', 'server', 'cli.ts')
/**
 * Runs the CLI to completion. Asynchronously: a synchronous spawn would freeze this process, and with it the servers
 * the tests run in it (their keep-alive sockets then close under the client's feet).
 */
const cli = (args: string[], env: Record<string, string> = { AGORA_API_KEYS_FILE: store }) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(TSX, [CLI, ...args], { encoding: 'utf8', env: cliEnv(env), cwd: dir }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ status, stdout, stderr })
    })
  })

/** Stops a CLI server and waits until its output streams closed, so `stderr()` holds everything it wrote. */
const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('close', () => resolve())
    child.kill('SIGTERM')
  })

/** Signs in at a CLI server with a real signature; the access token. */
async function signInAt(url: string, privateKey: `0x${string}`) {
  const account = privateKeyToAccount(privateKey)
  const text = message({ host: new URL(url).host, address: account.address, nonce: await getNonce(url) })
  const response = await postVerify(url, { message: text, signature: await account.signMessage({ message: text }) })
  expect(response.status, await response.clone().text()).toBe(200)
  return ((await response.json()) as { access_token: string }).access_token
}

// Each CLI run starts tsx: about a second on two idle cores, ten on a busy machine.
describe('agora-auth-server CLI', { timeout: 240_000 }, () => {
  it('generate-apikey prints a UUID once and stores only its SHA-256 with the record; revoke-apikey disables it', async () => {
    const address = newAccount().address
    const generated = await cli(['generate-apikey', '--email', 'dev@example.org', '--address', address.toLowerCase(), '--chain-id', '10', '--description', 'CLI test'])
    expect(generated.status, generated.stderr).toBe(0)
    const key = generated.stdout.trim()
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const file = readFileSync(store, 'utf8')
    expect(file).not.toContain(key)
    const hash = await hashApiKey(key)
    expect(JSON.parse(file)).toEqual({
      version: 1,
      keys: { [hash]: { email: 'dev@example.org', address, chainId: 10, description: 'CLI test', enabled: true, createdAt: expect.any(String) } },
    })

    // A server reading the same file accepts the key, and refuses it once the CLI revoked it.
    const running = await listen(createAgoraServer({ apiKeyStore: createFileApiKeyStore(store), rateLimit: false }))
    try {
      const read = () => fetch(`${running.url}/api/v1/delegates?limit=1`, { headers: { Authorization: `Bearer ${key}` } })
      expect((await read()).status).toBe(200)
      const exchanged = await fetch(`${running.url}/v0/auth/token`, { method: 'POST', headers: { Authorization: `Bearer ${key}` } })
      expect(exchanged.status).toBe(200)
      const revoked = await cli(['revoke-apikey', key])
      expect(revoked.status, revoked.stderr).toBe(0)
      expect(revoked.stdout).toContain(hash)
      const refused = await read()
      expect(refused.status).toBe(401)
      expect(await refused.text()).toBe('User disabled')
    } finally {
      await running.close()
    }
    expect((await cli(['revoke-apikey', hash])).status).toBe(0)
    expect((await cli(['revoke-apikey', '0'.repeat(64)])).status).toBe(1)
  })

  it('the key file is settable by --keys-file or AGORA_API_KEYS_FILE, and defaults to ./.agora-auth/api-keys.json', async () => {
    const record = ['--email', 'a@b.c', '--address', newAccount().address, '--chain-id', '10', '--description', 'where']
    const byFlag = join(dir, 'by-flag.json')
    expect((await cli(['generate-apikey', ...record, '--keys-file', byFlag])).status).toBe(0)
    expect(Object.keys(JSON.parse(readFileSync(byFlag, 'utf8')).keys as object)).toHaveLength(1)
    const byEnv = join(dir, 'by-env.json')
    expect((await cli(['generate-apikey', ...record], { AGORA_API_KEYS_FILE: byEnv })).status).toBe(0)
    expect(Object.keys(JSON.parse(readFileSync(byEnv, 'utf8')).keys as object)).toHaveLength(1)
    expect((await cli(['generate-apikey', ...record], {})).status).toBe(0)
    expect(Object.keys(JSON.parse(readFileSync(join(dir, '.agora-auth', 'api-keys.json'), 'utf8')).keys as object)).toHaveLength(1)
  })

  it('--help documents the settings, the pinned hosts and the demo accounts with their roles', async () => {
    const help = await cli(['--help'])
    expect(help.status).toBe(0)
    for (const words of ['AGORA_JWT_SECRET', '--jwt-secret-file', 'AGORA_API_KEYS_FILE', '--keys-file', '.agora-auth/api-keys.json', '--origin', DEMO_ACCOUNTS.badgeholder.address, 'badgeholder, category:governance_infra_and_tooling'])
      expect(help.stdout).toContain(words)
    expect(help.stdout).not.toContain('AGORA_AUTH_JWT_SECRET')
  })

  it('refuses missing or bad options, a secret in argv and the old setting names, with exit code 2 and a reason', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['generate-apikey', '--address', newAccount().address, '--chain-id', '10', '--description', 'x'], {}, /--email/],
      [['generate-apikey', '--email', 'a@b.c', '--address', '0x123', '--chain-id', '10', '--description', 'x'], {}, /--address/],
      [['generate-apikey', '--email', 'a@b.c', '--address', newAccount().address, '--chain-id', 'ten', '--description', 'x'], {}, /--chain-id/],
      [['start', '--port', '99999'], {}, /--port/],
      [['frobnicate'], {}, /Unknown command/],
      [['start', '--unknown-flag'], {}, /unknown-flag/],
      [['start', '--jwt-secret', SECRET], {}, /AGORA_JWT_SECRET or use --jwt-secret-file/],
      [['start', '--store', store], {}, /renamed --keys-file/],
      [['start'], { AGORA_AUTH_JWT_SECRET: SECRET }, /set AGORA_JWT_SECRET/],
      [['start'], { AGORA_AUTH_API_KEYS: store }, /set AGORA_API_KEYS_FILE/],
      [['start', '--port', '0'], { AGORA_JWT_SECRET: 'too short' }, /at least 32/],
      [['start', '--port', '0', '--origin', 'ftp://x'], {}, /origins/],
    ]
    // Four at a time: each run is a tsx start, and the machine may be busy.
    const results: Awaited<ReturnType<typeof cli>>[] = []
    for (let first = 0; first < cases.length; first += 4)
      results.push(...(await Promise.all(cases.slice(first, first + 4).map(([args, env]) => cli(args, env)))))
    for (const [index, [args, , reason]] of cases.entries()) {
      const result = results[index]!
      expect(result.status, args.join(' ')).toBe(2)
      expect(result.stderr, args.join(' ')).toMatch(reason)
      expect(result.stderr).toContain('Usage:')
    }
  })

  it('start serves both contracts, and the demo badgeholder signs in with its demo roles', async () => {
    const { child, url } = await startCli(store)
    try {
      expect((await fetch(`${url}/v0/metrics`)).status).toBe(200)
      const token = await signInAt(url, DEMO_ACCOUNTS.badgeholder.privateKey)
      expect(decodeJwt(token)).toMatchObject({ isBadgeholder: true, scope: 'reader:public;rf-demo-user;badgeholder;category:governance_infra_and_tooling' })
    } finally {
      await stop(child)
    }
  })

  it('start warns on stderr when it makes up the JWT secret, and takes it from AGORA_JWT_SECRET or --jwt-secret-file', async () => {
    const random = await startCli(store)
    await stop(random.child)
    expect(random.stderr()).toMatch(/random JWT secret.*sessions end when this process stops/)

    const fromEnv = await startCli(store, { env: { AGORA_JWT_SECRET: SECRET } })
    try {
      const token = await signInAt(fromEnv.url, DEMO_ACCOUNTS.reader.privateKey)
      await expect(jwtVerify(token, new TextEncoder().encode(SECRET))).resolves.toBeTruthy()
    } finally {
      await stop(fromEnv.child)
    }
    expect(fromEnv.stderr()).toBe('')

    const file = join(dir, 'jwt-secret')
    writeFileSync(file, `${SECRET}-from-a-file\n`)
    const fromFile = await startCli(store, { args: ['--jwt-secret-file', file] })
    try {
      const token = await signInAt(fromFile.url, DEMO_ACCOUNTS.reader.privateKey)
      await expect(jwtVerify(token, new TextEncoder().encode(`${SECRET}-from-a-file`))).resolves.toBeTruthy()
    } finally {
      await stop(fromFile.child)
    }
    expect(fromFile.stderr()).toBe('')
  })

  it('start pins the hosts it listens on plus each --origin; any other Host gets 403', async () => {
    const { child, url } = await startCli(store, { args: ['--origin', 'https://app.example', '--origin', 'dev.example'] })
    try {
      const port = new URL(url).port
      const statusFor = async (host: string) => (await rawRequest(url, { target: '/api/v1/auth/nonce', host })).status
      expect(await statusFor(`127.0.0.1:${port}`)).toBe(200)
      expect(await statusFor(`localhost:${port}`)).toBe(200)
      expect(await statusFor('app.example')).toBe(200)
      expect(await statusFor('dev.example:5173')).toBe(200)
      expect(await statusFor('app.example:8443')).toBe(403)
      const refused = await rawRequest(url, { target: '/api/v1/auth/nonce', host: 'evil.example' })
      expect(refused.status).toBe(403)
      expect(refused.text).toMatch(/--origin/)
    } finally {
      await stop(child)
    }
  })
})
