// @vitest-environment node
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createAgoraServer, hashApiKey } from '../../src/server.js'
import { createFileApiKeyStore, listen } from '../../src/serverNode.js'
import { newAccount, startCli } from './helpers.js'

const dir = mkdtempSync(join(tmpdir(), 'agora-auth-cli-'))
const store = join(dir, 'keys', 'api-keys.json')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx')
const CLI = join(process.cwd(), 'src', 'server', 'cli.ts')
const cli = (...args: string[]) => spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, AGORA_AUTH_API_KEYS: store } })

// Each CLI run starts tsx (about a second on two cores).
describe('agora-auth-server CLI', { timeout: 30_000 }, () => {
  it('generate-apikey prints a UUID once and stores only its SHA-256 with the record; revoke-apikey disables it', async () => {
    const address = newAccount().address
    const generated = cli('generate-apikey', '--email', 'dev@example.org', '--address', address.toLowerCase(), '--chain-id', '10', '--description', 'CLI test')
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
      const revoked = cli('revoke-apikey', key)
      expect(revoked.status, revoked.stderr).toBe(0)
      expect(revoked.stdout).toContain(hash)
      const refused = await read()
      expect(refused.status).toBe(401)
      expect(await refused.text()).toBe('User disabled')
    } finally {
      await running.close()
    }
    expect(cli('revoke-apikey', hash).status).toBe(0)
    expect(cli('revoke-apikey', '0'.repeat(64)).status).toBe(1)
  })

  it('refuses missing or bad options with exit code 2 and the usage', () => {
    for (const args of [
      ['generate-apikey', '--address', newAccount().address, '--chain-id', '10', '--description', 'x'],
      ['generate-apikey', '--email', 'a@b.c', '--address', '0x123', '--chain-id', '10', '--description', 'x'],
      ['generate-apikey', '--email', 'a@b.c', '--address', newAccount().address, '--chain-id', 'ten', '--description', 'x'],
      ['start', '--port', '99999'],
      ['frobnicate'],
      ['start', '--unknown-flag'],
    ]) {
      const result = cli(...args)
      expect(result.status, args.join(' ')).toBe(2)
      expect(result.stderr).toContain('Usage:')
    }
  })

  it('start serves both contracts on the given port', async () => {
    const { child, url } = await startCli(store)
    try {
      expect((await fetch(`${url}/api/v1/auth/nonce`)).status).toBe(200)
      expect((await fetch(`${url}/v0/metrics`)).status).toBe(200)
    } finally {
      child.kill('SIGTERM')
    }
  })
})
