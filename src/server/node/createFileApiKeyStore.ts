import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ApiKeyRecord, ApiKeyStore } from '../types.js'

type FileContents = { version: 1; keys: Record<string, ApiKeyRecord> }

/**
 * An API key store in a JSON file of SHA-256 digests and records (never a key), shared by the CLI and a running
 * server: the file is re-read when it changed, and written atomically.
 * @example createAgoraServer({ apiKeyStore: createFileApiKeyStore('.agora-auth/api-keys.json') })
 */
export function createFileApiKeyStore(path: string): ApiKeyStore {
  let cache: { mtimeMs: number; size: number; contents: FileContents } | undefined
  const read = (): FileContents => {
    let stat
    try {
      stat = statSync(path)
    } catch {
      return { version: 1, keys: {} }
    }
    if (cache && cache.mtimeMs === stat.mtimeMs && cache.size === stat.size) return cache.contents
    const contents = JSON.parse(readFileSync(path, 'utf8')) as FileContents
    cache = { mtimeMs: stat.mtimeMs, size: stat.size, contents }
    return contents
  }
  const write = (contents: FileContents) => {
    mkdirSync(dirname(path), { recursive: true })
    const temporary = `${path}.${process.pid}.tmp`
    writeFileSync(temporary, `${JSON.stringify(contents, null, 2)}\n`, { mode: 0o600 })
    renameSync(temporary, path)
    cache = undefined
  }
  return {
    async get(hash) {
      const record = read().keys[hash.toLowerCase()]
      return record && { ...record }
    },
    async put(hash, record) {
      const contents = read()
      write({ version: 1, keys: { ...contents.keys, [hash.toLowerCase()]: { ...record } } })
    },
    async setEnabled(hash, enabled) {
      const contents = read()
      const record = contents.keys[hash.toLowerCase()]
      if (!record) return false
      write({ version: 1, keys: { ...contents.keys, [hash.toLowerCase()]: { ...record, enabled } } })
      return true
    },
  }
}
