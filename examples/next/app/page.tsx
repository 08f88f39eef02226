import { hasRole } from 'agora-auth'
import { Account } from './account'
import { readSession } from './session'

// A server component: it sees the verified session, never an unverified cookie.
async function ServerSession() {
  const session = await readSession()
  if (!session) return <p data-testid="server-session">The server sees no session.</p>
  const badge = hasRole(session.roles, 'badgeholder') ? ' (badgeholder)' : ''
  return (
    <p data-testid="server-session">
      The server verified <code>{session.address}</code>
      {badge}.
    </p>
  )
}

export default function Home() {
  return (
    <main>
      <h1>agora-auth × Next.js</h1>
      <ServerSession />
      <Account />
    </main>
  )
}
