import { useState } from 'react'
import type { AgoraAuthError } from '../src/core/errors/AgoraAuthError.js'
import { RequireRole } from '../src/react/components/RequireRole.js'
import { SessionBadge } from '../src/react/components/SessionBadge.js'
import { SignedIn, SignedOut } from '../src/react/components/SignedIn.js'
import { SignInButton } from '../src/react/components/SignInButton.js'
import { useAgoraQuery } from '../src/react/hooks/useAgoraQuery.js'
import { useSession } from '../src/react/hooks/useSession.js'
import { WalletPanel } from './demo.js'

/** Shows an error the way a dApp should: its code, the server's reason and the request id, never a crash. */
export function ErrorNote({ error }: { error: AgoraAuthError | null }) {
  if (!error) return null
  return (
    <p role="alert" data-code={error.code}>
      {error.code}: {error.shortMessage}
      {error.reason && ` (${error.reason})`}
    </p>
  )
}

export function Proposals({ limit = 3 }: { limit?: number }) {
  const { data, error, refetch, isFetching } = useAgoraQuery('proposals', { params: { limit } })
  return (
    <section aria-label="Proposals">
      <h2>Proposals</h2>
      <button type="button" onClick={() => refetch()} disabled={isFetching}>
        Reload proposals
      </button>
      <ErrorNote error={error} />
      <ul>
        {data?.data.map((proposal) => (
          <li key={proposal.id}>
            {proposal.markdowntitle} — {proposal.status}
          </li>
        ))}
      </ul>
    </section>
  )
}

export function Ballot() {
  const { session } = useSession()
  // Held back (enabled: false) until there is an address to fill in.
  const { data, error } = useAgoraQuery('retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', {
    path: { roundId: 5, addressOrEnsName: session?.address ?? '' },
    enabled: !!session,
  })
  return (
    <section aria-label="Ballot">
      <h2>Your retro-funding ballot</h2>
      <ErrorNote error={error} />
      {data && <p>Ballot of {data.address}: {data.status}</p>}
    </section>
  )
}

/** The whole demo dApp: sign-in, session, public and authenticated data, role-gated content. */
export function DemoApp() {
  const { status } = useSession()
  const [showBallot, setShowBallot] = useState(true)
  return (
    <main className="demo">
      <header>
        <SignInButton /> <SessionBadge />
        <p>
          Session: <output data-testid="status">{status}</output>
        </p>
      </header>
      <WalletPanel />
      <SignedOut loading={<p>Checking for a session…</p>}>
        <p>Sign in to read proposals and your ballot.</p>
      </SignedOut>
      <SignedIn loading={<p>Checking for a session…</p>}>
        <Proposals />
        <RequireRole role="badgeholder" fallback={<p>Ballots are for badgeholders.</p>}>
          <label>
            <input type="checkbox" checked={showBallot} onChange={(e) => setShowBallot(e.target.checked)} /> show ballot
          </label>
          {showBallot && <Ballot />}
        </RequireRole>
      </SignedIn>
    </main>
  )
}
