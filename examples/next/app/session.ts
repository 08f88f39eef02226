import { getSession } from 'agora-auth/server'
import { cookies } from 'next/headers'
import { cache } from 'react'

/**
 * This request's session, verified with the JWT secret of the app's own Agora server (app/api/[...path]/route.ts),
 * or null: a cookie that does not verify renders signed out. Read once per request, however many components ask.
 * (Against another Agora API, pass `{ baseUrl: 'https://…/api/v1' }` instead: the API is asked, once per token.)
 */
export const readSession = cache(async () => getSession(await cookies(), { jwtSecret: process.env.AGORA_JWT_SECRET ?? '' }))
