// Benchmark: bytes a dApp pays, measured by size-limit (esbuild, minified, gzip) on the built dist with the peers
// (react, react-dom, wagmi, viem, @tanstack/react-query) external and everything else counted. The budgets are
// in .size-limit.json; the figures they are compared with in the issues: next-auth/react 10.5 kB, Clerk 26 kB,
// RainbowKit's auth adapter 37 kB (none of which fetches data).
import { execFileSync } from 'node:child_process'

type Row = { name: string; size: number; sizeLimit: number; passed: boolean }

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
  return rows.every((row) => row.passed)
}
