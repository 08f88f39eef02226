// vitest's typecheck runs the type tests (`vitest run --project types`, part of `npm test`): each file below proves
// with `@ts-expect-error` and type equalities what must and must not compile. A type error in any of them fails
// this project as a source error; nothing here runs.
import { expectTypeOf, test } from 'vitest'
import type { Role } from '../../src/index.js'
import './client.js'
import './hooks.js'
import './openapi.js'
import './register.js'

test('the type tests compile (client, hooks, OpenAPI helpers, Register augmentation)', () => {
  // register.ts narrows Role by module augmentation: a role outside the registered list is not a Role here.
  expectTypeOf<'not-a-registered-role'>().not.toMatchTypeOf<Role>()
})
