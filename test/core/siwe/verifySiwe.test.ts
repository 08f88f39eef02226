// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { HttpError, InvalidResponseError, RateLimitedError, VerificationFailedError } from '../../../src/core/errors/errors.js'
import { createAgoraSiweMessage } from '../../../src/core/siwe/createAgoraSiweMessage.js'
import { getNonce } from '../../../src/core/siwe/getNonce.js'
import { verifySiwe } from '../../../src/core/siwe/verifySiwe.js'
import { decodeSessionToken } from '../../../src/core/session/decodeSessionToken.js'
import { alice as wallet } from '../../helpers/countingWallet.js'
import { useEndlessAnswer } from '../http/loopback.js'
import { agoraFetch } from '../store/helpers.js'

// A loopback host: the local server answers only the hosts it is pinned to, loopback by default.
const baseUrl = 'http://localhost:8080/api/v1'
// Stubbed answers below are the ones a server cannot be made to produce on demand (garbage, outages).
const answer = (response: () => Response) => async () => response()

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

  // Stubbed: the live route answers 500 text `Internal server error` for a message it cannot parse (contract A);
  // the local server answers the intended 401 instead.
  it('turns the live route\'s 500 "Internal server error" into VerificationFailedError with status 500, sent once', async () => {
    let sent = 0
    const error = await verifySiwe({
      baseUrl,
      message: 'not a SIWE message',
      signature: '0x1234',
      fetch: async () => {
        sent++
        return new Response('Internal server error', { status: 500, headers: { 'content-type': 'text/plain' } })
      },
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(VerificationFailedError)
    expect(error).toMatchObject({ code: 'VERIFICATION_FAILED', status: 500, reason: 'Internal server error' })
    expect(sent).toBe(1)
  })

  it('keeps the other failures as they are typed: 429 RateLimitedError, 503 HttpError', async () => {
    const limited = answer(() => new Response('slow down', { status: 429, headers: { 'retry-after': '7' } }))
    await expect(verifySiwe({ baseUrl, message: 'm', signature: '0x', fetch: limited })).rejects.toBeInstanceOf(RateLimitedError)
    const down = answer(() => new Response('Service unavailable', { status: 503 }))
    await expect(verifySiwe({ baseUrl, message: 'm', signature: '0x', fetch: down })).rejects.toMatchObject({ constructor: HttpError, status: 503 })
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
      fetch: async (input, init) => {
        body = await new Request(input, init).json()
        return Response.json({ token: 'x' })
      },
    })
    expect(body).toEqual({ message: 'the exact string', signature: '0x1234' })
  })
})

describe('verifySiwe against a never-ending answer (loopback)', () => {
  // `{"access_token":"aaaa…` for as long as the client reads: 50 MB and more.
  const answer = useEndlessAnswer('{"access_token":"')

  it('stops at authResponseMaxBytes with InvalidResponseError instead of buffering it', async () => {
    const verifying = verifySiwe({ baseUrl: answer.apiBase(), message: 'm', signature: '0x' })
    await expect(verifying).rejects.toBeInstanceOf(InvalidResponseError)
    // Socket buffers aside, the server could not write much more than 64 KiB before the client hung up.
    expect(answer.written()).toBeLessThan(16 * 1024 * 1024)
  }, 30_000)
})
