import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { getConnection } from 'wagmi/actions'
import { SignInButton } from '../../../src/react/components/SignInButton.js'
import { AgoraProviders, apiBase, makeWagmi, renderConnected } from '../harness.js'

let baseUrl: string
beforeEach(async () => {
  baseUrl = await apiBase()
  localStorage.clear()
})

afterEach(cleanup)

const button = () => screen.getByRole('button')

it('renders neutral, busy UI while the session is unknown, on the server too: no "Check your wallet…" before a prompt', () => {
  const wagmi = makeWagmi()
  const html = renderToString(
    <AgoraProviders wagmi={wagmi} provider={{ baseUrl }}>
      <SignInButton />
    </AgoraProviders>,
  )
  expect(html).toContain('data-state="loading"')
  expect(html).toContain('disabled=""')
  expect(html).toContain('>Checking for a session…</button>')
  expect(html).not.toContain('Check your wallet')
})

it('connects and signs with the provider\'s config prop, not the surrounding WagmiProvider\'s', async () => {
  // Neither wallet has authorized the site yet: only a click connects one.
  const surrounding = makeWagmi({ authorized: false })
  const own = makeWagmi({ authorized: false })
  render(
    <AgoraProviders wagmi={surrounding} provider={{ baseUrl, config: own.config }}>
      <SignInButton />
    </AgoraProviders>,
  )
  await waitFor(() => expect(button()).toHaveAttribute('data-state', 'idle'))
  await act(async () => button().click())
  await waitFor(() => expect(button()).toHaveAttribute('data-state', 'signedIn'), { timeout: 10_000 })
  expect(button()).toHaveTextContent('Sign out')
  expect(own.wallet.signatureCount).toBe(1)
  expect(getConnection(surrounding.config).status).toBe('disconnected')
  expect(surrounding.wallet.signatureCount).toBe(0)
})

it('while the wallet prompt is open it says so; a rejection is announced and offers a retry', async () => {
  const { wagmi } = await renderConnected(<SignInButton />)
  await waitFor(() => expect(button()).toHaveAttribute('data-state', 'idle'))
  let prompted = false
  wagmi.wallet.onSign(() => {
    prompted = true
  })
  wagmi.wallet.delay(200)
  wagmi.wallet.reject('once')
  await act(async () => button().click())
  await waitFor(() => expect(prompted).toBe(true))
  expect(button()).toHaveAttribute('data-state', 'pending')
  expect(button()).toHaveTextContent('Check your wallet…')
  await waitFor(() => expect(button()).toHaveAttribute('data-state', 'error'))
  expect(button()).toHaveTextContent('Try again')
  expect(screen.getByRole('alert')).toHaveTextContent('The signature was rejected.')
})
