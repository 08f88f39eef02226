// Benchmark: what the React layer costs a dApp, counted in Chromium against the demo's local Agora server.
// - renders per consumer during one sign-in (from the click to `authenticated`);
// - requests during a sign-in, and round trips after the wallet signature (the nonce is fetched before the
//   prompt, so only the verify should remain);
// - requests and prompts when a reload restores a stored session.
import { serveApp } from '../e2e/serveApp.js'

/** useSession sees authenticating and authenticated; a role or roles consumer and a gate's child render once. */
const BUDGET = {
  renders: { useSession: 2, useHasRole: 1, useRoles: 1, '<SignedIn> child': 1 } as Record<string, number>,
  signInRequests: 2,
  afterSignature: 1,
  restoreRequests: 0,
  restorePrompts: 0,
}

type Figures = {
  signInRenders: Record<string, number>
  signInRequests: number
  afterSignature: number
  restore: { requests: number; prompts: number }
}

export async function run(): Promise<boolean> {
  const app = await serveApp()
  try {
    const page = await app.browser.newPage()
    await page.goto(`${app.url}?bench`)
    await page.waitForFunction('window.__bench !== undefined', undefined, { timeout: 30_000 })
    const f = (await page.evaluate('window.__bench')) as Figures
    const rows: [string, number, number][] = [
      ...Object.entries(BUDGET.renders).map(([name, budget]): [string, number, number] => [
        `renders of ${name} during a sign-in`,
        f.signInRenders[name] ?? -1,
        budget,
      ]),
      ['requests during a sign-in (nonce, verify)', f.signInRequests, BUDGET.signInRequests],
      ['round trips after the signature', f.afterSignature, BUDGET.afterSignature],
      ['requests on a reload that restores the session', f.restore.requests, BUDGET.restoreRequests],
      ['wallet prompts on that reload', f.restore.prompts, BUDGET.restorePrompts],
    ]
    let ok = true
    for (const [what, value, budget] of rows) {
      const pass = value >= 0 && value <= budget
      ok &&= pass
      console.log(`${pass ? 'ok  ' : 'MISS'} ${what}: ${value} (budget ≤ ${budget})`)
    }
    return ok
  } finally {
    await app.close()
  }
}
