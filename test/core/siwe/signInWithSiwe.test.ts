// @vitest-environment node
import { parseSiweMessage } from 'viem/siwe'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AbortedError, InvalidTokenError, UserRejectedError, VerificationFailedError } from '../../../src/core/errors/errors.js'
import { type SignInWithSiweParameters, signInWithSiwe } from '../../../src/core/siwe/signInWithSiwe.js'
import { alice, bob, createCountingWallet } from '../../helpers/countingWallet.js'
import { signToken } from '../../helpers/tokens.js'
import { agoraFetch, deferred, pathOf } from '../store/helpers.js'

// A loopback host: the local server answers only the hosts it is pinned to, loopback by default.
const baseUrl = 'http://localhost:8080/api/v1'

/** signInWithSiwe against the local Agora server (its Web handler), recording every request. */
function attempt(overrides: Partial<SignInWithSiweParameters> = {}) {
  const wallet = createCountingWallet()
  const requests: string[] = []
  const recording: typeof fetch = (input, init) => {
    requests.push(pathOf(input))
    return agoraFetch(input, init)
  }
  const result = signInWithSiwe({ baseUrl, address: alice.address, chainId: 10, signMessage: wallet.signMessage, fetch: recording, ...overrides })
  return { wallet, requests, result: result.catch((error: unknown) => error) }
}

afterEach(() => vi.unstubAllGlobals())

describe('signInWithSiwe', () => {
  it('nonce → message → one signature → verify → the session of the signing account', async () => {
    const { wallet, requests, result } = attempt()
    expect(await result).toMatchObject({ address: alice.address, chainId: 10, roles: ['reader:public', 'rf-demo-user'] })
    expect(requests).toEqual(['/api/v1/auth/nonce', '/api/v1/auth/verify'])
    expect(wallet.count).toBe(1)
    expect(parseSiweMessage(wallet.prompts[0]!.message)).toMatchObject({ domain: 'localhost:8080', uri: 'http://localhost:8080', chainId: 10 })
  })

  it.each([
    ['siwe.expirationTime 900', { siwe: { expirationTime: 900 } }],
    ['a siwe.statement of two lines', { siwe: { statement: 'one\ntwo' } }],
    ['a baseUrl that is no string', { baseUrl: 42 as unknown as string }],
    ['an empty baseUrl', { baseUrl: '' }],
    ['an address that is none', { address: '0x1234' as `0x${string}` }],
    ['chain 0', { chainId: 0 }],
    ['chain 1.5', { chainId: 1.5 }],
  ])('%s is a TypeError before the nonce request', async (_, overrides) => {
    const { wallet, requests, result } = attempt(overrides)
    expect(await result).toBeInstanceOf(TypeError)
    expect(requests).toEqual([])
    expect(wallet.count).toBe(0)
  })

  it('a declined signature is UserRejectedError; any other wallet failure VerificationFailedError; neither verifies', async () => {
    const declined = Object.assign(new Error('User denied'), { code: 4001 })
    const rejecting = createCountingWallet({ respond: () => Promise.reject(declined) })
    const first = attempt({ signMessage: rejecting.signMessage })
    expect(await first.result).toBeInstanceOf(UserRejectedError)
    expect(first.requests).toEqual(['/api/v1/auth/nonce'])
    const broken = createCountingWallet({ respond: () => Promise.reject(new Error('wallet exploded')) })
    const second = attempt({ signMessage: broken.signMessage })
    expect(await second.result).toBeInstanceOf(VerificationFailedError)
    expect(second.requests).toEqual(['/api/v1/auth/nonce'])
  })

  it('refuses a token the server issued for another account', async () => {
    const bobToken = await signToken({ address: bob.address })
    const lying: typeof fetch = async (input, init) =>
      pathOf(input).endsWith('/verify') ? Response.json({ access_token: bobToken }) : agoraFetch(input, init)
    const { result } = attempt({ fetch: lying })
    expect(await result).toBeInstanceOf(InvalidTokenError)
  })

  it('an abort while the wallet is asking ends it at once, without a verify', async () => {
    const asked = deferred<void>()
    const never = createCountingWallet({
      respond() {
        asked.resolve()
        return new Promise(() => {}) // a wallet that never answers
      },
    })
    const controller = new AbortController()
    const { requests, result } = attempt({ signMessage: never.signMessage, signal: controller.signal })
    await asked.promise
    controller.abort()
    expect(await result).toBeInstanceOf(AbortedError)
    expect(requests).toEqual(['/api/v1/auth/nonce'])
  })

  it("a relative baseUrl signs for the page's host", async () => {
    vi.stubGlobal('location', { origin: 'http://127.0.0.1:3000' })
    const { wallet, requests, result } = attempt({ baseUrl: '/api/v1' })
    expect(await result).toMatchObject({ address: alice.address })
    expect(requests).toEqual(['/api/v1/auth/nonce', '/api/v1/auth/verify'])
    expect(parseSiweMessage(wallet.prompts[0]!.message)).toMatchObject({ domain: '127.0.0.1:3000', uri: 'http://127.0.0.1:3000' })
  })
})
