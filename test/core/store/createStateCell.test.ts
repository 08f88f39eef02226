import { describe, expect, it } from 'vitest'
import { createStateCell } from '../../../src/core/store/createStateCell.js'
import type { SessionState } from '../../../src/core/store/types.js'

const loading: SessionState = { status: 'loading', session: null, error: null }

describe('createStateCell', () => {
  it('keeps the same object until something changed, and tells the listeners only then', () => {
    const cell = createStateCell(loading)
    const calls: string[] = []
    cell.listeners.add(() => calls.push(cell.get().status))
    cell.set('loading')
    expect(cell.get()).toBe(loading)
    expect(calls).toEqual([])
    cell.set('unauthenticated')
    expect(cell.get()).toEqual({ status: 'unauthenticated', session: null, error: null })
    expect(calls).toEqual(['unauthenticated'])
  })
  it('nextChange resolves on the next change, once', async () => {
    const cell = createStateCell(loading)
    let woken = 0
    const change = cell.nextChange().then(() => woken++)
    cell.set('unauthenticated')
    await change
    cell.set('authenticating')
    await Promise.resolve()
    expect(woken).toBe(1)
  })
})
