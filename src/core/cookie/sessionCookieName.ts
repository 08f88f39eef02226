/**
 * The default name of the session cookie the provider writes with `sessionCookie` (the raw session JWT), which a
 * server reads back after verifying it.
 * @example const token = (await cookies()).get(SESSION_COOKIE_NAME)?.value
 */
export const SESSION_COOKIE_NAME = 'agora_session'
