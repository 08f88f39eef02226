import { expect, it } from 'vitest'

// Any change to the public API shows up here in review: update with `npx vitest run -u test/exports.test.ts`.
it.each(['index', 'core', 'server', 'serverNode', 'testing'])('the names the %s entry exports', async (entry) => {
  const module = (await import(`../src/${entry}.ts`)) as Record<string, unknown>
  expect(Object.keys(module).sort()).toMatchSnapshot()
})
