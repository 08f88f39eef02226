// `npm run bench` (after a build): runs every benchmark module in turn — bundle sizes, the server, the client, the
// React layer. Each prints its figures and the budget it holds itself to; every module runs even when an earlier
// one misses, and the run exits non-zero when any budget is missed, so a regression is seen, not only printed.
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))
const only = process.argv.slice(2)
const modules = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts' && !file.startsWith('_'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort()

let failed = 0
for (const file of modules) {
  console.log(`\n### ${file}`)
  const { run } = (await import(`./${file}`)) as { run: () => Promise<boolean | void> }
  const ok = await run()
  if (ok === false) failed++
}
console.log(failed ? `\n${failed} benchmark(s) missed their budget` : '\nall benchmarks within budget')
process.exit(failed ? 1 : 0)
