// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readCliJwtSecret } from '../../../src/server/node/readCliJwtSecret.js'

const dir = mkdtempSync(join(tmpdir(), 'agora-auth-secret-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('readCliJwtSecret', () => {
  it('a file wins over the environment, one line without its newline', () => {
    const file = join(dir, 'secret')
    writeFileSync(file, '  from-the-file \n')
    expect(readCliJwtSecret({ file, env: { AGORA_JWT_SECRET: 'from-the-env' } })).toEqual({ source: 'file', secret: 'from-the-file' })
  })

  it('then AGORA_JWT_SECRET (even empty: createAgoraServer refuses it loudly), else random', () => {
    expect(readCliJwtSecret({ file: undefined, env: { AGORA_JWT_SECRET: 'from-the-env' } })).toEqual({ source: 'env', secret: 'from-the-env' })
    expect(readCliJwtSecret({ file: undefined, env: { AGORA_JWT_SECRET: '' } })).toEqual({ source: 'env', secret: '' })
    expect(readCliJwtSecret({ file: undefined, env: { AGORA_AUTH_JWT_SECRET: 'old name' } })).toEqual({ source: 'random' })
  })

  it('a missing file is an error, not a silent random secret', () => {
    expect(() => readCliJwtSecret({ file: join(dir, 'nope'), env: {} })).toThrow(/ENOENT/)
  })
})
