import { act, screen } from '@testing-library/react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { SessionBadge } from '../../../src/react/components/SessionBadge.js'
import { useSignIn, type UseSignInReturnType } from '../../../src/react/hooks/useSignIn.js'
import { DEMO_ACCOUNTS } from '../../../src/testing/demoAccounts.js'
import { apiBase, makeWagmi, renderAgora } from '../harness.js'

beforeEach(() => localStorage.clear())
afterEach(() => vi.useRealTimers())

const minutesLeft = () => {
  const [, h = '0', m] = /expires in (?:(\d+) h )?(\d+) min/.exec(screen.getByRole('region', { name: 'Session' }).textContent ?? '')!
  return Number(h) * 60 + Number(m)
}

it('counts down on a page left open, without anything else re-rendering it', async () => {
  // Only the clock and intervals are fake: the sign-in's network and wagmi's timeouts run for real.
  vi.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setInterval', 'clearInterval'] })
  const wagmi = makeWagmi({ privateKey: DEMO_ACCOUNTS.citizen.privateKey })
  let signIn: UseSignInReturnType | undefined
  function SignIn() {
    signIn = useSignIn()
    return null
  }
  renderAgora(
    <>
      <SignIn />
      <SessionBadge />
    </>,
    { wagmi, provider: { baseUrl: await apiBase() } },
  )
  await wagmi.connect()
  await act(() => signIn!.signInAsync())
  expect(screen.getByRole('list', { name: 'Roles' })).toHaveTextContent('citizen')
  const before = minutesLeft()
  expect(before).toBeGreaterThanOrEqual(23 * 60 + 59)
  // Two hours pass with the page open.
  act(() => vi.advanceTimersByTime(2 * 60 * 60_000))
  expect(minutesLeft()).toBe(before - 120)
})
