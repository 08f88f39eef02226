import { expect, it } from 'vitest'
import { serializeSessionCookie } from '../../../src/core/cookie/serializeSessionCookie.js'

const expiresAt = Date.UTC(2026, 11, 2, 12, 0, 0)

it('writes the token with Path=/, its expiry and SameSite=Lax; Secure only when asked (an https page)', () => {
  expect(serializeSessionCookie('agora_session', { token: 'a.b.c', expiresAt }, false)).toBe(
    'agora_session=a.b.c; Path=/; Expires=Wed, 02 Dec 2026 12:00:00 GMT; SameSite=Lax',
  )
  expect(serializeSessionCookie('agora_session', { token: 'a.b.c', expiresAt }, true)).toBe(
    'agora_session=a.b.c; Path=/; Expires=Wed, 02 Dec 2026 12:00:00 GMT; SameSite=Lax; Secure',
  )
})

it('removes the cookie with an expiry in the past', () => {
  expect(serializeSessionCookie('agora_session', null, true)).toBe(
    'agora_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax; Secure',
  )
})
