'use client'
import type { ReactNode } from 'react'
import { hasRole, type HasRoleOptions } from '../../core/session/hasRole.js'
import type { Role } from '../../core/session/types.js'
import { useSessionSelector } from '../context.js'
import type { GateProps } from './SignedIn.js'

export type RequireRoleProps = GateProps &
  HasRoleOptions & {
    /** The role, or roles (see `mode`); a trailing `*` matches a prefix, e.g. `category:*`. */
    role: Role | readonly Role[]
    /** Rendered when the session is known and lacks the role (signed out included); default nothing. */
    fallback?: ReactNode
  }

/**
 * Renders its children only for a session that holds the role; `loading` while unknown, never the fallback.
 * @example <RequireRole role="badgeholder" fallback={<p>Badgeholders only</p>}><Ballot /></RequireRole>
 */
export function RequireRole({ role, mode, children, fallback = null, loading = null }: RequireRoleProps) {
  // null: not known yet.
  const allowed = useSessionSelector((s) => (s.status === 'loading' ? null : hasRole(s.session?.roles, role, { mode })))
  return allowed === null ? loading : allowed ? children : fallback
}
