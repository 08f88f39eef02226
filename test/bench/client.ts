// Benchmark: createAgoraClient over loopback.
// 1. Overhead: the client's `fetch` and `request` against a bare `fetch` (+ `json()`) to the same minimal node:http
//    server, measured in one run in interleaved rounds so machine noise hits both sides alike.
// 2. The re-auth storm: 100 concurrent requests whose token the local Agora server no longer accepts (restarted
//    with a new secret) → wallet prompts, verifies, extra round trips and time to recover, for the SIWE session
//    store; and the same for the API-key source (exchanges).
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApiKeyTokenSource } from '../../src/core/apiKey/createApiKeyTokenSource.js'
import { createAgoraClient } from '../../src/core/http/createAgoraClient.js'
import type { TokenSource } from '../../src/core/http/types.js'
import { createSessionStore } from '../../src/core/store/createSessionStore.js'
import { createMemoryApiKeyStore } from '../../src/server/createMemoryApiKeyStore.js'
import { startAgoraServer } from '../core/http/realServer.js'
import { alice, createCountingWallet } from '../helpers/countingWallet.js'

/**
 * Budgets. Overhead measured 2026-11-23 on two shared cores: see the printed figures; the budget is the issue's
 * 1.3× of a bare fetch. The storm must cost exactly one prompt and one verify (one exchange for an API key),
 * and one retry per request.
 */
const BUDGET = { overheadRatio: 1.3, prompts: 1, verifies: 1, exchanges: 1 }
const ROUNDS = 40
const PER_ROUND = 50
const STORM = 100

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function overhead() {
  const body = JSON.stringify({ meta: { has_next: false, total_returned: 1, next_offset: 0 }, data: [{ id: '1' }] })
  const http = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'r' })
    res.end(body)
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/v1`
  const token = 'x'.repeat(300) // about the size of an Agora JWT
  const tokenSource: TokenSource = { getToken: async () => token, renewToken: async () => token }
  const client = createAgoraClient({ baseUrl: base, tokenSource })
  const url = `${base}/proposals?limit=1`
  const sides = {
    bare: async () => (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json(),
    'client.fetch': async () => (await client.fetch(url)).json(),
    'client.request': () => client.request('proposals', { params: { limit: 1 } }),
  }
  const perRequest: Record<keyof typeof sides, number[]> = { bare: [], 'client.fetch': [], 'client.request': [] }
  try {
    for (let round = -1; round < ROUNDS; round++) {
      for (const [name, call] of Object.entries(sides) as [keyof typeof sides, () => Promise<unknown>][]) {
        const t0 = performance.now()
        for (let i = 0; i < PER_ROUND; i++) await call()
        // round -1 warms up the JIT and the connection pool
        if (round >= 0) perRequest[name].push(((performance.now() - t0) * 1000) / PER_ROUND)
      }
    }
  } finally {
    http.closeAllConnections()
    http.close()
  }
  // The ratio is taken within each round (same machine load on both sides), then the median over rounds.
  const result = Object.fromEntries(
    Object.entries(perRequest).map(([name, values]) => [
      name,
      { us: median(values), ratio: median(values.map((v, i) => v / perRequest.bare[i]!)) },
    ]),
  )
  console.log(`overhead (median of ${ROUNDS} interleaved rounds × ${PER_ROUND} sequential requests, loopback):`)
  for (const [name, { us, ratio }] of Object.entries(result))
    console.log(
      `  ${name.padEnd(15)} ${us.toFixed(0).padStart(5)} µs/request   ${ratio.toFixed(2)}× bare   (${(us - result.bare!.us).toFixed(0)} µs)`,
    )
  const worst = Math.max(result['client.fetch']!.ratio, result['client.request']!.ratio)
  console.log(`  budget ≤ ${BUDGET.overheadRatio}×: ${worst <= BUDGET.overheadRatio ? 'ok' : 'MISSED'}`)
  return worst <= BUDGET.overheadRatio
}

async function storm() {
  const agora = await startAgoraServer({ apiKeyStore: createMemoryApiKeyStore() })
  const count = (request: string) => agora.log.filter((l) => l.request === request).length
  let ok = true
  try {
    // SIWE: the session store renews by signing again.
    let wallet = createCountingWallet()
    const store = createSessionStore({
      baseUrl: agora.v1,
      signMessage: (request) => wallet.signMessage(request),
      storage: 'memory',
      sync: false,
    })
    store.setAccount({ address: alice.address, chainId: 10 })
    await store.signIn()
    const client = createAgoraClient({ baseUrl: agora.v1, tokenSource: store })
    const burst = () => Promise.allSettled(Array.from({ length: STORM }, (_, i) => client.request('proposals', { params: { offset: i } })))
    await burst() // warm
    agora.log.length = 0
    let t0 = performance.now()
    await burst()
    const healthy = performance.now() - t0
    agora.restart()
    agora.log.length = 0
    wallet = createCountingWallet()
    t0 = performance.now()
    const results = await burst()
    const recovered = performance.now() - t0
    const failed = results.filter((r) => r.status === 'rejected').length
    const data = count('GET /api/v1/proposals')
    const verifies = count('POST /api/v1/auth/verify')
    const extra = agora.log.length - STORM
    console.log(`re-auth storm, SIWE session store (${STORM} concurrent requests, server restarted with a new secret):`)
    console.log(`  prompts ${wallet.count}, nonces ${count('GET /api/v1/auth/nonce')}, verifies ${verifies}, data requests ${data}, failures ${failed}`)
    console.log(`  extra round trips ${extra} (one retry per request + nonce + verify = ${STORM + 2})`)
    console.log(`  time to recover ${recovered.toFixed(0)} ms (the same burst with a valid token: ${healthy.toFixed(0)} ms)`)
    const siweOk = wallet.count === BUDGET.prompts && verifies === BUDGET.verifies && failed === 0 && extra === STORM + 2
    console.log(`  budget (1 prompt, 1 verify, ${STORM + 2} extra, 0 failures): ${siweOk ? 'ok' : 'MISSED'}`)
    ok &&= siweOk

    // API key: the source re-exchanges.
    const { key } = await agora.server.createApiKey({ email: 'b@e.nch', address: alice.address, chainId: 10, description: 'bench' })
    const keyed = createAgoraClient({ baseUrl: agora.v0, tokenSource: createApiKeyTokenSource({ baseUrl: agora.v0, apiKey: key }) })
    await keyed.request('me')
    agora.restart() // new RS256 key; the API key store survives
    agora.log.length = 0
    t0 = performance.now()
    const keyedResults = await Promise.allSettled(Array.from({ length: STORM }, () => keyed.request('me')))
    const keyedTime = performance.now() - t0
    const exchanges = count('POST /v0/auth/token')
    const keyedFailed = keyedResults.filter((r) => r.status === 'rejected').length
    console.log(`re-auth storm, API-key source (${STORM} concurrent requests, server signing key replaced):`)
    console.log(`  exchanges ${exchanges}, data requests ${count('GET /v0/me')}, failures ${keyedFailed}, time to recover ${keyedTime.toFixed(0)} ms`)
    const keyOk = exchanges === BUDGET.exchanges && keyedFailed === 0
    console.log(`  budget (1 exchange, 0 failures): ${keyOk ? 'ok' : 'MISSED'}`)
    ok &&= keyOk
  } finally {
    await agora.close()
  }
  return ok
}

export async function run(): Promise<boolean> {
  const a = await overhead()
  const b = await storm()
  return a && b
}
