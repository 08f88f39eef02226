import { afterEach, describe, expect, it, vi } from 'vitest'
import { AbortedError } from '../../../src/core/errors/errors.js'
import { sleep } from '../../../src/core/http/sleep.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('sleep', () => {
  it('resolves after the time, not before', async () => {
    vi.useFakeTimers()
    let done = false
    const waiting = sleep(1000).then(() => {
      done = true
    })
    await vi.advanceTimersByTimeAsync(999)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await waiting
    expect(done).toBe(true)
  })
  it('an abort rejects with AbortedError and clears the timer', async () => {
    vi.useFakeTimers()
    const controller = new AbortController()
    const waiting = sleep(60_000, controller.signal)
    expect(vi.getTimerCount()).toBe(1)
    controller.abort()
    await expect(waiting).rejects.toBeInstanceOf(AbortedError)
    expect(vi.getTimerCount()).toBe(0)
  })
})
