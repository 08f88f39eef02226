import { describe, expect, it } from 'vitest'
import {
  ForbiddenError,
  HttpError,
  RateLimitedError,
  TokenRevokedError,
  UnauthorizedError,
} from '../../../src/core/errors/errors.js'
import { errorFromResponseInfo, parseRetryAfter, readErrorResponse } from '../../../src/core/http/readErrorResponse.js'

const json = { 'content-type': 'application/json' }

describe('readErrorResponse', () => {
  it('reads a plain-text body under a JSON content type (contract A bearer failures)', async () => {
    const info = await readErrorResponse(new Response('Invalid format for API Key or JWT', { status: 401, headers: json }))
    expect(info).toEqual({ status: 401, reason: 'Invalid format for API Key or JWT' })
  })
  it('reads {message} (contract A verify and some routes)', async () => {
    const info = await readErrorResponse(Response.json({ message: 'SIWE nonce already used.' }, { status: 401 }))
    expect(info.reason).toBe('SIWE nonce already used.')
  })
  it('prefers context.reason, then code, in the v0 envelope, and captures Request-Id', async () => {
    const body = { code: 'unauthorized', message: 'Token expired', docs_url: 'x', context: { reason: 'token_expired' } }
    const info = await readErrorResponse(Response.json(body, { status: 401, headers: { 'Request-Id': 'req_1' } }))
    expect(info).toEqual({ status: 401, reason: 'token_expired', requestId: 'req_1' })
    const rate = await readErrorResponse(
      Response.json({ code: 'rate_limit_exceeded', message: 'slow down' }, { status: 429, headers: { 'Retry-After': '7' } }),
    )
    expect(rate).toEqual({ status: 429, reason: 'rate_limit_exceeded', retryAfter: 7 })
  })
  it('survives an empty or unreadable body', async () => {
    expect(await readErrorResponse(new Response(null, { status: 500 }))).toEqual({ status: 500 })
  })
})

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, ignores garbage', () => {
    const now = Date.parse('2026-11-23T00:00:00Z')
    expect(parseRetryAfter('12', now)).toBe(12)
    expect(parseRetryAfter('Mon, 23 Nov 2026 00:00:30 GMT', now)).toBe(30)
    expect(parseRetryAfter('Sun, 22 Nov 2026 00:00:30 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })
})

describe('errorFromResponseInfo', () => {
  it('maps statuses and reasons to typed errors that carry them', () => {
    expect(errorFromResponseInfo({ status: 401, reason: 'token_revoked' })).toBeInstanceOf(TokenRevokedError)
    const unauthorized = errorFromResponseInfo({ status: 401, reason: 'JWT expired', requestId: 'r' })
    expect(unauthorized).toBeInstanceOf(UnauthorizedError)
    expect(unauthorized).toMatchObject({ code: 'UNAUTHORIZED', status: 401, reason: 'JWT expired', requestId: 'r' })
    expect(errorFromResponseInfo({ status: 403 })).toBeInstanceOf(ForbiddenError)
    expect(errorFromResponseInfo({ status: 429, retryAfter: 3 })).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 3 })
    expect(errorFromResponseInfo({ status: 429 })).toBeInstanceOf(RateLimitedError)
    expect(errorFromResponseInfo({ status: 404, reason: 'nope' })).toBeInstanceOf(HttpError)
  })
})
