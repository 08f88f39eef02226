import type { AgoraAuthError } from '../errors/AgoraAuthError.js'
import { ForbiddenError } from '../errors/ForbiddenError.js'
import { HttpError } from '../errors/HttpError.js'
import { RateLimitedError } from '../errors/RateLimitedError.js'
import { TokenRevokedError } from '../errors/TokenRevokedError.js'
import { UnauthorizedError } from '../errors/UnauthorizedError.js'
import type { ErrorResponseInfo } from './readErrorResponse.js'

/**
 * The typed error for an HTTP failure: 401 → Unauthorized (or TokenRevoked), 403 → Forbidden, 429 → RateLimited.
 * @example throw errorFromResponseInfo(await readErrorResponse(response))
 */
export function errorFromResponseInfo(info: ErrorResponseInfo): AgoraAuthError {
  if (info.status === 401 && info.reason === 'token_revoked') return new TokenRevokedError(info)
  if (info.status === 401) return new UnauthorizedError(undefined, info)
  if (info.status === 403) return new ForbiddenError(info)
  if (info.status === 429) return new RateLimitedError(info)
  return new HttpError(info)
}
