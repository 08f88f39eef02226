import { createAgoraServer } from 'agora-auth/server'
import { DEMO_ACCOUNTS, demoRolesFor } from 'agora-auth/testing'

const port = process.env.PORT ?? '3000'

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
})

const handle = (request: Request) => agora.fetch(request)

export { handle as GET, handle as OPTIONS, handle as POST }
