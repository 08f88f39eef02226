import { expect, it } from 'vitest'
import {
  AbortedError,
  ForbiddenError,
  HttpError,
  InvalidTokenError,
  NetworkError,
  NoWalletError,
  RateLimitedError,
  SessionExpiredError,
  TokenRevokedError,
  UnauthorizedError,
  UserRejectedError,
  VerificationFailedError,
} from '../../../src/core/errors/errors.js'
import { agoraRetry } from '../../../src/core/query/agoraRetry.js'

// Each of these, retried, could ask the wallet for another signature (or cannot succeed at all).
const authErrors = [
  new UnauthorizedError(),
  new SessionExpiredError(),
  new InvalidTokenError(),
  new TokenRevokedError(),
  new ForbiddenError({ status: 403 }),
  new UserRejectedError(),
  new VerificationFailedError({ status: 401 }),
  new NoWalletError(),
  new AbortedError({ reason: 'account_changed' }),
]

it('never retries an auth error, whatever the fallback says', () => {
  for (const fallback of [undefined, true, 3, () => true]) {
    const retry = agoraRetry(fallback)
    for (const error of authErrors) expect([error.code, retry(0, error)]).toEqual([error.code, false])
  }
})

it("without a fallback, retries network errors and 5xx up to TanStack's 3 times, and nothing else", () => {
  const retry = agoraRetry()
  for (const error of [new NetworkError(), new HttpError({ status: 500 }), new HttpError({ status: 503 })]) {
    expect([0, 1, 2, 3].map((failureCount) => retry(failureCount, error))).toEqual([true, true, true, false])
  }
  for (const error of [new HttpError({ status: 404 }), new RateLimitedError({ status: 429 }), new TypeError('bug')])
    expect(retry(0, error)).toBe(false)
})

it("otherwise the fallback (the app's QueryClient default) decides: a count, a boolean or a function", () => {
  const serverError = new HttpError({ status: 500 })
  const notFound = new HttpError({ status: 404 })
  expect(agoraRetry(false)(0, serverError)).toBe(false)
  expect(agoraRetry(true)(10, notFound)).toBe(true)
  expect([0, 1].map((failureCount) => agoraRetry(1)(failureCount, notFound))).toEqual([true, false])
  const seen: unknown[] = []
  const decide = (failureCount: number, error: unknown) => {
    seen.push([failureCount, error])
    return failureCount < 2
  }
  expect(agoraRetry(decide)(1, notFound)).toBe(true)
  expect(seen).toEqual([[1, notFound]])
})
