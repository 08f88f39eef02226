// The one seeded random of the test suite: a failure found by a random test names a seed that replays it.

export type SeededRandom = {
  /** The next number in [0, 1). */
  next(): number
  /** An integer in [0, below). */
  integer(below: number): number
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T
}

/**
 * mulberry32: small, fast, and good enough to spread test inputs; never for secrets.
 * @example const random = createSeededRandom(42); random.pick(['a', 'b'])
 */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed | 0
  function next() {
    state = (state + 0x6d2b79f5) | 0
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state)
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296
  }
  const integer = (below: number) => Math.floor(next() * below)
  function pick<T>(items: readonly T[]): T {
    if (!items.length) throw new RangeError('pick from an empty list')
    return items[integer(items.length)] as T
  }
  return { next, integer, pick }
}
