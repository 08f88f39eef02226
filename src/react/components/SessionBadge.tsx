'use client'
import type { HTMLAttributes } from 'react'
import { useSessionSelector } from '../context.js'

export type SessionBadgeProps = HTMLAttributes<HTMLElement>

/**
 * The signed-in address, its roles and the time until the session expires (as of the render); nothing while
 * signed out. Unstyled: style `.agora-session-badge` and its parts.
 * @example <SessionBadge />
 */
export function SessionBadge({ className, ...props }: SessionBadgeProps) {
  const session = useSessionSelector((state) => state.session)
  if (!session) return null
  const { address, expiresAt } = session
  // The clock is read at render, so the figure is right whenever the badge renders.
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
