// Benchmark: bytes a dApp pays, measured by size-limit (esbuild, minified, gzip) on the built dist with the peers
// (react, react-dom, wagmi, viem, @tanstack/react-query) external and everything else counted. The budgets are
// in .size-limit.json; the figures they are compared with in the issues: next-auth/react 10.5 kB, Clerk 26 kB,
// RainbowKit's auth adapter 37 kB (none of which fetches data). Then where the React entry's bytes are: the
// largest modules, as esbuild's metafile counts them in the minified bundle (before gzip), so that the next size
// pass starts from a map.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

type Row = { name: string; size: number; sizeLimit: number; passed: boolean }

const peers = ['react', 'react-dom', 'wagmi', 'viem', '@tanstack/react-query']
const modulesListed = 15

export async function run(): Promise<boolean> {
  let out: string
  try {
    out = execFileSync('npx', ['size-limit', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } catch (error) {
    out = (error as { stdout?: string }).stdout ?? '' // size-limit exits 1 when a budget is missed
  }
  const rows = JSON.parse(out) as Row[]
  for (const { name, size, sizeLimit, passed } of rows)
    console.log(`${passed ? 'ok  ' : 'MISS'} ${name}: ${(size / 1000).toFixed(2)} kB gzip (budget ≤ ${sizeLimit / 1000} kB)`)
  await printLargestModules()
  return rows.every((row) => row.passed)
}

async function printLargestModules() {
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url))
  const { metafile } = await build({
    stdin: { contents: "export * from './index.js'", resolveDir: dist, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    external: peers.flatMap((peer) => [peer, `${peer}/*`]),
    logLevel: 'error',
  })
  const [output] = Object.values(metafile.outputs)
  const modules = Object.entries(output?.inputs ?? {})
    .map(([path, { bytesInOutput }]) => ({ path: path.replace(/^.*dist\//, ''), bytes: bytesInOutput }))
    .sort((left, right) => right.bytes - left.bytes)
  const total = modules.reduce((sum, { bytes }) => sum + bytes, 0)
  console.log(`largest modules of the React entry (minified, before gzip; ${total} B over ${modules.length} modules):`)
  for (const { path, bytes } of modules.slice(0, modulesListed)) console.log(`  ${String(bytes).padStart(5)} B  ${path}`)
}
