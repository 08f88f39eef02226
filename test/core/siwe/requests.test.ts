// @vitest-environment node
import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, it } from 'vitest'
import {
  AbortedError,
  HttpError,
  InvalidResponseError,
  NetworkError,
  RateLimitedError,
  VerificationFailedError,
} from '../../../src/core/errors/errors.js'
import { createAgoraSiweMessage } from '../../../src/core/siwe/createAgoraSiweMessage.js'
import { getNonce } from '../../../src/core/siwe/getNonce.js'
import { verifySiwe } from '../../../src/core/siwe/verifySiwe.js'
import { decodeSessionToken } from '../../../src/core/session/decodeSessionToken.js'
import { agoraFetch } from '../store/helpers.js'

const baseUrl = 'http://agora.test:8080/api/v1'
const wallet = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d')
// Stubbed answers below are the ones a server cannot be made to produce on demand (garbage, outages).
const answer = (response: () => Response) => async () => response()

describe('getNonce', () => {
  it('GETs {baseUrl}/auth/nonce and returns the nonce', async () => {
    const seen: string[] = []
    const fetch = agoraFetch
    const nonce = await getNonce({ baseUrl: `${baseUrl}/`, fetch: (input, init) => (seen.push(`${init?.method ?? 'GET'} ${input}`), fetch(input, init)) })
    expect(nonce).toMatch(/^[a-zA-Z0-9]{8,}$/)
    expect(seen).toEqual([`GET ${baseUrl}/auth/nonce`])
  })

  it.each([
    ['a short nonce', () => Response.json({ nonce: 'abc' })],
    ['a nonce with symbols', () => Response.json({ nonce: 'abc-def-ghi' })],
    ['no nonce', () => Response.json({})],
    ['text', () => new Response('abcdefgh12')],
    ['JSON null', () => Response.json(null)],
  ])('refuses %s with InvalidResponseError', async (_, response) => {
    await expect(getNonce({ baseUrl, fetch: answer(response) })).rejects.toBeInstanceOf(InvalidResponseError)
  })

  it('maps HTTP failures to typed errors', async () => {
    await expect(getNonce({ baseUrl, fetch: answer(() => new Response('Internal server error', { status: 500 })) })).rejects.toMatchObject({
      constructor: HttpError,
      status: 500,
      reason: 'Internal server error',
    })
    await expect(
      getNonce({ baseUrl, fetch: answer(() => new Response('slow down', { status: 429, headers: { 'retry-after': '7' } })) }),
    ).rejects.toMatchObject({ constructor: RateLimitedError, retryAfter: 7 })
  })

  it('maps a thrown fetch to NetworkError and an abort to AbortedError', async () => {
    await expect(getNonce({ baseUrl, fetch: () => Promise.reject(new TypeError('fetch failed')) })).rejects.toBeInstanceOf(NetworkError)
    const controller = new AbortController()
    controller.abort()
    // The real fetch, aborted before it starts: no network involved.
    await expect(getNonce({ baseUrl: 'http://127.0.0.1:9', signal: controller.signal })).rejects.toBeInstanceOf(AbortedError)
  })
})

describe('verifySiwe', () => {
  const signIn = async (fetch = agoraFetch, tamper = (m: string) => m) => {
    const nonce = await getNonce({ baseUrl, fetch })
    const message = createAgoraSiweMessage({ baseUrl, address: wallet.address, chainId: 10, nonce })
    const signature = await wallet.signMessage({ message })
    return verifySiwe({ baseUrl, message: tamper(message), signature, fetch })
  }

  it('returns the access_token for a good signature', async () => {
    const token = await signIn()
    expect(decodeSessionToken(token)).toMatchObject({ address: wallet.address, chainId: 10 })
  })

  it('accepts the older {token} shape', async () => {
    // The local server answers the current shape; the older {token} shape is rewritten from its answer.
    const older: typeof fetch = async (input, init) => {
      const response = await agoraFetch(input, init)
      if (!String(input).endsWith('/verify')) return response
      return Response.json({ token: ((await response.json()) as { access_token: string }).access_token })
    }
    const token = await signIn(older)
    expect(decodeSessionToken(token).address).toBe(wallet.address)
  })

  it("turns a 401 into VerificationFailedError carrying the server's reason", async () => {
    const error = await signIn(undefined, (m) => m.replace('Chain ID: 10', 'Chain ID: 1')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VerificationFailedError)
    expect(error).toMatchObject({ status: 401, reason: 'Invalid SIWE signature.' })
  })

  it('refuses a 200 without a token', async () => {
    for (const body of [{}, { access_token: 42 }, { token: '' }])
      await expect(verifySiwe({ baseUrl, message: 'm', signature: '0x', fetch: answer(() => Response.json(body)) })).rejects.toBeInstanceOf(
        InvalidResponseError,
      )
    await expect(
      verifySiwe({ baseUrl, message: 'm', signature: '0x', fetch: answer(() => new Response('<html>', { status: 200 })) }),
    ).rejects.toBeInstanceOf(InvalidResponseError)
  })

  it('POSTs the message as the signed string', async () => {
    let body: unknown
    await verifySiwe({
      baseUrl,
      message: 'the exact string',
      signature: '0x1234',
      fetch: async (_, init) => ((body = JSON.parse(String(init?.body))), Response.json({ token: 'x' })),
    })
    expect(body).toEqual({ message: 'the exact string', signature: '0x1234' })
  })
})
