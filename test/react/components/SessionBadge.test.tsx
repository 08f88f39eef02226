import { act, cleanup, screen, waitFor } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { SessionBadge } from '../../../src/react/components/SessionBadge.js'
import { SignInButton } from '../../../src/react/components/SignInButton.js'
import { DEMO_ACCOUNTS } from '../../../src/testing/demoAccounts.js'
import { AgoraProviders, apiBase, hydrateServerHtml, makeWagmi, renderSignedIn } from '../harness.js'

beforeEach(() => localStorage.clear())
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  cleanup()
})

const minutesLeft = () => {
  const [, h = '0', m] = /expires in (?:(\d+) h )?(\d+) min/.exec(screen.getByRole('region', { name: 'Session' }).textContent ?? '')!
  return Number(h) * 60 + Number(m)
}

it('counts down on a page left open, without anything else re-rendering it', async () => {
  // Only the clock and intervals are fake: the sign-in's network and wagmi's timeouts run for real.
  vi.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setInterval', 'clearInterval'] })
  await renderSignedIn(<SessionBadge />, { wallet: { privateKey: DEMO_ACCOUNTS.citizen.privateKey } })
  expect(screen.getByRole('list', { name: 'Roles' })).toHaveTextContent('citizen')
  const before = minutesLeft()
  expect(before).toBeGreaterThanOrEqual(23 * 60 + 59)
  // Two hours pass with the page open.
  act(() => vi.advanceTimersByTime(2 * 60 * 60_000))
  expect(minutesLeft()).toBe(before - 120)
  // The label's exact words: hours and minutes from one hour up, then minutes alone.
  const time = () => screen.getByRole('region', { name: 'Session' }).querySelector('time')!.textContent
  act(() => vi.advanceTimersByTime((before - 120 - 65) * 60_000))
  expect(time()).toBe('expires in 1 h 5 min')
  act(() => vi.advanceTimersByTime(6 * 60_000))
  expect(time()).toBe('expires in 59 min')
})

it('renders on the server and hydrates without reading the clock, random or storage; the countdown comes after mount', async () => {
  // A real token, to render from.
  const { session, unmount } = await renderSignedIn(null, { wallet: { privateKey: DEMO_ACCOUNTS.citizen.privateKey } })
  unmount()
  localStorage.clear()
  const baseUrl = await apiBase()

  // One wagmi config for the server render and the hydration, as on a real page (wagmi reconnects one at a time).
  const reload = makeWagmi({ privateKey: DEMO_ACCOUNTS.citizen.privateKey })
  const page = () => (
    <AgoraProviders wagmi={reload} provider={{ baseUrl, initialSession: session.token }}>
      <SessionBadge />
      <SignInButton />
    </AgoraProviders>
  )
  const clock = vi.spyOn(Date, 'now')
  const random = vi.spyOn(Math, 'random')
  const storage = vi.spyOn(Storage.prototype, 'getItem')
  const html = renderToString(page())
  expect([clock.mock.calls.length, random.mock.calls.length, storage.mock.calls.length]).toEqual([0, 0, 0])
  expect(html).toContain(`<time dateTime="${new Date(session.expiresAt).toISOString()}"></time>`)
  expect(html).toContain('citizen')
  expect(html).toContain('>Sign out</button>')

  // The client's first render matches the server's HTML; the clock is read once mounted.
  const hydrated = await hydrateServerHtml(html, page())
  expect(hydrated.recoverable).not.toHaveBeenCalled()
  await waitFor(() => expect(minutesLeft()).toBeGreaterThanOrEqual(23 * 60 + 59))
  hydrated.unmount()
})
