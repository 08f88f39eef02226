import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect, useState } from 'react'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { expect, waitFor, within } from 'storybook/test'
import type { AgoraAuthError } from '../src/core/errors/AgoraAuthError.js'
import { SignInButton } from '../src/react/components/SignInButton.js'
import { useAgoraQuery } from '../src/react/hooks/useAgoraQuery.js'
import { useSession } from '../src/react/hooks/useSession.js'
import { type Demo, useDemo, WalletPanel } from './demo.js'
import { DemoApp, ErrorNote, Proposals } from './DemoApp.js'

const meta = { title: 'Authenticated data', component: DemoApp } satisfies Meta<typeof DemoApp>
export default meta
type Story = StoryObj<typeof meta>

type Canvas = ReturnType<typeof within>
const signIn = async (canvas: Canvas, click: (el: Element) => Promise<void>) => {
  await click(await canvas.findByRole('button', { name: 'Sign in with Ethereum' }))
  await waitFor(() => expect(canvas.getByRole('button', { name: 'Sign out' })).toBeVisible())
}
const prompts = (canvas: Canvas) => Number(canvas.getByTestId('prompts').textContent)

export const SessionExpired: Story = {
  // This server's tokens live 31 s; the client renews 30 s before `exp`, so they count as expired after 1 s.
  parameters: { agora: { server: 'expiring' } },
  render: () => (
    <main>
      <SignInButton />
      <WalletPanel />
      <Proposals />
    </main>
  ),
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement)
    await signIn(canvas, (el) => userEvent.click(el))
    const list = canvas.getByRole('region', { name: 'Proposals' })
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3))
    const before = prompts(canvas)
    // Real time on a real server: wait for the token to pass its renewal point, then use it.
    await new Promise((resolve) => setTimeout(resolve, 1_200))
    await userEvent.click(canvas.getByRole('button', { name: 'Reload proposals' }))
    await waitFor(() => expect(prompts(canvas)).toBe(before + 1))
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Reload proposals' })).toBeEnabled())
    await expect(within(list).getAllByRole('listitem')).toHaveLength(3)
    expect(within(list).queryByRole('alert')).toBeNull()
  },
}

/** Twenty panels, each its own query, loaded at once after the server restarted and forgot every token. */
function Burst() {
  const [shown, setShown] = useState(false)
  const { baseUrl } = useDemo()
  const restart = () => fetch(baseUrl.replace(/\/api\/v1$/, '/__restart'), { method: 'POST' })
  return (
    <main>
      <SignInButton />
      <WalletPanel />
      <button type="button" onClick={() => restart().then(() => setShown(true))}>
        Restart the server, then load 20 panels
      </button>
      {shown && <BurstPanels />}
    </main>
  )
}
function BurstPanels() {
  return (
    <ul aria-label="Panels">
      {Array.from({ length: 20 }, (_, i) => (
        <Panel key={i} offset={i} />
      ))}
    </ul>
  )
}
function Panel({ offset }: { offset: number }) {
  const { status } = useAgoraQuery('proposals', { params: { limit: 1, offset } })
  return <li data-state={status}>{status}</li>
}

export const BurstOf401s: Story = {
  parameters: { agora: { server: 'restart' } },
  render: () => <Burst />,
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement)
    await signIn(canvas, (el) => userEvent.click(el))
    await expect(prompts(canvas)).toBe(1)
    await userEvent.click(canvas.getByRole('button', { name: 'Restart the server, then load 20 panels' }))
    const panels = () => within(canvas.getByRole('list', { name: 'Panels' })).getAllByRole('listitem')
    await waitFor(() => expect(panels().filter((li) => li.dataset.state === 'success')).toHaveLength(20), { timeout: 5_000 })
    await expect(panels()).toHaveLength(20)
    await expect(prompts(canvas)).toBe(2) // twenty 401s, one re-authentication
  },
}

const stranger = privateKeyToAccount(generatePrivateKey()).address

function SomeoneElsesBallot() {
  const { error } = useAgoraQuery('retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', {
    path: { roundId: 5, addressOrEnsName: stranger },
    enabled: !!useSession().session,
  })
  return (
    <main>
      <SignInButton />
      <WalletPanel />
      <h2>Someone else's ballot</h2>
      <ErrorNote error={error} />
    </main>
  )
}

export const Forbidden: Story = {
  render: () => <SomeoneElsesBallot />,
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement)
    await signIn(canvas, (el) => userEvent.click(el))
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveAttribute('data-code', 'FORBIDDEN')
    await expect(prompts(canvas)).toBe(1) // a 403 is never "fixed" by signing in again
  },
}

function Countdown({ error }: { error: AgoraAuthError }) {
  const [left, setLeft] = useState(error.retryAfter ?? 0)
  useEffect(() => {
    setLeft(error.retryAfter ?? 0)
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000)
    return () => clearInterval(timer)
  }, [error])
  return <p role="timer" aria-live="polite">Too many requests: try again in {left} s</p>
}

function RateLimited() {
  const [page, setPage] = useState(0)
  const { data, error } = useAgoraQuery('proposals', {
    params: { limit: 1, offset: page },
    enabled: !!useSession().session,
  })
  return (
    <main>
      <SignInButton />
      <WalletPanel />
      <button type="button" onClick={() => setPage((p) => p + 1)}>
        Next proposal
      </button>
      <p>Proposal {data?.data[0]?.id ?? '…'}</p>
      {error?.code === 'RATE_LIMITED' ? <Countdown error={error} /> : <ErrorNote error={error} />}
    </main>
  )
}

export const RateLimitedWithCountdown: Story = {
  // Two data requests per account, then 429; the client is told not to wait, so the UI can count down instead.
  parameters: { agora: { server: 'limited', provider: { retry: { count: 0 } } } },
  render: () => <RateLimited />,
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement)
    await signIn(canvas, (el) => userEvent.click(el))
    await waitFor(() => expect(canvas.getByText(/^Proposal \d+/)).toBeVisible())
    await userEvent.click(canvas.getByRole('button', { name: 'Next proposal' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Next proposal' }))
    const status = await canvas.findByRole('timer')
    await expect(status).toHaveTextContent(/Too many requests: try again in \d+ s/)
    const first = Number(/in (\d+) s/.exec(status.textContent ?? '')![1])
    await expect(first).toBeGreaterThan(0)
    await waitFor(() => expect(Number(/in (\d+) s/.exec(status.textContent ?? '')![1])).toBeLessThan(first), { timeout: 2_500 })
  },
}

export const AccountSwitch: Story = {
  parameters: { agora: { account: 'badgeholder' } },
  play: async ({ canvasElement, userEvent, loaded }) => {
    const canvas = within(canvasElement)
    const { wallet } = loaded.demo as Demo
    const first = wallet.account.address
    await signIn(canvas, (el) => userEvent.click(el))
    await expect(await canvas.findByText(`Ballot of ${first}: PENDING`)).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Switch wallet account' }))
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('unauthenticated'))
    // Nothing of account A is left on screen once the wallet is B.
    expect(canvas.queryByText(new RegExp(first.slice(2, 10), 'i'))).toBeNull()
    expect(canvas.queryByRole('region', { name: 'Proposals' })).toBeNull()
    await expect(canvas.getByTestId('wallet-account')).not.toHaveTextContent(first)
  },
}
