import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { ApiKeyRecord, ApiKeyStore } from '../types.js'

type FileContents = { version: 1; keys: Record<string, ApiKeyRecord> }

export type CreateFileApiKeyStoreParameters = {
  /** How long a change waits for another process's lock before giving up with an error. Default: 10 000 ms. */
  lockTimeoutMs?: number
  /** A lock older than this, or held by a process on this host that no longer runs, is broken. Default: 30 000 ms. */
  staleLockMs?: number
}

/** Another process held the key file's lock for longer than `lockTimeoutMs`; nothing was changed. */
export class ApiKeyStoreLockedError extends Error {
  override name = 'ApiKeyStoreLockedError'
  readonly code = 'API_KEY_STORE_LOCKED'
  constructor(readonly lockPath: string, timeoutMs: number) {
    super(`The API key file is locked by another process (${lockPath}) and was not freed within ${timeoutMs} ms; nothing was changed. Delete the lock file if no agora-auth-server process is running.`)
  }
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM'
  }
}

/** Writes `text` to a file that does not exist yet (`O_EXCL`), flushed to disk when `durable`; false when it exists. */
function createExclusive(path: string, text: string, durable = false): boolean {
  let descriptor: number
  try {
    descriptor = openSync(path, 'wx', 0o600)
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(descriptor, text)
    if (durable) fsyncSync(descriptor)
  } finally {
    closeSync(descriptor)
  }
  return true
}

const statOrUndefined = (path: string) => {
  try {
    return statSync(path)
  } catch {
    // Gone between two steps: released or broken by another process; the caller retries.
    return undefined
  }
}

const readOrUndefined = (path: string) => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    // Gone between two steps: another process released or broke the lock, which the caller retries.
    return undefined
  }
}

/**
 * An API key store in a JSON file of SHA-256 digests and records (never a key), shared by the CLI and a running
 * server. Every change is a read-modify-write under an `O_EXCL` lock file, written to a temporary file and renamed
 * over the old one, so concurrent CLI runs and servers never lose a key or a revocation.
 * @example createAgoraServer({ apiKeyStore: createFileApiKeyStore('.agora-auth/api-keys.json') })
 */
export function createFileApiKeyStore(path: string, options: CreateFileApiKeyStoreParameters = {}): ApiKeyStore {
  const lockTimeoutMs = options.lockTimeoutMs ?? 10_000
  const staleLockMs = options.staleLockMs ?? 30_000
  const lockPath = `${path}.lock`
  let cache: { mtimeMs: number; size: number; ino: number; contents: FileContents } | undefined

  const read = (): FileContents => {
    let stat
    try {
      stat = statSync(path)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { version: 1, keys: {} }
      throw error
    }
    const unchanged = cache && cache.mtimeMs === stat.mtimeMs && cache.size === stat.size && cache.ino === stat.ino
    if (cache && unchanged) return cache.contents
    const contents = JSON.parse(readFileSync(path, 'utf8')) as FileContents
    if (contents?.version !== 1 || typeof contents.keys !== 'object') throw new Error(`${path} is not an agora-auth API key file.`)
    cache = { mtimeMs: stat.mtimeMs, size: stat.size, ino: stat.ino, contents }
    return contents
  }

  const write = (contents: FileContents) => {
    const temporary = `${path}.${process.pid}.${crypto.randomUUID()}.tmp`
    // Flushed before the rename, so a crash leaves the old file or the new one, never a truncated one.
    createExclusive(temporary, `${JSON.stringify(contents, null, 2)}\n`, true)
    renameSync(temporary, path)
    cache = undefined
  }

  /** Breaks the lock if it is stale; only the lock that was judged stale is removed, never a fresh one. */
  const breakIfStale = (token: string) => {
    // A lock being written is still empty: only its age can tell, from the file itself.
    const holder = /^(\S+) (\d+) /.exec(token)
    const holderGone = holder !== null && holder[1] === hostname() && !isRunning(Number(holder[2]))
    const tooOld = Date.now() - (statOrUndefined(lockPath)?.mtimeMs ?? Date.now()) > staleLockMs
    if (!holderGone && !tooOld) return
    // Renaming is atomic: of several waiters, one takes the stale lock away; the others find nothing to rename.
    const moved = `${lockPath}.${crypto.randomUUID()}.stale`
    try {
      renameSync(lockPath, moved)
    } catch {
      // Another waiter broke it first (or its holder released it): retry the lock.
      return
    }
    if (readOrUndefined(moved) !== token) {
      // The lock was broken and re-taken between reading and renaming: put the live one back (linking never
      // overwrites; if a third process already took the lock, this narrow race after a crash is not repaired).
      try {
        linkSync(moved, lockPath)
      } catch {
        // See above: nothing safer to do than to leave the newer lock in place.
      }
    }
    unlinkSync(moved)
  }

  /** Runs `change` (synchronous, so it is short) while holding the lock file; waits boundedly for it. */
  const locked = async <T>(change: () => T): Promise<T> => {
    mkdirSync(dirname(path), { recursive: true })
    const token = `${hostname()} ${process.pid} ${crypto.randomUUID()}`
    const deadline = Date.now() + lockTimeoutMs
    let pause = 2
    while (!createExclusive(lockPath, token)) {
      const holder = readOrUndefined(lockPath)
      if (holder !== undefined) breakIfStale(holder)
      if (Date.now() > deadline) throw new ApiKeyStoreLockedError(lockPath, lockTimeoutMs)
      await sleep(pause + Math.random() * pause)
      pause = Math.min(pause * 2, 50)
    }
    try {
      cache = undefined
      return change()
    } finally {
      // Only our own lock is removed: a stale-lock breaker may have taken it from us.
      if (readOrUndefined(lockPath) === token) unlinkSync(lockPath)
    }
  }

  return {
    async get(hash) {
      const record = read().keys[hash.toLowerCase()]
      return record && { ...record }
    },
    put: (hash, record) =>
      locked(() => {
        const { keys } = read()
        write({ version: 1, keys: { ...keys, [hash.toLowerCase()]: { ...record } } })
      }),
    setEnabled: (hash, enabled) =>
      locked(() => {
        const { keys } = read()
        const record = keys[hash.toLowerCase()]
        if (!record) return false
        write({ version: 1, keys: { ...keys, [hash.toLowerCase()]: { ...record, enabled } } })
        return true
      }),
  }
}
