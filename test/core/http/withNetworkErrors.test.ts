import { describe, expect, it } from 'vitest'
import { AbortedError, NetworkError } from '../../../src/core/errors/errors.js'
import { withNetworkErrors } from '../../../src/core/http/withNetworkErrors.js'

describe('withNetworkErrors', () => {
  it('a failure to get an answer is NetworkError, with the original as cause', async () => {
    const cause = new TypeError('fetch failed')
    const error = await withNetworkErrors(Promise.reject(cause)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).cause).toBe(cause)
  })
  it('an abort is AbortedError, whatever the promise does after', async () => {
    const controller = new AbortController()
    let fail: (error: Error) => void = () => {}
    const pending = withNetworkErrors(new Promise((_, reject) => (fail = reject)), controller.signal)
    controller.abort()
    fail(new TypeError('aborted'))
    await expect(pending).rejects.toBeInstanceOf(AbortedError)
  })
})
