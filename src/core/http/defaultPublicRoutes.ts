/**
 * The routes of both Agora APIs that take no token, relative to the base; a trailing `/*` matches everything below.
 * @example createAgoraClient({ baseUrl, tokenSource, publicRoutes: [...defaultPublicRoutes, 'status'] })
 */
export const defaultPublicRoutes: readonly string[] = [
  'auth/nonce',
  'auth/verify',
  'auth/token',
  'votable_supply',
  'spec',
  'metrics',
  'metrics/*',
]
