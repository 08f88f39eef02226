'use client'
import { type HTMLAttributes, useEffect, useState } from 'react'
import { useSessionSelector } from '../context.js'

export type SessionBadgeProps = HTMLAttributes<HTMLElement>

// "expires in 1 h 5 min", "expires in 42 min": whole minutes, never below 0.
const expiryLabel = (millisecondsLeft: number) => {
  const minutes = Math.max(0, Math.floor(millisecondsLeft / 60_000))
  const hours = Math.floor(minutes / 60)
  return `expires in ${hours > 0 ? `${hours} h ${minutes % 60}` : minutes} min`
}

/**
 * The signed-in address, its roles and the time until the session expires (updated each minute); nothing while
 * signed out. Unstyled: style `.agora-session-badge` and its parts.
 * @example <SessionBadge />
 */
export function SessionBadge({ className, ...props }: SessionBadgeProps) {
  const session = useSessionSelector((state) => state.session)
  const expiresAt = session?.expiresAt
  // The clock is read in effects only, never while rendering: a server render and the first client render must be
  // the same (and Next's prerender refuses `Date.now()` in a render). Until then the countdown is left out.
  const [now, setNow] = useState<number | null>(null)
  useEffect(() => {
    if (expiresAt === undefined) return
    const readClock = () => setNow(Date.now())
    readClock()
    // Each minute, so the countdown moves on a page left open, not only when the session changes.
    const timer = setInterval(readClock, 60_000)
    return () => clearInterval(timer)
  }, [expiresAt])
  if (!session) return null
  const { address } = session
  return (
    <section {...props} className={className ? `agora-session-badge ${className}` : 'agora-session-badge'} aria-label="Session">
      <span title={address}>{`${address.slice(0, 6)}…${address.slice(-4)}`}</span>
      <ul aria-label="Roles">
        {session.roles.map((role) => (
          <li key={role}>{role}</li>
        ))}
      </ul>
      <time dateTime={new Date(session.expiresAt).toISOString()}>
        {now === null ? null : expiryLabel(session.expiresAt - now)}
      </time>
    </section>
  )
}
