// The built package, not the sources: RSC frameworks read the 'use client' directive from dist, and the layering
// rule (core and server never load React or wagmi) is about what ships.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let outDir: string
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
let built: Record<string, string>

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'agora-auth-build-'))
  await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir, sourcemap: false } })
  built = Object.fromEntries(
    files(outDir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => [relative(outDir, f), readFileSync(f, 'utf8')]),
  )
}, 60_000)
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('the build', () => {
  it("puts 'use client' first in the React entry and every React module, and nowhere else", () => {
    const react = Object.keys(built).filter((f) => f === 'index.js' || f.startsWith('react/'))
    expect(react.length).toBeGreaterThan(10)
    for (const file of react) expect(built[file], file).toMatch(/^["']use client["'];\n(?!["']use client)/)
    for (const file of Object.keys(built).filter((f) => !react.includes(f)))
      expect(built[file]!.includes('use client'), file).toBe(false)
  })

  it('keeps React, wagmi and Node built-ins out of core, and React out of the server', () => {
    const imports = (code: string) => [...code.matchAll(/^import .*? from "([^"]+)";?$/gm)].map((m) => m[1]!)
    for (const [file, code] of Object.entries(built)) {
      if (file === 'core.js' || file.startsWith('core/'))
        expect(imports(code).filter((i) => /^(react|wagmi|@tanstack|node:)/.test(i)), file).toEqual([])
      if (file === 'server.js' || file.startsWith('server/'))
        expect(imports(code).filter((i) => /^(react|wagmi|@tanstack)/.test(i)), file).toEqual([])
    }
  })

  it('bundles no dependency: peers and jose stay imports', () => {
    expect(Object.keys(built).filter((f) => f.includes('node_modules'))).toEqual([])
  })

  it('makes the CLI executable with a shebang', () => {
    expect(built['server/cli.js']!.startsWith('#!/usr/bin/env node')).toBe(true)
  })
})
