'use client'
import { RequireRole, SignedIn, SignedOut, SignInButton, useAgoraQuery, useSession } from 'agora-auth'
import { useEffect, useState } from 'react'
import { useConnection } from 'wagmi'
import { wallet } from './wagmi'

function Proposals() {
  const { data, error } = useAgoraQuery('proposals', { params: { limit: 3 } }) // typed from the Agora API document
  if (error) return <p role="alert">{error.shortMessage}</p>
  if (!data) return <p>Loading proposals…</p>
  return (
    <ul data-testid="proposals">
      {data.data.map((proposal) => (
        <li key={proposal.id}>
          {proposal.markdowntitle} <small>{proposal.status}</small>
        </li>
      ))}
    </ul>
  )
}

// How many signatures the demo wallet was asked for (a real wallet would show its own prompt instead).
function WalletPrompts() {
  const [count, setCount] = useState(0)
  useEffect(() => {
    setCount(wallet.signatureCount)
    return wallet.onSign(() => setCount(wallet.signatureCount))
  }, [])
  return <p data-testid="wallet-prompts">Demo wallet prompts: {count}</p>
}

export function Account() {
  const { status, session } = useSession()
  const connection = useConnection()
  return (
    <section>
      <p>
        <SignInButton /> <output data-testid="status">{status}</output>
      </p>
      <p>
        Wallet: <output data-testid="wallet">{connection.status}</output>
      </p>
      <SignedIn>
        <p data-testid="client-session">
          Signed in as <code>{session?.address}</code>
        </p>
        <RequireRole role="badgeholder" fallback={<p>Badgeholders see their ballot here.</p>}>
          <p data-testid="badgeholder">Your retro-funding ballot is open.</p>
        </RequireRole>
        <Proposals />
      </SignedIn>
      <SignedOut>
        <p>Sign in to read the latest proposals.</p>
      </SignedOut>
      <WalletPrompts />
    </section>
  )
}
