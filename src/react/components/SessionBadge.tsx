'use client'
import { type HTMLAttributes, useEffect, useReducer } from 'react'
import { useSessionSelector } from '../context.js'

export type SessionBadgeProps = HTMLAttributes<HTMLElement>

/**
 * The signed-in address, its roles and the time until the session expires (updated each minute); nothing while
 * signed out. Unstyled: style `.agora-session-badge` and its parts.
 * @example <SessionBadge />
 */
export function SessionBadge({ className, ...props }: SessionBadgeProps) {
  const session = useSessionSelector((state) => state.session)
  // Re-render each minute so the countdown moves on a page left open, not only when the session changes.
  const [, tick] = useReducer((n: number) => n + 1, 0)
  useEffect(() => {
    const timer = setInterval(tick, 60_000)
    return () => clearInterval(timer)
  }, [])
  if (!session) return null
  const { address, expiresAt } = session
  // The clock is read at render: a clock kept in state would be as old as the mount.
  const minutes = Math.max(0, Math.floor((expiresAt - Date.now()) / 60_000))
  return (
    <section {...props} className={className ? `agora-session-badge ${className}` : 'agora-session-badge'} aria-label="Session">
      <span title={address}>{`${address.slice(0, 6)}…${address.slice(-4)}`}</span>
      <ul aria-label="Roles">
        {session.roles.map((role) => (
          <li key={role}>{role}</li>
        ))}
      </ul>
      <time dateTime={new Date(expiresAt).toISOString()} suppressHydrationWarning>
        expires in {minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60}` : minutes} min
      </time>
    </section>
  )
}
