// @vitest-environment node
// The session store against the local Agora server (src/server) over loopback: real HTTP, real signatures, the
// server's own JWTs.
import { jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSessionStore } from '../../../src/core/store/createSessionStore.js'
import { createMemoryStorage } from '../../../src/core/store/createMemoryStorage.js'
import type { SignMessageFn } from '../../../src/core/store/types.js'
import { createAgoraServer, listen } from '../../../src/server.js'
import { A, alice } from './helpers.js'

const server = createAgoraServer({ demoRoles: { [alice.address]: ['badgeholder'] } })
let baseUrl = ''
let close: () => Promise<void>
beforeAll(async () => {
  const running = await listen(server)
  baseUrl = `${running.url}/api/v1`
  close = running.close
})
afterAll(() => close?.())

const counting = () => {
  const requests: string[] = []
  let signatures = 0
  const signMessage: SignMessageFn = ({ message }) => (signatures++, alice.signMessage({ message }))
  const fetch: typeof globalThis.fetch = (input, init) => (requests.push(new URL(String(input)).pathname), globalThis.fetch(input, init))
  return { requests, signMessage, fetch, signatures: () => signatures }
}

describe('createSessionStore against the local Agora server', () => {
  it('signs in once for 20 callers, with a token the server signed, and restores it in a second store offline', async () => {
    const storage = createMemoryStorage()
    const one = counting()
    const store = createSessionStore({ baseUrl, signMessage: one.signMessage, fetch: one.fetch, storage, sync: false })
    store.setAccount(A)
    const sessions = await Promise.all(Array.from({ length: 20 }, () => store.signIn()))
    expect(one.requests).toEqual(['/api/v1/auth/nonce', '/api/v1/auth/verify'])
    expect(one.signatures()).toBe(1)
    const session = sessions[0]!
    expect(session).toMatchObject({ address: alice.address, chainId: 10 })
    expect(session.roles).toEqual(expect.arrayContaining(['reader:public', 'rf-demo-user', 'badgeholder']))
    const { payload } = await jwtVerify(session.token, server.jwtSecret, { algorithms: ['HS256'] })
    expect(payload.sub).toBe(alice.address)

    const two = counting()
    const again = createSessionStore({ baseUrl, signMessage: two.signMessage, fetch: two.fetch, storage, sync: false })
    again.setAccount(A)
    expect(await again.getToken()).toBe(session.token)
    expect(two.requests).toEqual([])
    expect(two.signatures()).toBe(0)
  })

  it("carries the server's refusal reason (a chain the deployment does not know)", async () => {
    const { signMessage, fetch } = counting()
    const store = createSessionStore({ baseUrl, signMessage, fetch, storage: 'memory', sync: false })
    store.setAccount({ ...A, chainId: 424242 })
    await expect(store.signIn()).rejects.toMatchObject({ code: 'VERIFICATION_FAILED', status: 401, reason: 'Invalid SIWE chain id.' })
    expect(store.getSnapshot().status).toBe('error')
  })
})
