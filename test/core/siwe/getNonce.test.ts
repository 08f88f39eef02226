// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AbortedError, HttpError, InvalidResponseError, NetworkError, RateLimitedError } from '../../../src/core/errors/errors.js'
import { getNonce } from '../../../src/core/siwe/getNonce.js'
import { useEndlessAnswer } from '../http/loopback.js'
import { agoraFetch } from '../store/helpers.js'

// A loopback host: the local server answers only the hosts it is pinned to, loopback by default.
const baseUrl = 'http://localhost:8080/api/v1'
// Stubbed answers below are the ones a server cannot be made to produce on demand (garbage, outages).
const answer = (response: () => Response) => async () => response()

describe('getNonce', () => {
  it('GETs {baseUrl}/auth/nonce and returns the nonce', async () => {
    const seen: string[] = []
    const recording: typeof fetch = (input, init) => {
      const request = new Request(input, init)
      seen.push(`${request.method} ${request.url}`)
      return agoraFetch(request)
    }
    const nonce = await getNonce({ baseUrl: `${baseUrl}/`, fetch: recording })
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


describe('getNonce with a relative baseUrl', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('resolves it against the page', async () => {
    vi.stubGlobal('location', { origin: 'http://localhost:8080' })
    const seen: string[] = []
    const recording: typeof fetch = (input, init) => {
      seen.push(new Request(input, init).url)
      return agoraFetch(input, init)
    }
    const nonce = await getNonce({ baseUrl: '/api/v1', fetch: recording })
    expect(nonce).toMatch(/^[a-zA-Z0-9]{8,}$/)
    expect(seen).toEqual(['http://localhost:8080/api/v1/auth/nonce'])
  })

  it('is a TypeError before any request where there is no page (a server render)', async () => {
    const seen: string[] = []
    const recording: typeof fetch = async (input) => {
      seen.push(String(input))
      return Response.json({ nonce: 'abcdefgh12' })
    }
    await expect(getNonce({ baseUrl: '/api/v1', fetch: recording })).rejects.toBeInstanceOf(TypeError)
    expect(seen).toEqual([])
  })
})

describe('getNonce against a never-ending answer (loopback)', () => {
  // `{"nonce":"aaaa…` for as long as the client reads: 50 MB and more.
  const answer = useEndlessAnswer('{"nonce":"')

  it('stops at authResponseMaxBytes with InvalidResponseError instead of buffering it', async () => {
    await expect(getNonce({ baseUrl: answer.apiBase() })).rejects.toBeInstanceOf(InvalidResponseError)
    // Socket buffers aside, the server could not write much more than 64 KiB before the client hung up.
    expect(answer.written()).toBeLessThan(16 * 1024 * 1024)
  }, 30_000)
})
