import { describe, expect, it } from 'vitest'
import {
  ForbiddenError,
  HttpError,
  RateLimitedError,
  TokenRevokedError,
  UnauthorizedError,
} from '../../../src/core/errors/errors.js'
import { errorFromResponseInfo } from '../../../src/core/http/errorFromResponseInfo.js'

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
