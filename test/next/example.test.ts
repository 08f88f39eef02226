// examples/next, built and started as a user would (see exampleApp.ts), driven in Chromium: sign-in at 127.0.0.1
// and at localhost, the server-rendered session after a reload, a forged cookie, sign-out.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { signAgoraJwt } from '../../src/server.js'
import { DEMO_ACCOUNTS } from '../../src/testing.js'
import { chromiumLaunchOptions } from '../setup/chromium.js'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildExample, exampleDir, installExample, packPackage, type RunningExample, startExample } from './exampleApp.js'

const JWT_SECRET = 'the-next-example-secret-of-32-bytes-or-more'
const env = { AGORA_JWT_SECRET: JWT_SECRET }
const timings: Record<string, number> = {}
const UPSTREAM_KEY = '5f1d2c8e-7a4b-4c3d-9e8f-0a1b2c3d4e5f'
const upstreamEnvAtBuild = { AGORA_UPSTREAM_URL: 'http://127.0.0.1:9/v0', AGORA_UPSTREAM_API_KEY: UPSTREAM_KEY }

let app: RunningExample
let browser: Browser
let cleanup = () => {}

/** Runs one setup step and keeps how long it took (the report's "added minutes"). */
async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now()
  const result = await work()
  timings[step] = Math.round(performance.now() - started)
  return result
}

beforeAll(async () => {
  // AGORA_AUTH_TARBALL: a tarball you packed yourself (say, with a local change), instead of building this tree.
  const given = process.env.AGORA_AUTH_TARBALL
  const { tarball, cleanup: removeTarball } = given ? { tarball: given, cleanup: () => {} } : await timed('pack', packPackage)
  cleanup = removeTarball
  await timed('install', () => installExample(tarball))
  // Built with the real-data mode's key in the environment (and started without it, on the local demo data): the
  // key must end up in no file a browser can load.
  await timed('next build', () => buildExample({ ...env, ...upstreamEnvAtBuild }))
  app = await timed('next start', () => startExample(env))
  browser = await chromium.launch(chromiumLaunchOptions)
}, 900_000)

// A server render that failed shows up as missing markup: the reason is in the Next server's own output.
beforeEach(({ onTestFailed }) => {
  onTestFailed(() => console.error(`next start output (last 4,000 characters):\n${app?.log().slice(-4000)}`))
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
  cleanup()
  console.info('examples/next setup (ms):', timings)
})

const origins = () => [`http://127.0.0.1:${app.port}`, `http://localhost:${app.port}`]
const status = (page: Page) => page.getByTestId('status')
const SIGNED_IN_TEXT = 'The server verified'
const SIGNED_OUT_TEXT = 'The server sees no session.'

/** The markup of a server-sent page without its scripts: the RSC payload in them repeats every string, rendered or not. */
const markup = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')

/** The page's markup as the server sends it for `cookie` (no JavaScript runs): what the first paint shows. */
async function serverHtml(origin: string, cookie?: string): Promise<string> {
  const response = await fetch(`${origin}/`, { headers: cookie ? { cookie } : {} })
  expect(response.status).toBe(200)
  return markup(await response.text())
}

/** Counts requests to the sign-in routes (`auth/*`) a page makes from now on. */
function countAuthRequests(page: Page): { readonly count: number } {
  const seen: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/v1/auth/')) seen.push(request.url())
  })
  return {
    get count() {
      return seen.length
    },
  }
}

async function signIn(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(origin)
  // The demo wallet reconnects by itself; with no token yet, the session is known to be signed out.
  await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toBe('unauthenticated')
  await page.getByRole('button', { name: 'Sign in with Ethereum' }).click()
  await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toBe('authenticated')
  return page
}

describe('examples/next (next build with cacheComponents, next start, Chromium)', () => {
  it('puts the upstream API key of the real-data mode in no file of the client bundle', () => {
    const staticDir = join(exampleDir, '.next', 'static')
    const files = readdirSync(staticDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
    expect(files.length).toBeGreaterThan(0)
    const withKey = files.filter((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8').includes(UPSTREAM_KEY))
    expect(withKey.map((entry) => entry.name)).toEqual([])
  })

  it.each(['127.0.0.1', 'localhost'])('signs in at %s, and a reload is signed in from the server HTML: no auth request, no prompt', async (host) => {
    const origin = `http://${host}:${app.port}`
    const context = await browser.newContext()
    const page = await signIn(context, origin)
    await expect(page.getByTestId('badgeholder').textContent()).resolves.toBe('Your retro-funding ballot is open.')
    await expect.poll(() => page.getByTestId('proposals').locator('li').count(), { timeout: 30_000 }).toBeGreaterThan(0)
    await expect(page.getByTestId('wallet-prompts').textContent()).resolves.toBe('Demo wallet prompts: 1')
    const cookie = (await context.cookies(origin)).find((entry) => entry.name === 'agora_session')
    expect(cookie?.sameSite).toBe('Lax')

    const auth = countAuthRequests(page)
    const reloaded = await page.reload()
    const html = markup(await reloaded!.text())
    // The server verified the cookie and rendered the signed-in page: server component and client components.
    expect(html).toContain(SIGNED_IN_TEXT)
    expect(html).toContain(DEMO_ACCOUNTS.badgeholder.address)
    expect(html).toContain('>authenticated</output>')
    expect(html).toContain('>Sign out</button>')
    expect(html).not.toContain('Check your wallet')
    // What could still ask for a signature is the wallet reconnecting (the store learns the account then): wait
    // for it, and for the data the token fetches, before counting.
    await expect.poll(() => page.getByTestId('wallet').textContent(), { timeout: 30_000 }).toBe('connected')
    await expect.poll(() => page.getByTestId('proposals').locator('li').count(), { timeout: 30_000 }).toBeGreaterThan(0)
    await expect(status(page).textContent()).resolves.toBe('authenticated')
    await expect(page.getByTestId('wallet-prompts').textContent()).resolves.toBe('Demo wallet prompts: 0')
    expect(auth.count).toBe(0)
    await context.close()
  }, 180_000)

  it('renders signed out for a forged cookie (badgeholder scope, wrong secret), signed in for the genuine one', async () => {
    const [origin] = origins()
    const claims = {
      address: DEMO_ACCOUNTS.badgeholder.address,
      roles: ['reader:public', 'rf-demo-user', 'badgeholder'],
      chainId: 10,
      nonce: 'forgedNonce1',
      issuedAt: Math.floor(Date.now() / 1000),
      ttl: 3600,
    }
    const forged = await signAgoraJwt({ ...claims, secret: new TextEncoder().encode('not-the-server-secret-not-the-server-secret') })
    const genuine = await signAgoraJwt({ ...claims, secret: new TextEncoder().encode(JWT_SECRET) })

    const forgedHtml = await serverHtml(origin!, `agora_session=${forged}`)
    expect(forgedHtml).toContain(SIGNED_OUT_TEXT)
    expect(forgedHtml).not.toContain('Your retro-funding ballot is open.')
    expect(forgedHtml).not.toContain('>authenticated</output>')
    // The control: the same claims with the server's secret do render signed in, so the refusal is the signature's.
    expect(await serverHtml(origin!, `agora_session=${genuine}`)).toContain(SIGNED_IN_TEXT)

    // In the browser too: the forged cookie never turns into a session, nothing gated is shown.
    const context = await browser.newContext()
    await context.addCookies([{ name: 'agora_session', value: forged, url: origin! }])
    const page = await context.newPage()
    await page.goto(origin!)
    await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toBe('unauthenticated')
    await expect(page.getByTestId('server-session').textContent()).resolves.toBe(SIGNED_OUT_TEXT)
    await expect(page.getByTestId('badgeholder').count()).resolves.toBe(0)
    await context.close()
  }, 120_000)

  it('signing out removes the cookie, and the server renders signed out again', async () => {
    const [origin] = origins()
    const context = await browser.newContext()
    const page = await signIn(context, origin!)
    await page.reload()
    await expect(page.getByTestId('server-session').textContent()).resolves.toContain(SIGNED_IN_TEXT)

    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toBe('unauthenticated')
    expect((await context.cookies(origin)).map((entry) => entry.name)).not.toContain('agora_session')
    const reloaded = await page.reload()
    expect(markup(await reloaded!.text())).toContain(SIGNED_OUT_TEXT)
    await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toBe('unauthenticated')
    await context.close()
  }, 120_000)
})
