import type { Role } from './types.js'

export type HasRoleOptions = {
  /** `any` (default): one of the wanted roles is enough; `all`: every one is needed. */
  mode?: 'any' | 'all'
}

/**
 * Whether `roles` grant the wanted role(s); a wanted role ending in `*` matches by prefix.
 * @example hasRole(session.roles, ['badgeholder', 'category:*'], { mode: 'all' })
 */
export function hasRole(
  roles: readonly string[] | null | undefined,
  wanted: Role | `${string}*` | readonly (Role | `${string}*`)[],
  { mode = 'any' }: HasRoleOptions = {},
): boolean {
  const list: readonly string[] = typeof wanted === 'string' ? [wanted] : wanted
  const held = (want: string) =>
    !!roles?.some((role) => (want.endsWith('*') ? role.startsWith(want.slice(0, -1)) : role === want))
  return mode === 'all' ? list.every(held) : list.some(held)
}
