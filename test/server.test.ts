// @vitest-environment node
// agora-auth/server runs on edge runtimes: nothing reachable from its entry may import a Node built-in statically.
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SPECIFIER = /(?:^|\n)\s*(?:import|export)\s(?:[^'"]*?\sfrom\s)?\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

/** Every bare specifier (packages, built-ins) statically reachable from `entry` through relative imports. */
function reachableSpecifiers(entry: string): Map<string, string> {
  const found = new Map<string, string>()
  const seen = new Set<string>()
  const queue = [resolve(entry)]
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (seen.has(file)) continue
    seen.add(file)
    for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const specifier = (match[1] ?? match[2])!
      if (specifier.startsWith('.')) queue.push(join(dirname(file), specifier).replace(/\.js$/, '.ts'))
      else if (!found.has(specifier)) found.set(specifier, file)
    }
  }
  return found
}

const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!)

describe('the agora-auth/server entry', () => {
  it('reaches no Node built-in (node:*, fs, http, …) from src/server.ts', () => {
    const offenders = [...reachableSpecifiers('src/server.ts')].filter(([specifier]) => isNodeBuiltin(specifier))
    expect(offenders).toEqual([])
  })

  it('the same walk does find them from agora-auth/server/node (so the check above can fail)', () => {
    const specifiers = [...reachableSpecifiers('src/serverNode.ts').keys()]
    expect(specifiers).toEqual(expect.arrayContaining(['node:http', 'node:fs']))
  })

  it('imports no React and no wagmi', () => {
    const offenders = [...reachableSpecifiers('src/server.ts').keys()].filter((specifier) => /^(react|wagmi|@tanstack)/.test(specifier))
    expect(offenders).toEqual([])
  })
})
