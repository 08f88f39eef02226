// Runs in Chromium (browser project): the cookie jar, its attributes and expiry are the browser's own.
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { optimism } from 'viem/chains'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cdp, commands } from 'vitest/browser'
import { SESSION_COOKIE_NAME } from '../../../src/core/cookie/sessionCookieName.js'
import { watchSessionCookie } from '../../../src/core/cookie/watchSessionCookie.js'
import { createSessionStore } from '../../../src/core/store/createSessionStore.js'

type BrowserCookie = { name: string; value: string; path: string; sameSite?: string; secure: boolean; expires: number }

/** The page's cookies with their attributes, as Chromium keeps them. */
const jar = async (): Promise<BrowserCookie[]> => {
  const { cookies } = (await cdp().send('Network.getCookies', { urls: [location.href] })) as { cookies: BrowserCookie[] }
  return cookies
}
const sessionCookie = async (name = SESSION_COOKIE_NAME) => (await jar()).find((cookie) => cookie.name === name)

const clearCookies = () => {
  for (const name of [SESSION_COOKIE_NAME, 'custom_session']) document.cookie = `${name}=; Path=/; Max-Age=0`
}

let baseUrl: string
beforeEach(async () => {
  baseUrl = (await commands.agoraServer()).apiBase
  localStorage.clear()
  clearCookies()
})
afterEach(() => {
  localStorage.clear()
  clearCookies()
})

/** A store on a real local account, signing for real against the local Agora server. */
const makeStore = (privateKey = generatePrivateKey()) => {
  const wallet = privateKeyToAccount(privateKey)
  const store = createSessionStore({ baseUrl, sync: false, signMessage: ({ message }) => wallet.signMessage({ message }) })
  return { store, account: { address: wallet.address, chainId: optimism.id }, privateKey }
}

describe('watchSessionCookie', () => {
  it('writes the raw JWT on sign-in: Path=/, SameSite=Lax, not Secure on http, expiring with the token', async () => {
    const { store, account } = makeStore()
    const unwatch = watchSessionCookie(store)
    store.setAccount(account)
    expect(await sessionCookie()).toBeUndefined()
    const session = await store.signIn()
    expect(await sessionCookie()).toMatchObject({ value: session.token, path: '/', sameSite: 'Lax', secure: false })
    // Cookie expiry has a resolution of one second.
    expect(Math.round((await sessionCookie())!.expires)).toBe(Math.round(session.expiresAt / 1000))
    unwatch()
  })

  it('writes it on a restore from storage (a reload), and removes it on sign-out', async () => {
    const first = makeStore()
    first.store.setAccount(first.account)
    const session = await first.store.signIn()
    first.store.destroy()
    expect(await sessionCookie()).toBeUndefined() // nothing watched the first store

    // The reload: a new store restores the token from localStorage as soon as it learns the account.
    const { store, account } = makeStore(first.privateKey)
    const unwatch = watchSessionCookie(store)
    store.setAccount(account)
    expect(store.getSnapshot().status).toBe('authenticated')
    expect((await sessionCookie())?.value).toBe(session.token)

    store.signOut()
    expect(await sessionCookie()).toBeUndefined()
    unwatch()
  })

  it('removes it when the wallet switches to an account without a session, and on disconnect', async () => {
    const { store, account } = makeStore()
    const unwatch = watchSessionCookie(store)
    store.setAccount(account)
    await store.signIn()
    expect(await sessionCookie()).toBeDefined()
    store.setAccount({ address: privateKeyToAccount(generatePrivateKey()).address, chainId: optimism.id })
    expect(await sessionCookie()).toBeUndefined()

    store.setAccount(account)
    await store.signIn()
    expect(await sessionCookie()).toBeDefined()
    store.setAccount(null)
    expect(await sessionCookie()).toBeUndefined()
    unwatch()
  })

  it('leaves the cookie the server rendered from alone while the account is unknown (loading)', async () => {
    document.cookie = `${SESSION_COOKIE_NAME}=from-the-server; Path=/`
    const { store } = makeStore()
    const unwatch = watchSessionCookie(store)
    expect(store.getSnapshot().status).toBe('loading')
    expect((await sessionCookie())?.value).toBe('from-the-server')
    unwatch()
  })

  it('takes another name, and stops writing once unwatched', async () => {
    const { store, account } = makeStore()
    const unwatch = watchSessionCookie(store, { name: 'custom_session' })
    store.setAccount(account)
    const session = await store.signIn()
    expect((await sessionCookie('custom_session'))?.value).toBe(session.token)
    expect(await sessionCookie()).toBeUndefined()
    unwatch()
    store.signOut()
    expect((await sessionCookie('custom_session'))?.value).toBe(session.token)
  })
})
