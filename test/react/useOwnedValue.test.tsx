import { act, render } from '@testing-library/react'
import { Activity, StrictMode, useEffect } from 'react'
import { expect, it } from 'vitest'
import { useOwnedValue } from '../../src/react/useOwnedValue.js'

type Resource = { id: number; released: boolean }

/** Counts what it creates and releases; `used` is what the component's effects saw. */
function makeOwner() {
  const created: Resource[] = []
  const used: Resource[] = []
  function Owner({ dep = 'a' }: { dep?: string }) {
    const resource = useOwnedValue(
      () => {
        const made = { id: created.length, released: false }
        created.push(made)
        return made
      },
      (resource) => {
        resource.released = true
      },
      [dep],
    )
    useEffect(() => {
      used.push(resource)
    }, [resource])
    return null
  }
  return { Owner, created, used }
}

// The release waits one microtask (to see whether StrictMode remounted at once): let it run.
const flushRelease = () => act(async () => {})

it('StrictMode mounts twice: the object in use is never released, and released once on the real unmount', async () => {
  const { Owner, used } = makeOwner()
  const view = render(
    <StrictMode>
      <Owner />
    </StrictMode>,
  )
  await flushRelease()
  const inUse = used.at(-1)!
  expect(used.every((resource) => resource === inUse)).toBe(true)
  expect(inUse.released).toBe(false)

  view.unmount()
  await flushRelease()
  expect(inUse.released).toBe(true)
})

it('a change of deps makes a new object and releases the old one', async () => {
  const { Owner, used } = makeOwner()
  const view = render(<Owner dep="a" />)
  const first = used.at(-1)!
  view.rerender(<Owner dep="b" />)
  await flushRelease()
  const second = used.at(-1)!
  expect(second).not.toBe(first)
  expect([first.released, second.released]).toEqual([true, false])
  view.rerender(<Owner dep="b" />)
  await flushRelease()
  expect(used.at(-1)).toBe(second)
})

it('an object released while hidden (<Activity>) is replaced by a new one when shown again', async () => {
  const { Owner, used } = makeOwner()
  const view = render(
    <Activity mode="visible">
      <Owner />
    </Activity>,
  )
  const first = used.at(-1)!
  view.rerender(
    <Activity mode="hidden">
      <Owner />
    </Activity>,
  )
  await flushRelease()
  expect(first.released).toBe(true)
  view.rerender(
    <Activity mode="visible">
      <Owner />
    </Activity>,
  )
  await flushRelease()
  const shown = used.at(-1)!
  expect(shown).not.toBe(first)
  expect(shown.released).toBe(false)
})
