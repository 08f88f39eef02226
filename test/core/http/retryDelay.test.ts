import { describe, expect, it } from 'vitest'
import { retryDelay } from '../../../src/core/http/retryDelay.js'

const answer = (retryAfter?: string) => new Response(null, { status: 429, headers: retryAfter ? { 'retry-after': retryAfter } : {} })
const options = { delay: 1000, maxDelay: 30_000 }

describe('retryDelay', () => {
  it('waits Retry-After when given, in ms', () => {
    expect(retryDelay({ response: answer('3'), retriesSoFar: 0, ...options })).toBe(3000)
    expect(retryDelay({ response: answer('0'), retriesSoFar: 5, ...options })).toBe(0)
  })
  it('without Retry-After: delay, 2 × delay, … capped at maxDelay', () => {
    const waits = [0, 1, 2, 3, 4, 5, 6].map((retriesSoFar) => retryDelay({ response: answer(), retriesSoFar, ...options }))
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000])
  })
  it('a Retry-After beyond maxDelay is not waited for', () => {
    expect(retryDelay({ response: answer('120'), retriesSoFar: 0, ...options })).toBeUndefined()
  })
})
