'use client'
import { type HTMLAttributes, useEffect, useState } from 'react'
import { useSession } from '../hooks/useSession.js'

export type SessionBadgeProps = HTMLAttributes<HTMLElement>

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`
const left = (ms: number) => {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`
}

/**
 * The signed-in address, its roles and the time until the session expires; nothing while signed out.
 * Unstyled: style `.agora-session-badge` and its parts.
 * @example <SessionBadge />
 */
export function SessionBadge({ className, ...props }: SessionBadgeProps) {
  const { session } = useSession()
  // The clock is read at render (a clock kept in state would be as old as the mount); the tick re-renders.
  const [, tick] = useState(0)
  useEffect(() => {
    if (!session) return
    const timer = setInterval(() => tick((n) => n + 1), 30_000)
    return () => clearInterval(timer)
  }, [session])
  if (!session) return null
  return (
    <section {...props} className={className ? `agora-session-badge ${className}` : 'agora-session-badge'} aria-label="Session">
      <span title={session.address}>{short(session.address)}</span>
      <ul aria-label="Roles">
        {session.roles.map((role) => (
          <li key={role}>{role}</li>
        ))}
      </ul>
      <time dateTime={new Date(session.expiresAt).toISOString()} suppressHydrationWarning>
        expires in {left(session.expiresAt - Date.now())}
      </time>
    </section>
  )
}
