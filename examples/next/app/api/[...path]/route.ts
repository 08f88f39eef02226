import { createAgoraServer, type AgoraServerOptions } from 'agora-auth/server'
import { DEMO_ACCOUNTS, demoRolesFor } from 'agora-auth/testing'

const port = process.env.PORT ?? '3000'

// "Real data" mode: with AGORA_UPSTREAM_URL (an Agora API base, `…/v0` or `…/api/v1`) and AGORA_UPSTREAM_API_KEY
// set, this server is a gateway: sign-in stays here, for this origin; every data route is read from the upstream
// with the key, which never leaves the server. Without them, the local demo data.
const upstreamUrl = process.env.AGORA_UPSTREAM_URL
const upstreamKey = process.env.AGORA_UPSTREAM_API_KEY
const isPublicApiV0 = /\/v0\/?$/.test(upstreamUrl ?? '')
const upstream: AgoraServerOptions['upstream'] =
  upstreamUrl && upstreamKey
    ? { baseUrl: upstreamUrl, credential: isPublicApiV0 ? { v0ApiKey: upstreamKey } : { v1ApiKey: upstreamKey } }
    : undefined

// A local Agora server on the app's own origin: the governance API under /api/v1, the Public API v0 under /api/v0.
const agora = createAgoraServer({
  // Shared with the server components that verify the session cookie (app/session.ts).
  jwtSecret: process.env.AGORA_JWT_SECRET,
  // Next hands route handlers `request.url` = http://localhost:PORT whatever the browser asked for: the server
  // reads the Host header instead, and accepts sign-ins for these origins only.
  origins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
  v0Prefix: '/api/v0',
  // The demo accounts get their demo roles (the badgeholder one is the demo wallet's, see app/wagmi.ts).
  demoRoles: demoRolesFor(DEMO_ACCOUNTS),
  upstream,
})

const handle = (request: Request) => agora.fetch(request)

export { handle as GET, handle as OPTIONS, handle as POST }
