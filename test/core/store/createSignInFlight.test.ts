import { describe, expect, it } from 'vitest'
import type { Session } from '../../../src/core/session/types.js'
import { createSignInFlight } from '../../../src/core/store/createSignInFlight.js'
import { deferred } from './helpers.js'

const session = { token: 't' } as Session

/** A flight whose attempts the test settles by hand: `runs[i]` is the i-th attempt. */
function recordingFlight() {
  const runs: ReturnType<typeof deferred<Session>>[] = []
  const flight = createSignInFlight(() => {
    const run = deferred<Session>()
    runs.push(run)
    return run.promise
  })
  return { runs, flight }
}

describe('createSignInFlight', () => {
  it('shares one attempt among everyone who joins while it runs, then starts anew', async () => {
    const { runs, flight } = recordingFlight()
    const first = flight.join(true)
    expect(flight.join(true)).toBe(first)
    expect(flight.pending()).toBe(first)
    runs[0]!.resolve(session)
    expect(await first).toBe(session)
    expect(flight.pending()).toBeUndefined()
    flight.join(false)
    expect(runs).toHaveLength(2)
  })
  it('stays automatic until someone joins on purpose', async () => {
    const seen: { automatic: boolean }[] = []
    const flight = createSignInFlight(async (request) => {
      seen.push(request)
      return new Promise<Session>(() => {})
    })
    flight.join(true)
    expect(seen[0]!.automatic).toBe(true)
    flight.join(false)
    expect(seen[0]!.automatic).toBe(false)
    flight.join(true)
    expect(seen[0]!.automatic).toBe(false)
    expect(seen).toHaveLength(1)
  })
  it('forget lets the next join start a new attempt; the old one no longer clears the new', async () => {
    const { runs, flight } = recordingFlight()
    const old = flight.join(false)
    flight.forget()
    const fresh = flight.join(false)
    expect(fresh).not.toBe(old)
    runs[0]!.resolve(session)
    await old
    expect(flight.pending()).toBe(fresh)
  })
})
