import { describe, expect, expectTypeOf, it } from 'vitest'
import { AgoraAuthError } from '../../../src/core/errors/AgoraAuthError.js'
import {
  AbortedError,
  ForbiddenError,
  HttpError,
  InvalidResponseError,
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

const classes = [
  [UserRejectedError, 'USER_REJECTED'],
  [VerificationFailedError, 'VERIFICATION_FAILED'],
  [InvalidTokenError, 'INVALID_TOKEN'],
  [SessionExpiredError, 'SESSION_EXPIRED'],
  [UnauthorizedError, 'UNAUTHORIZED'],
  [TokenRevokedError, 'TOKEN_REVOKED'],
  [ForbiddenError, 'FORBIDDEN'],
  [RateLimitedError, 'RATE_LIMITED'],
  [NetworkError, 'NETWORK_ERROR'],
  [InvalidResponseError, 'INVALID_RESPONSE'],
  [NoWalletError, 'NO_WALLET'],
  [AbortedError, 'ABORTED'],
] as const

describe('error classes', () => {
  it.each(classes)('%o has its own name, code and message, and is only itself', (Class, code) => {
    const error = new Class()
    expect(error).toBeInstanceOf(Class)
    expect(error).toBeInstanceOf(AgoraAuthError)
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe(Class.name)
    expect(error.code).toBe(code)
    expect(error.shortMessage).toMatch(/^[A-Z].+\.$/)
    expect(error.message).toBe(error.shortMessage)
    for (const [Other] of classes) if (Other !== Class) expect(error).not.toBeInstanceOf(Other)
    expect(String(error)).toBe(`${Class.name}: ${error.shortMessage}`)
  })

  it('carries the details and appends them to message, never to shortMessage', () => {
    const cause = new Error('inner')
    const error = new RateLimitedError({ status: 429, reason: 'rate_limit_exceeded', requestId: 'req_1', retryAfter: 7, cause })
    expect(error).toMatchObject({ status: 429, reason: 'rate_limit_exceeded', requestId: 'req_1', retryAfter: 7, cause })
    expect(error.shortMessage).toBe('Too many requests.')
    expect(error.message).toBe('Too many requests. (status 429, reason: rate_limit_exceeded, request id: req_1)')
  })

  it('takes a more precise message where the class allows one, with or without details', () => {
    expect(new InvalidTokenError('The token names no account.').shortMessage).toBe('The token names no account.')
    expect(new UnauthorizedError(undefined, { status: 401 })).toMatchObject({ shortMessage: 'Not authorized.', status: 401 })
    expect(new InvalidResponseError('No JSON.', { status: 200 }).message).toBe('No JSON. (status 200)')
  })

  it('HttpError names the status', () => {
    const error = new HttpError({ status: 404, reason: 'nope' })
    expect(error).toMatchObject({ code: 'HTTP_ERROR', name: 'HttpError', status: 404, shortMessage: 'The server answered 404.' })
  })

  it('each class is written out: it extends AgoraAuthError directly (no factory in between) and names itself', () => {
    for (const [Class] of [...classes, [HttpError]] as const) {
      expect(Object.getPrototypeOf(Class)).toBe(AgoraAuthError)
      expect(Class.name).toMatch(/^[A-Z][A-Za-z]+Error$/)
    }
  })

  it('the base class works on its own', () => {
    const error = new AgoraAuthError('NETWORK_ERROR', 'Offline.')
    expect(error).toMatchObject({ name: 'AgoraAuthError', code: 'NETWORK_ERROR', message: 'Offline.' })
  })

  it('types: each class narrows code, and the constructors keep their shapes', () => {
    expectTypeOf(new UserRejectedError().code).toEqualTypeOf<'USER_REJECTED'>()
    expectTypeOf<ConstructorParameters<typeof InvalidTokenError>>().toEqualTypeOf<
      [shortMessage?: string, parameters?: ConstructorParameters<typeof AgoraAuthError>[2]]
    >()
    expectTypeOf<ConstructorParameters<typeof ForbiddenError>>().toEqualTypeOf<[parameters?: ConstructorParameters<typeof AgoraAuthError>[2]]>()
    const error: unknown = new ForbiddenError()
    if (error instanceof ForbiddenError) expectTypeOf(error.status).toEqualTypeOf<number | undefined>()
    // @ts-expect-error HttpError needs the status
    expect(() => new HttpError()).toThrow()
  })
})
