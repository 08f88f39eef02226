// Benchmark: the local Agora server's sign-in work, with its rate limiters on (limits set high, so every request
// pays for the limiter and none is refused).
// 1. Verify throughput against bare signature recovery (viem `recoverMessageAddress`) measured in this same run:
//    recovery is the physical floor of a verify, so the ratio says what the server adds on top. Measured in-process
//    (`server.fetch`) in CPU time, alternating blocks of verifies and of recoveries on one thread, so that load from
//    other jobs on a shared machine weighs on neither; that ratio holds the budget.
// 2. The same over loopback, as users run it: the server in its own process (this file with `--serve`), CLIENTS
//    clients in this one. On two cores the clients take CPU from the server, so this ratio is lower; it is reported.
// 3. Nonce issuance while the memory nonce store fills to 100 000 (in-process, so the store's cost is not hidden
//    behind HTTP; CPU time again): the last 10 % must be no slower than 1.5 × the first 10 %.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { recoverMessageAddress } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { createSiweMessage } from 'viem/siwe'
import { createAgoraServer } from '../../src/server/createAgoraServer.js'
import { listen } from '../../src/server/node/listen.js'

const CLIENTS = 8
const SIGN_INS = 1000
const BLOCKS = 20
const BLOCK = 50
/**
 * Blocks of each path run before counting: V8 compiles the server's functions only after some hundreds of calls, and
 * that compile time (on V8's background threads, so in this process's CPU time) fell into the first counted blocks.
 */
const WARM_UP_BLOCKS = 8
const MAX_SECONDS = 15
const FILL = 100_000
/** Limits high enough that the bench is never refused, low enough that every request takes a token. */
const HIGH_LIMIT = { capacity: 1_000_000_000, refillPerSecond: 1_000_000 }
/**
 * Budget. Verify: ≥ 0.8 of bare recovery, since a verify is one recovery plus parsing, a nonce lookup, a limiter
 * token and an HS256 JWT. Nonces: the last decile of the fill no slower than 1.5 × the first (flat, not O(n)).
 */
const BUDGET = { verifyToRecovery: 0.8, lastToFirstDecile: 1.5 }

/** CPU milliseconds this process has used: unlike the wall clock, barely moved by other jobs on a shared machine. */
const cpuNow = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50)
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
const createServer = () => createAgoraServer({ rateLimit: HIGH_LIMIT, authRateLimit: HIGH_LIMIT })

/** `tsx test/bench/server.ts --serve`: the server process of part 1. */
async function serve() {
  const running = await listen(createServer())
  process.stdout.write(`listening on ${running.url}\n`)
}

/** Starts the server process and resolves with its URL once it names it (real I/O, so a real wait). */
async function startServerProcess() {
  const tsx = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx')
  const child = spawn(tsx, [import.meta.filename, '--serve'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const found = /listening on (http:\/\/\S+)/.exec(output)
      if (found) resolve(found[1]!)
    })
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)))
  })
  return { child, url }
}

/** Runs `task` from CLIENTS concurrent loops until `count` runs or the time limit; returns sorted per-run ms. */
async function drive(count: number, task: (index: number) => Promise<boolean>) {
  const times: number[] = []
  let errors = 0
  let next = 0
  const deadline = performance.now() + MAX_SECONDS * 1000
  const started = performance.now()
  const loop = async () => {
    while (next < count && performance.now() < deadline) {
      const index = next++
      const before = performance.now()
      if (!(await task(index))) errors++
      times.push(performance.now() - before)
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, loop))
  return { times: times.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000, errors }
}

/** Recoveries per second, one after another on this thread, over the same signed messages the server verifies. */
async function recoveriesPerSecond(signed: Signed[]) {
  const started = performance.now()
  for (const { message, signature } of signed) await recoverMessageAddress({ message, signature })
  return signed.length / ((performance.now() - started) / 1000)
}

type Signed = { message: string; signature: `0x${string}` }

/** A SIWE message for `host` with `nonce`, signed by one of `accounts`. */
async function signSiwe(accounts: ReturnType<typeof privateKeyToAccount>[], index: number, host: string, nonce: string): Promise<Signed> {
  const account = accounts[index % accounts.length]!
  const issuedAt = new Date()
  const expirationTime = new Date(issuedAt.getTime() + 600_000)
  const message = createSiweMessage({ domain: host, address: account.address, statement: 'Sign in to Agora with Ethereum', uri: `http://${host}`, version: '1', chainId: 10, nonce, issuedAt, expirationTime })
  return { message, signature: await account.signMessage({ message }) }
}

/** Verifies and recoveries per CPU second in this thread, in alternating blocks, through `server.fetch`. */
async function inProcessRatio() {
  const server = createServer()
  const context = { clientAddress: '127.0.0.1' }
  const accounts = Array.from({ length: CLIENTS }, () => privateKeyToAccount(generatePrivateKey()))
  const signed: Signed[] = []
  for (let i = 0; i < (BLOCKS + WARM_UP_BLOCKS) * BLOCK; i++) {
    const response = await server.fetch(new Request('http://127.0.0.1/api/v1/auth/nonce'), context)
    const { nonce } = (await response.json()) as { nonce: string }
    signed.push(await signSiwe(accounts, i, '127.0.0.1', nonce))
  }
  let errors = 0
  const verifyBlock = async (block: Signed[]) => {
    const started = cpuNow()
    for (const entry of block) {
      const request = new Request('http://127.0.0.1/api/v1/auth/verify', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(entry) })
      const response = await server.fetch(request, context)
      if (response.status !== 200) errors++
      await response.arrayBuffer()
    }
    return cpuNow() - started
  }
  const recoverBlock = async (block: Signed[]) => {
    const started = cpuNow()
    for (const { message, signature } of block) await recoverMessageAddress({ message, signature })
    return cpuNow() - started
  }
  // Warm-up of both paths (JIT), not counted.
  for (let block = 0; block < WARM_UP_BLOCKS; block++) {
    const entries = signed.slice(block * BLOCK, (block + 1) * BLOCK)
    await verifyBlock(entries)
    await recoverBlock(entries)
  }
  let verifyMs = 0
  let recoverMs = 0
  const ratios: number[] = []
  for (let block = WARM_UP_BLOCKS; block < BLOCKS + WARM_UP_BLOCKS; block++) {
    const entries = signed.slice(block * BLOCK, (block + 1) * BLOCK)
    const verifyBlockMs = await verifyBlock(entries)
    const recoverBlockMs = await recoverBlock(entries)
    verifyMs += verifyBlockMs
    recoverMs += recoverBlockMs
    ratios.push(recoverBlockMs / verifyBlockMs)
  }
  const count = BLOCKS * BLOCK
  // The median of the per-pair ratios: a burst of load from another job skews one pair, not the figure.
  return { verifies: count / (verifyMs / 1000), recoveries: count / (recoverMs / 1000), ratio: median(ratios), errors }
}

async function verifyThroughput() {
  const { child, url } = await startServerProcess()
  try {
    const host = new URL(url).host
    const accounts = Array.from({ length: CLIENTS }, () => privateKeyToAccount(generatePrivateKey()))
    const getNonce = async () => {
      const response = await fetch(`${url}/api/v1/auth/nonce`)
      if (response.status !== 200) {
        await response.arrayBuffer()
        return undefined
      }
      return ((await response.json()) as { nonce: string }).nonce
    }
    const verify = async (body: string) => {
      const response = await fetch(`${url}/api/v1/auth/verify`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
      await response.arrayBuffer()
      return response.status === 200
    }
    await drive(300, async () => (await getNonce()) !== undefined) // warm-up: JIT, connection pool
    const nonces: string[] = []
    const nonceRun = await drive(SIGN_INS, async () => {
      const nonce = await getNonce()
      if (nonce) nonces.push(nonce)
      return nonce !== undefined
    })
    // Signed beforehand: client signing is not the server's time.
    const signed = await Promise.all(nonces.map((nonce, index) => signSiwe(accounts, index, host, nonce)))
    await recoveriesPerSecond(signed.slice(0, 200)) // warm-up
    const recoveryBefore = await recoveriesPerSecond(signed.slice(0, 1000))
    const bodies = signed.map((entry) => JSON.stringify(entry))
    const verifyRun = await drive(bodies.length, (index) => verify(bodies[index]!))
    const recoveryAfter = await recoveriesPerSecond(signed.slice(0, 1000))
    return { nonceRun, verifyRun, recovery: (recoveryBefore + recoveryAfter) / 2, recoveryBefore, recoveryAfter }
  } finally {
    child.kill('SIGTERM')
  }
}

/**
 * CPU milliseconds per 1 000 nonces in each decile of issuing FILL nonces into a fresh server's memory store: the
 * median of the decile's ten batches, so a garbage collection or a burst of load skews one batch, not the decile.
 */
async function nonceFill() {
  const request = () => new Request('http://127.0.0.1/api/v1/auth/nonce')
  const warm = createServer()
  for (let i = 0; i < 5_000; i++) await (await warm.fetch(request(), { clientAddress: '127.0.0.1' })).text()
  const server = createServer()
  const deciles: number[] = []
  let errors = 0
  for (let decile = 0; decile < 10; decile++) {
    const batches: number[] = []
    for (let batch = 0; batch < FILL / 10 / 1_000; batch++) {
      const started = cpuNow()
      for (let i = 0; i < 1_000; i++) {
        const response = await server.fetch(request(), { clientAddress: '127.0.0.1' })
        if (response.status !== 200) errors++
        await response.text()
      }
      batches.push(cpuNow() - started)
    }
    deciles.push(median(batches))
  }
  return { deciles, errors }
}

export async function run(): Promise<boolean> {
  const inProcess = await inProcessRatio()
  const { nonceRun, verifyRun, recovery, recoveryBefore, recoveryAfter } = await verifyThroughput()
  const fill = await nonceFill()
  const rate = (run: { times: number[]; seconds: number }) => run.times.length / run.seconds
  const line = (name: string, run: { times: number[]; seconds: number }) =>
    `    ${name}: ${run.times.length} in ${run.seconds.toFixed(2)} s = ${rate(run).toFixed(0)}/s, p50 ${percentile(run.times, 50).toFixed(1)} ms, p99 ${percentile(run.times, 99).toFixed(1)} ms`
  const { ratio } = inProcess
  const first = fill.deciles[0]!
  const last = fill.deciles[9]!
  const errors = inProcess.errors + nonceRun.errors + verifyRun.errors + fill.errors
  console.log(`server, rate limiters on (limits high): ${errors} errors`)
  console.log(`  verify in-process: ${inProcess.verifies.toFixed(0)}/CPU-s; bare recoverMessageAddress: ${inProcess.recoveries.toFixed(0)}/CPU-s (alternating blocks, one thread)`)
  console.log(`  verify / recovery: ${ratio.toFixed(2)} (median of ${BLOCKS} pairs of ${BLOCK})`)
  console.log(`  over loopback (server in its own process, ${CLIENTS} concurrent clients in this one):`)
  console.log(line('GET auth/nonce  ', nonceRun))
  console.log(line('POST auth/verify', verifyRun))
  console.log(`    verify / recovery: ${(rate(verifyRun) / recovery).toFixed(2)} (recovery ${recovery.toFixed(0)}/s: ${recoveryBefore.toFixed(0)} before, ${recoveryAfter.toFixed(0)} after; not budgeted, the clients share the cores)`)
  console.log(`  nonce fill to ${FILL} (in-process), CPU ms per 1 000 in each 10 %: ${fill.deciles.map((ms) => ms.toFixed(0)).join(' ')}; last / first: ${(last / first).toFixed(2)}`)
  console.log(`  budget: 0 errors, verify / recovery (in-process) ≥ ${BUDGET.verifyToRecovery}, nonce fill last / first 10 % ≤ ${BUDGET.lastToFirstDecile}`)
  const ok = errors === 0 && ratio >= BUDGET.verifyToRecovery && last / first <= BUDGET.lastToFirstDecile
  console.log(ok ? '  within budget' : '  OVER BUDGET')
  return ok
}

if (process.argv[1] === import.meta.filename) {
  if (process.argv.includes('--serve')) await serve()
  else process.exit((await run()) ? 0 : 1)
}
