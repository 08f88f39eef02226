// Narrowing role names by module augmentation, as a user does with `declare module 'agora-auth'`. The entry
// re-exports Register from core, so this checks the augmentation reaches through the re-export.
import { hasRole, type Role, useHasRole } from '../../src/index.js'

declare module '../../src/index.js' {
  interface Register {
    role: 'reader:public' | 'badgeholder'
  }
}

const role: Role = 'badgeholder'
// @ts-expect-error a role the app did not declare
const unknown: Role = 'citizen'

export function Check() {
  useHasRole('badgeholder')
  useHasRole(['reader:public', 'badgeholder'], { mode: 'all' })
  // @ts-expect-error a typo is caught at compile time
  useHasRole('badgholder')
  return hasRole([role, unknown], 'category:*') // prefix patterns stay open
}
