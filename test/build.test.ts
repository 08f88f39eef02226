// The built package, not the sources: RSC frameworks read the 'use client' directive from dist, and the layering
// rule (core and server never load React or wagmi) is about what ships.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
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

/** The specifiers a built module imports or re-exports. */
const importsOf = (code: string) => [...code.matchAll(/^(?:import|export) (?:[^"]*? from )?"([^"]+)";?$/gm)].map((match) => match[1]!)

/** Every package or built-in statically reachable from a built entry through its relative imports. */
function reachable(entry: string): string[] {
  const bare = new Set<string>()
  const seen = new Set<string>()
  const queue = [entry]
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue
    seen.add(file)
    for (const specifier of importsOf(built[file]!)) {
      if (specifier.startsWith('.')) queue.push(join(dirname(file), specifier))
      else bare.add(specifier)
    }
  }
  return [...bare]
}

describe('the build', () => {
  it("puts 'use client' first in every React module, and nowhere else (not in index.js: RSC may call its pure helpers)", () => {
    const react = Object.keys(built).filter((file) => file.startsWith('react/'))
    expect(react.length).toBeGreaterThan(10)
    for (const file of react) expect(built[file], file).toMatch(/^["']use client["'];\n(?!["']use client)/)
    for (const file of Object.keys(built).filter((name) => !react.includes(name)))
      expect(built[file]!.includes('use client'), file).toBe(false)
  })

  it("keeps React, wagmi's React layer and Node built-ins out of core, React out of the server, and wagmi out of agora-auth/core", () => {
    for (const [file, code] of Object.entries(built)) {
      const imports = importsOf(code).filter((specifier) => !specifier.startsWith('.'))
      // wagmi/actions is wagmi's framework-free core (the wagmi binding uses it); `wagmi` itself is its React layer.
      if (file === 'core.js' || file.startsWith('core/'))
        expect(imports.filter((specifier) => /^(react|wagmi$|@tanstack|node:)/.test(specifier)), file).toEqual([])
      if (file === 'server.js' || file.startsWith('server/'))
        expect(imports.filter((specifier) => /^(react|wagmi|@tanstack)/.test(specifier)), file).toEqual([])
    }
    expect(reachable('core.js').filter((specifier) => specifier.startsWith('wagmi'))).toEqual([])
  })

  it('keeps Node built-ins out of everything agora-auth/server loads; the Node adapters are agora-auth/server/node', () => {
    expect(reachable('server.js').filter((specifier) => specifier.startsWith('node:'))).toEqual([])
    expect(reachable('serverNode.js')).toEqual(expect.arrayContaining(['node:http', 'node:fs']))
  })

  it('bundles no dependency: peers and jose stay imports', () => {
    expect(Object.keys(built).filter((f) => f.includes('node_modules'))).toEqual([])
  })

  it('makes the CLI executable with a shebang', () => {
    expect(built['server/cli.js']!.startsWith('#!/usr/bin/env node')).toBe(true)
  })
})
