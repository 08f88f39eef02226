'use client'
import type { Role } from '../../core/session/types.js'
import { sameItems, useSessionSelector } from './useSessionSelector.js'

const none: readonly Role[] = []

/**
 * The signed-in session's roles (empty when signed out); re-renders only when the roles change.
 * @example const roles = useRoles() // ['reader:public', 'rf-demo-user']
 */
export function useRoles(): readonly Role[] {
  return useSessionSelector('useRoles', (state) => state.session?.roles ?? none, sameItems)
}
