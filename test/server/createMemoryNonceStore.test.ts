// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryNonceStore } from '../../src/server/createMemoryNonceStore.js'

// Every Map iterator (keys, values, entries, for…of) shares this prototype: counting its `next` calls counts the
// entries a call looks at, which is the work a put does, without timing anything.
const mapIteratorPrototype = Object.getPrototypeOf(new Map().keys()) as { next(): unknown }

/** Runs `put` (whose body is synchronous) and returns how many Map entries it stepped over. */
async function entriesVisitedBy(put: () => Promise<void>): Promise<number> {
  const spy = vi.spyOn(mapIteratorPrototype, 'next')
  const done = put()
  const visited = spy.mock.calls.length
  spy.mockRestore()
  await done
  return visited
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('createMemoryNonceStore', () => {
  it('issues, consumes once, then says used; unknown and expired nonces are unknown', async () => {
    let clock = 1_000_000
    const store = createMemoryNonceStore({ now: () => clock })
    await store.put('a', 'api.test', 600)
    await store.put('b', 'api.test', 600)
    expect(await store.consume('a')).toEqual({ host: 'api.test' })
    expect(await store.consume('a')).toBe('used')
    expect(await store.consume('never')).toBe('unknown')
    clock += 600_000
    expect(await store.consume('b')).toBe('unknown')
  })

  it('the work of a put stays bounded while 30 000 live nonces are held (it was a scan of all of them)', async () => {
    const store = createMemoryNonceStore({ now: () => 1_000_000 })
    for (let i = 0; i < 30_000; i++) await store.put(`n${i}`, 'api.test', 600)
    const visits = []
    for (let i = 0; i < 20; i++) visits.push(await entriesVisitedBy(() => store.put(`m${i}`, 'api.test', 600)))
    expect(Math.max(...visits)).toBeLessThanOrEqual(4)
  })

  it('drops expired nonces from the front, each once: the work stays bounded as they expire', async () => {
    let clock = 1_000_000
    const store = createMemoryNonceStore({ now: () => clock, maxNonces: 1_000 })
    for (let i = 0; i < 1_000; i++) {
      clock += 1
      await store.put(`n${i}`, 'api.test', 1)
    }
    // Half of them expired: the next put drops those 500 (each is visited once), the ones after drop almost none.
    clock += 500
    const first = await entriesVisitedBy(() => store.put('x', 'api.test', 1))
    const next = await entriesVisitedBy(() => store.put('y', 'api.test', 1))
    expect(first).toBeLessThanOrEqual(502)
    expect(next).toBeLessThanOrEqual(3)
    expect(await store.consume('n499')).toBe('unknown')
    expect(await store.consume('n600')).toEqual({ host: 'api.test' })
  })

  it('past maxNonces the oldest nonce is forgotten, and only it', async () => {
    const store = createMemoryNonceStore({ now: () => 1_000_000, maxNonces: 3 })
    for (const nonce of ['a', 'b', 'c', 'd']) await store.put(nonce, 'api.test', 600)
    expect(await store.consume('a')).toBe('unknown')
    expect(await store.consume('b')).toEqual({ host: 'api.test' })
    expect(await store.consume('c')).toEqual({ host: 'api.test' })
    expect(await store.consume('d')).toEqual({ host: 'api.test' })
  })

  it('the default cap is 100 000: a flood past it forgets the oldest nonces, not the newest', async () => {
    const store = createMemoryNonceStore({ now: () => 1_000_000 })
    for (let i = 0; i < 100_001; i++) await store.put(`n${i}`, 'api.test', 600)
    expect(await store.consume('n0')).toBe('unknown')
    expect(await store.consume('n1')).toEqual({ host: 'api.test' })
    expect(await store.consume('n100000')).toEqual({ host: 'api.test' })
  })

  it('refuses a cap that is not a positive integer', () => {
    expect(() => createMemoryNonceStore({ maxNonces: 0 })).toThrow(TypeError)
  })
})
