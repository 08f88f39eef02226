import type { Role } from './types.js'

/**
 * Splits a token's `scope` claim into roles: on `;`, trimmed, empty parts dropped, duplicates removed.
 * @example parseRoles('reader:public; rf-demo-user;') // ['reader:public', 'rf-demo-user']
 */
export function parseRoles(scope?: string): Role[] {
  if (typeof scope !== 'string') return []
  return [...new Set(scope.split(';').map((role) => role.trim()).filter(Boolean))] as Role[]
}
