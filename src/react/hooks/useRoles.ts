'use client'
import type { Role } from '../../core/session/types.js'
import { useSessionSelector } from '../context.js'

const none: readonly Role[] = []

/**
 * The signed-in session's roles (empty when signed out); re-renders only when the roles change.
 * @example const roles = useRoles() // ['reader:public', 'rf-demo-user']
 */
export function useRoles(): readonly Role[] {
  return useSessionSelector(
    (state) => state.session?.roles ?? none,
    // A new token with the same roles is the same list (roles never contain `;`, their separator in `scope`).
    (a, b) => a.join(';') === b.join(';'),
  )
}
