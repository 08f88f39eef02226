// Two real tabs of one origin in one Chromium profile: sign-in and sign-out in one must reach the other
// (BroadcastChannel between documents, not two stores in one process).
import type { Page } from 'playwright'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { serveApp } from './serveApp.js'

let app: Awaited<ReturnType<typeof serveApp>>
beforeAll(async () => {
  app = await serveApp()
}, 60_000)
afterAll(() => app?.close())

const status = (page: Page) => page.getByTestId('status')

it('sign-in in one tab signs the other in; sign-out in one signs the other out', async () => {
  const context = await app.browser.newContext()
  const [one, two] = [await context.newPage(), await context.newPage()]
  await Promise.all([one.goto(app.url), two.goto(app.url)])
  // Both tabs reconnect the same wallet account and have no session yet.
  await expect.poll(() => status(one).textContent(), { timeout: 20_000 }).toBe('unauthenticated')
  await expect.poll(() => status(two).textContent(), { timeout: 20_000 }).toBe('unauthenticated')

  await one.getByRole('button', { name: 'Sign in with Ethereum' }).click()
  await expect.poll(() => status(one).textContent(), { timeout: 10_000 }).toBe('authenticated')
  await expect.poll(() => status(two).textContent(), { timeout: 10_000 }).toBe('authenticated')
  await expect(two.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true)

  await two.getByRole('button', { name: 'Sign out' }).click()
  await expect.poll(() => status(two).textContent()).toBe('unauthenticated')
  await expect.poll(() => status(one).textContent(), { timeout: 10_000 }).toBe('unauthenticated')

  // A tab opened afterwards finds no session to restore: sign-out also cleared the stored token.
  const three = await context.newPage()
  await three.goto(app.url)
  await expect.poll(() => status(three).textContent(), { timeout: 20_000 }).toBe('unauthenticated')
  await context.close()
}, 90_000)
