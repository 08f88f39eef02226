'use client'
import { hasRole, type HasRoleOptions } from '../../core/session/hasRole.js'
import type { Role } from '../../core/session/types.js'
import { useSessionSelector } from '../context.js'

/**
 * Whether the session holds the role (or any/all of the roles; `*` ends a prefix pattern); false when signed out.
 * @example const canVote = useHasRole(['badgeholder', 'citizen'], { mode: 'any' })
 */
export function useHasRole(role: Role | readonly Role[], options?: HasRoleOptions): boolean {
  return useSessionSelector((state) => hasRole(state.session?.roles, role, options))
}
