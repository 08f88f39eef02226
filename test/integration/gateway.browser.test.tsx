// Gateway mode in Chromium: a React page signs in with SIWE on its own origin (the gateway is mounted in the page's
// own server, so a sign-in that succeeds is one whose message names the page's host) and reads upstream data with
// useAgoraQuery; upstream 403, 429, a revoked key and a dead upstream reach the hook as typed errors, with no prompt.
// The servers: test/server/gateway/gatewayVitePlugin.ts (the upstream runs in its own process).
import { act, waitFor } from '@testing-library/react'
import { decodeProtectedHeader } from 'jose'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import type { AgoraAuthError } from '../../src/core/errors/AgoraAuthError.js'
import { ForbiddenError, HttpError, RateLimitedError } from '../../src/core/errors/errors.js'
import { useAgoraQuery } from '../../src/react/hooks/useAgoraQuery.js'
import { makeSignIn, makeWagmi, renderAgora } from '../react/harness.js'

type Seen = { path: string; authorization: string | null }

const control = async (path: string, body?: unknown) => {
  const response = await fetch(`/gateway-upstream/${path}`, { method: body === undefined ? 'GET' : 'POST', body: body === undefined ? undefined : JSON.stringify(body) })
  return response.json()
}

/** One query of the proposals through the gateway; `offset` makes each a query of its own. */
function makeProposals() {
  const seen: { status?: string; titles?: string[]; error?: AgoraAuthError | null } = {}
  function Proposals({ offset }: { offset: number }) {
    const query = useAgoraQuery<{ data: { markdowntitle: string }[] }>('proposals', { params: { limit: 2, offset }, retry: false })
    seen.status = query.status
    seen.titles = query.data?.data.map((proposal) => proposal.markdowntitle)
    seen.error = query.error
    return <p>{seen.titles?.join(' · ')}</p>
  }
  return { Proposals, seen }
}

/** A page whose API is the gateway at `prefix`, signed in with a local wallet (one prompt). */
async function signedInPage(prefix: string, ui: (offset: number) => ReactNode) {
  const wagmi = makeWagmi()
  const { SignIn, api } = makeSignIn()
  const view = renderAgora(<SignIn />, { wagmi, provider: { baseUrl: `${prefix}/api/v1` } })
  await wagmi.connect()
  await act(() => api.signIn!.signInAsync())
  const show = (offset: number) =>
    view.rerender(
      <>
        <SignIn />
        {ui(offset)}
      </>,
    )
  return { wagmi, api, show }
}

describe('a React page reading upstream data through a same-origin gateway', () => {
  it("signs in for the page's own host and reads the upstream's proposals; the upstream sees the gateway's credential, not the user's token", async () => {
    await control('reset', {})
    const { Proposals, seen } = makeProposals()
    const page = await signedInPage('/gateway', (offset) => <Proposals offset={offset} />)
    page.show(0)
    await waitFor(() => expect(seen.status).toBe('success'), { timeout: 15_000 })
    expect(seen.titles).toHaveLength(2)
    const requests = (await control('seen')) as Seen[]
    const data = requests.filter((request) => request.path === '/v0/proposals')
    expect(data).toHaveLength(1)
    const bearer = data[0]!.authorization!.replace(/^Bearer /, '')
    expect(decodeProtectedHeader(bearer).alg).toBe('RS256')
    expect(bearer).not.toBe(page.api.session!.token)
    expect(page.wagmi.wallet.signatureCount).toBe(1)
  })

  it('upstream 403, 429, a revoked key and a dead upstream each reach useAgoraQuery as the typed error, with no prompt', async () => {
    const { Proposals, seen } = makeProposals()
    const page = await signedInPage('/gateway', (offset) => <Proposals offset={offset} />)
    const errorFor = async (offset: number) => {
      page.show(offset)
      await waitFor(() => expect(seen.status).toBe('error'), { timeout: 15_000 })
      return seen.error
    }
    await control('script', { status: 403, body: JSON.stringify({ code: 'forbidden', message: 'No.', context: { reason: 'account_not_eligible' } }) })
    const forbidden = await errorFor(10)
    expect(forbidden).toBeInstanceOf(ForbiddenError)
    expect(forbidden).toMatchObject({ reason: 'account_not_eligible' })
    // Beyond the client's longest wait (30 s), so the hook gets the 429 at once rather than after retries.
    await control('script', { status: 429, body: JSON.stringify({ code: 'rate_limit_exceeded', message: 'Slow down.' }), headers: { 'Retry-After': '60' } })
    const limited = await errorFor(20)
    expect(limited).toBeInstanceOf(RateLimitedError)
    expect(limited).toMatchObject({ retryAfter: 60 })
    await control('revoke', { index: 0 })
    const revoked = await errorFor(30)
    expect(revoked).toBeInstanceOf(HttpError)
    expect(revoked).toMatchObject({ status: 502, reason: 'upstream_unauthorized' })
    expect(page.wagmi.wallet.signatureCount).toBe(1)
    expect(page.api.status).toBe('authenticated')

    const dead = makeProposals()
    const deadPage = await signedInPage('/gateway-dead', (offset) => <dead.Proposals offset={offset} />)
    deadPage.show(0)
    await waitFor(() => expect(dead.seen.status).toBe('error'), { timeout: 15_000 })
    expect(dead.seen.error).toBeInstanceOf(HttpError)
    expect(dead.seen.error).toMatchObject({ status: 502, reason: 'upstream_unreachable' })
    expect(deadPage.wagmi.wallet.signatureCount).toBe(1)
  })
})
