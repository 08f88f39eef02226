// @vitest-environment node
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ApiKeyStoreLockedError, createFileApiKeyStore } from '../../../src/server/node/createFileApiKeyStore.js'

const dir = mkdtempSync(join(tmpdir(), 'agora-auth-file-store-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx')
const WORKER = join(import.meta.dirname, 'fileApiKeyStoreWorker.ts')
const CLI = join(process.cwd(), 'src', 'server', 'cli.ts')
const record = { email: 'a@b.c', address: '0x0000000000000000000000000000000000000002', chainId: 10, description: 'test', enabled: true, createdAt: new Date(0).toISOString() }
const hashes = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`)
const keysIn = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { keys: Record<string, { enabled: boolean }> }).keys

/** Runs the worker in its own process; resolves with its exit code and stderr (real I/O, so a real wait). */
const worker = (path: string, command: 'add' | 'revoke', list: string[]) =>
  new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(TSX, [WORKER, path, command, ...list], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('exit', (code) => resolve({ code, stderr }))
  })

describe('createFileApiKeyStore', () => {
  it('keeps every key and every revocation when 6 processes change the file at once', { timeout: 120_000 }, async () => {
    const path = join(dir, 'concurrent', 'api-keys.json')
    const store = createFileApiKeyStore(path)
    const existing = hashes('old', 60)
    for (const hash of existing) await store.put(hash, record)
    const added = [hashes('a', 40), hashes('b', 40), hashes('c', 40), hashes('d', 40)]
    const revoked = [existing.slice(0, 30), existing.slice(30)]
    const results = await Promise.all([...added.map((list) => worker(path, 'add', list)), ...revoked.map((list) => worker(path, 'revoke', list))])
    for (const result of results) expect(result.code, result.stderr).toBe(0)
    const keys = keysIn(path)
    expect(Object.keys(keys)).toHaveLength(60 + 160)
    for (const hash of added.flat()) expect(keys[hash]?.enabled, hash).toBe(true)
    for (const hash of existing) expect(keys[hash]?.enabled, hash).toBe(false)
    // No lock and no temporary file is left behind.
    expect(readdirSync(join(dir, 'concurrent'))).toEqual(['api-keys.json'])
  })

  it('a server reading the file sees a change made by another store (another process in real life)', async () => {
    const path = join(dir, 'shared', 'api-keys.json')
    const reader = createFileApiKeyStore(path)
    const writer = createFileApiKeyStore(path)
    expect(await reader.get('k1')).toBeUndefined()
    await writer.put('K1', record)
    expect(await reader.get('k1')).toEqual(record)
    expect(await writer.setEnabled('k1', false)).toBe(true)
    expect(await reader.get('k1')).toEqual({ ...record, enabled: false })
    expect(await writer.setEnabled('nope', false)).toBe(false)
  })

  it('breaks the lock of a process that no longer runs, and a lock older than staleLockMs', { timeout: 30_000 }, async () => {
    const path = join(dir, 'stale', 'api-keys.json')
    const store = createFileApiKeyStore(path, { lockTimeoutMs: 20_000 })
    await store.put('first', record)
    const dead = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', ''])
      child.once('exit', () => resolve(child.pid!))
    })
    writeFileSync(`${path}.lock`, `${hostname()} ${dead} crashed`)
    await store.put('second', record)
    // A live holder (this process) whose lock is far older than any change takes.
    writeFileSync(`${path}.lock`, `${hostname()} ${process.pid} stuck`)
    utimesSync(`${path}.lock`, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
    await store.put('third', record)
    // A process that died before writing its lock leaves it empty: its age alone tells.
    writeFileSync(`${path}.lock`, '')
    utimesSync(`${path}.lock`, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
    await store.put('fourth', record)
    expect(Object.keys(keysIn(path)).sort()).toEqual(['first', 'fourth', 'second', 'third'])
  })

  it('gives up after lockTimeoutMs with a clear error, and changes nothing', { timeout: 30_000 }, async () => {
    const path = join(dir, 'held', 'api-keys.json')
    const store = createFileApiKeyStore(path, { lockTimeoutMs: 300 })
    await store.put('first', record)
    writeFileSync(`${path}.lock`, `${hostname()} ${process.pid} busy`)
    const failure = store.put('second', record)
    await expect(failure).rejects.toThrow(ApiKeyStoreLockedError)
    await expect(failure).rejects.toThrow(/locked by another process .*api-keys\.json\.lock/)
    expect(Object.keys(keysIn(path))).toEqual(['first'])
    rmSync(`${path}.lock`)
    await store.put('second', record)
    expect(Object.keys(keysIn(path)).sort()).toEqual(['first', 'second'])
  })

  it('the CLI never prints a key it could not store: a held lock → exit 1, nothing on stdout', { timeout: 60_000 }, () => {
    const path = join(dir, 'cli', 'api-keys.json')
    const store = createFileApiKeyStore(path)
    return store.put('first', record).then(() => {
      // Held by this (live) process for the whole run: the CLI waits its 10 s, then gives up.
      writeFileSync(`${path}.lock`, `${hostname()} ${process.pid} busy`)
      const args = ['generate-apikey', '--email', 'a@b.c', '--address', record.address, '--chain-id', '10', '--description', 'd', '--keys-file', path]
      const result = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8' })
      rmSync(`${path}.lock`)
      expect(result.status).toBe(1)
      expect(result.stdout).toBe('')
      expect(result.stderr).toMatch(/locked by another process/)
      expect(Object.keys(keysIn(path))).toEqual(['first'])
    })
  })
})
