import { act, render, renderHook, waitFor } from '@testing-library/react'
import { useEffect } from 'react'
import { renderToString } from 'react-dom/server'
import { generatePrivateKey } from 'viem/accounts'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useConnection } from 'wagmi'
import { SESSION_COOKIE_NAME } from '../../src/core/cookie/sessionCookieName.js'
import { UserRejectedError } from '../../src/core/errors/errors.js'
import type { SessionStore } from '../../src/core/store/createSessionStore.js'
import type { SessionState } from '../../src/core/store/types.js'
import { SignedIn } from '../../src/react/components/SignedIn.js'
import { useAgoraAuthContext } from '../../src/react/context.js'
import { useHasRole } from '../../src/react/hooks/useHasRole.js'
import { useRoles } from '../../src/react/hooks/useRoles.js'
import { useSession } from '../../src/react/hooks/useSession.js'
import { useSignIn, type UseSignInReturnType } from '../../src/react/hooks/useSignIn.js'
import { useSignOut } from '../../src/react/hooks/useSignOut.js'
import { DEMO_ACCOUNTS } from '../../src/testing/demoAccounts.js'
import { AgoraProviders, apiBase, freshPage, hydrateServerHtml, makeWagmi, renderAgora, renderConnected, renderSignedIn, serverRequests, urlOf } from './harness.js'

type Seen = { status: SessionState['status']; sessionAddress?: string; wallet?: string }

/** Records every render: what the session said and which account the wallet had at that moment. */
function makeProbe() {
  const renders: Seen[] = []
  const api: { signIn?: UseSignInReturnType; signOut?: () => void; roles?: readonly string[] } = {}
  function Probe() {
    const { status, session } = useSession()
    const { address } = useConnection()
    api.signIn = useSignIn()
    api.signOut = useSignOut()
    api.roles = useRoles()
    renders.push({ status, sessionAddress: session?.address, wallet: address })
    return <output>{status}</output>
  }
  const last = () => renders.at(-1)!
  return { SignIn: Probe, renders, api, last }
}

beforeEach(freshPage)
afterEach(() => {
  vi.useRealTimers()
  localStorage.clear()
})

describe('AgoraAuthProvider', () => {
  it('signs in through wagmi with one nonce, one signature and one verify; roles appear; sign-out ends it', async () => {
    const { wagmi, api, last } = await renderConnected(null, {
      wallet: { privateKey: DEMO_ACCOUNTS.badgeholder.privateKey },
      probe: makeProbe(),
    })
    await waitFor(() => expect(last().status).toBe('unauthenticated'))

    await act(() => api.signIn!.signInAsync())
    expect(last()).toMatchObject({ status: 'authenticated', sessionAddress: DEMO_ACCOUNTS.badgeholder.address })
    expect(api.roles).toEqual(['reader:public', 'rf-demo-user', 'badgeholder', 'category:governance_infra_and_tooling'])
    expect(wagmi.wallet.signatureCount).toBe(1)
    expect(await serverRequests()).toEqual(['GET /api/v1/auth/nonce', 'POST /api/v1/auth/verify'])
    expect(Object.keys(localStorage).filter((key) => key.startsWith('agora-auth:'))).toHaveLength(1)

    act(() => api.signOut!())
    expect(last()).toMatchObject({ status: 'unauthenticated', sessionAddress: undefined })
    expect(api.roles).toEqual([])
    expect(Object.keys(localStorage).filter((key) => key.startsWith('agora-auth:'))).toHaveLength(0)
    expect(await serverRequests()).toEqual([]) // sign-out is client side: the contract has no server session
  })

  it('restores a stored session on reload with zero requests, zero prompts and no signed-out flash', async () => {
    const privateKey = generatePrivateKey()
    const first = await renderSignedIn(null, { wallet: { privateKey } })
    first.unmount()
    await serverRequests()

    // A new page: a new wagmi config whose wallet already authorized the site, so wagmi reconnects on mount.
    const reload = makeWagmi({ privateKey, authorized: true })
    const two = makeProbe()
    renderAgora(<two.SignIn />, { wagmi: reload, provider: { baseUrl: await apiBase() } })
    await waitFor(() => expect(two.last().status).toBe('authenticated'))
    expect(two.renders.map((r) => r.status)).not.toContain('unauthenticated')
    expect(two.renders[0]!.status).toBe('loading')
    expect(reload.wallet.signatureCount).toBe(0)
    expect(await serverRequests()).toEqual([])
  })

  it('a rejected signature lands in unauthenticated with UserRejectedError and prompts no more', async () => {
    // Every sign-in starts with a nonce request: a pass-through fetch counts the ones the client starts.
    const nonces = { started: 0 }
    const fetch: typeof window.fetch = (input, init) => {
      if (urlOf(input).endsWith('/auth/nonce')) nonces.started++
      return window.fetch(input, init)
    }
    const { wagmi, api, last } = await renderConnected(null, { probe: makeProbe(), provider: { fetch } })
    // Timeouts on fake time that still runs on its own: whatever the rejection schedules can be run at once below.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true })
    wagmi.wallet.reject('once')
    await act(async () => api.signIn!.signIn())
    await waitFor(() => expect(api.signIn!.error).toBeInstanceOf(UserRejectedError))
    expect(api.signIn!.error).toMatchObject({ code: 'USER_REJECTED' })
    expect(last().status).toBe('unauthenticated')
    expect(wagmi.wallet.signatureCount).toBe(1)
    // Nothing prompts again by itself, not even later: every timeout the rejection left (a retry's delay would be one)
    // runs now, and a sign-in that one of them, or an effect, started would have asked for its nonce by then.
    await act(() => vi.runOnlyPendingTimersAsync())
    expect(nonces.started).toBe(1)
    expect(wagmi.wallet.signatureCount).toBe(1)
    // Only a new signIn() prompts, and then it succeeds.
    await act(() => api.signIn!.signInAsync())
    expect(last().status).toBe('authenticated')
    expect(wagmi.wallet.signatureCount).toBe(2)
    expect(nonces.started).toBe(2)
    vi.useRealTimers()
  })

  it('StrictMode does not double-sign, and concurrent signIn calls share one prompt', async () => {
    const { wagmi, api, last } = await renderConnected(null, { probe: makeProbe(), strict: true })
    await waitFor(() => expect(last().status).toBe('unauthenticated'))
    await act(() => Promise.all([api.signIn!.signInAsync(), api.signIn!.signInAsync(), api.signIn!.signInAsync()]))
    expect(last().status).toBe('authenticated')
    expect(wagmi.wallet.signatureCount).toBe(1)
    expect(await serverRequests()).toEqual(['GET /api/v1/auth/nonce', 'POST /api/v1/auth/verify'])
  })

  it('makes one store per provider: StrictMode keeps the one in use live, unmounting releases it', async () => {
    const stores = new Set<SessionStore>()
    function Grab() {
      const { store } = useAgoraAuthContext()
      useEffect(() => {
        stores.add(store)
      }, [store])
      return null
    }
    const { api, last, unmount } = await renderConnected(<Grab />, { probe: makeProbe(), strict: true })
    await waitFor(() => expect(last().status).toBe('unauthenticated'))
    expect(stores.size).toBe(1)
    const [store] = [...stores]
    const heard = vi.fn()
    store!.subscribe(heard)
    await act(() => api.signIn!.signInAsync())
    expect(heard).toHaveBeenCalled()

    unmount()
    await act(async () => {}) // the release waits a microtask, to tell an unmount from StrictMode's remount
    heard.mockClear()
    store!.signOut()
    expect(heard).not.toHaveBeenCalled()
  })

  describe('sessionCookie', () => {
    const cookie = (name = SESSION_COOKIE_NAME) =>
      document.cookie
        .split('; ')
        .find((entry) => entry.startsWith(`${name}=`))
        ?.slice(name.length + 1)
    afterEach(() => {
      for (const name of [SESSION_COOKIE_NAME, 'my_session']) document.cookie = `${name}=; Path=/; Max-Age=0`
    })

    it('is off by default: signing in writes no cookie', async () => {
      await renderSignedIn()
      expect(cookie()).toBeUndefined()
    })

    it('holds the token after sign-in and after a reload that restored the session; sign-out removes it', async () => {
      const privateKey = generatePrivateKey()
      const { session, unmount } = await renderSignedIn(null, { wallet: { privateKey }, provider: { sessionCookie: true } })
      expect(cookie()).toBe(session.token)
      unmount()
      document.cookie = `${SESSION_COOKIE_NAME}=; Path=/; Max-Age=0`

      const reload = makeWagmi({ privateKey, authorized: true })
      const two = makeProbe()
      renderAgora(<two.SignIn />, { wagmi: reload, provider: { baseUrl: await apiBase(), sessionCookie: { name: 'my_session' } } })
      await waitFor(() => expect(two.last().status).toBe('authenticated'))
      expect(cookie('my_session')).toBe(session.token)
      expect(reload.wallet.signatureCount).toBe(0)

      act(() => two.api.signOut!())
      expect(cookie('my_session')).toBeUndefined()
    })

    it('an account change removes it', async () => {
      const { wagmi, last } = await renderSignedIn(null, { probe: makeProbe(), provider: { sessionCookie: true } })
      expect(cookie()).toBeDefined()
      act(() => wagmi.wallet.setAccount(generatePrivateKey()))
      await waitFor(() => expect(last().status).toBe('unauthenticated'))
      expect(cookie()).toBeUndefined()
    })
  })

  describe('account switch', () => {
    it("signOut policy (default): B never sees A's session, not for one render", async () => {
      const { wagmi, last, renders } = await renderSignedIn(null, { probe: makeProbe() })
      const a = last().sessionAddress!
      act(() => wagmi.wallet.setAccount(generatePrivateKey()))
      await waitFor(() => expect(last().wallet).not.toBe(a))
      expect(last()).toMatchObject({ status: 'unauthenticated', sessionAddress: undefined })
      expect(renders.filter((r) => r.sessionAddress && r.sessionAddress !== r.wallet)).toEqual([])
      // Switching back does not restore A: its session was signed out.
      act(() => wagmi.wallet.setAccount(DEMO_ACCOUNTS.reader.privateKey))
      act(() => wagmi.wallet.setAccount(wagmi.wallet.account))
      await waitFor(() => expect(last().wallet).toBe(wagmi.wallet.account.address))
      expect(last().status).toBe('unauthenticated')
    })

    it("switch policy: each account keeps its session, switching back restores it with no prompt", async () => {
      const keyA = generatePrivateKey()
      const keyB = generatePrivateKey()
      const { wagmi, api, last, renders } = await renderSignedIn(null, {
        wallet: { privateKey: keyA },
        probe: makeProbe(),
        provider: { accountChangePolicy: 'switch' },
      })
      const a = last().sessionAddress!
      act(() => wagmi.wallet.setAccount(keyB))
      await waitFor(() => expect(last().wallet).not.toBe(a))
      expect(last().status).toBe('unauthenticated')
      await act(() => api.signIn!.signInAsync())
      const b = last().sessionAddress!
      expect(b).not.toBe(a)
      await serverRequests()

      act(() => wagmi.wallet.setAccount(keyA))
      await waitFor(() => expect(last()).toMatchObject({ status: 'authenticated', sessionAddress: a, wallet: a }))
      expect(wagmi.wallet.signatureCount).toBe(2)
      expect(await serverRequests()).toEqual([])
      expect(renders.filter((r) => r.sessionAddress && r.sessionAddress !== r.wallet)).toEqual([])
    })

    it('an account switch while the signature is pending never adopts the old account\'s token', async () => {
      const { wagmi, api, last, renders } = await renderConnected(null, { probe: makeProbe() })
      wagmi.wallet.delay(100)
      const pending = api.signIn!.signInAsync().catch((error: unknown) => error)
      await waitFor(() => expect(wagmi.wallet.signatureCount).toBe(1))
      act(() => wagmi.wallet.setAccount(generatePrivateKey()))
      expect(await pending).toMatchObject({ code: 'ABORTED', reason: 'account_changed' })
      await waitFor(() => expect(last().wallet).toBe(wagmi.wallet.account.address))
      expect(last().status).toBe('unauthenticated')
      expect(renders.filter((r) => r.sessionAddress && r.sessionAddress !== r.wallet)).toEqual([])
    })
  })

  it('disconnecting signs out', async () => {
    const { wagmi, last } = await renderSignedIn(null, { probe: makeProbe() })
    act(() => wagmi.wallet.disconnect())
    await waitFor(() => expect(last()).toMatchObject({ status: 'unauthenticated', wallet: undefined }))
  })

  it('a useHasRole consumer does not re-render when the token is replaced by one with the same roles', async () => {
    let roleRenders = 0
    function Gate() {
      const isBadgeholder = useHasRole('badgeholder')
      roleRenders++
      return <span>{String(isBadgeholder)}</span>
    }
    let store: { reauthenticate(): Promise<unknown> } | undefined
    function Grab() {
      store = useSessionStoreForTest()
      return null
    }
    const { wagmi } = await renderSignedIn(
      <>
        <Gate />
        <Grab />
      </>,
      { wallet: { privateKey: DEMO_ACCOUNTS.badgeholder.privateKey } },
    )
    const afterSignIn = roleRenders
    expect(afterSignIn).toBe(2) // false while signed out, true once signed in
    await act(() => store!.reauthenticate()) // a new token, the same roles
    expect(wagmi.wallet.signatureCount).toBe(2)
    expect(roleRenders).toBe(afterSignIn)
  })

  it('a hook or component outside the provider throws an error that names the provider', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const message = 'agora-auth: this component needs an <AgoraAuthProvider> above it.'
    expect(() => renderHook(() => useSession())).toThrow(message)
    expect(() => renderHook(() => useHasRole('citizen'))).toThrow(message)
    expect(() => render(<SignedIn>hidden</SignedIn>)).toThrow(message)
    spy.mockRestore()
  })

  it('renders on the server from initialSession without touching storage, and hydrates to the same snapshot', async () => {
    // A real token from the server, to hydrate with.
    const { session, last, unmount } = await renderSignedIn(null, {
      wallet: { privateKey: DEMO_ACCOUNTS.citizen.privateKey },
      probe: makeProbe(),
    })
    expect(last().status).toBe('authenticated')
    unmount()
    localStorage.clear()
    const baseUrl = await apiBase()

    const getItem = vi.spyOn(Storage.prototype, 'getItem')
    function Status() {
      const { status, session } = useSession()
      const isCitizen = useHasRole('citizen')
      return <p>{`${status} ${session?.address} ${isCitizen}`}</p>
    }
    const page = (initialSession?: string) => (
      <AgoraProviders wagmi={makeWagmi({ privateKey: DEMO_ACCOUNTS.citizen.privateKey })} provider={{ baseUrl, initialSession }}>
        <Status />
      </AgoraProviders>
    )
    const html = renderToString(page(session.token))
    expect(html).toBe(`<p>authenticated ${DEMO_ACCOUNTS.citizen.address} true</p>`)
    expect(renderToString(page())).toBe('<p>loading undefined false</p>')
    expect(getItem).not.toHaveBeenCalled()
    getItem.mockRestore()

    // Hydrating the server's HTML gives the same first render: no mismatch for React to recover from.
    const hydrated = await hydrateServerHtml(html, page(session.token))
    expect(hydrated.recoverable).not.toHaveBeenCalled()
    hydrated.unmount()
  })
})

function useSessionStoreForTest() {
  return useAgoraAuthContext().store
}
