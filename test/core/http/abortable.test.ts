import { describe, expect, it } from 'vitest'
import { AbortedError } from '../../../src/core/errors/errors.js'
import { abortable } from '../../../src/core/http/abortable.js'

describe('abortable', () => {
  it('passes the result through without a signal or before an abort', async () => {
    expect(await abortable(Promise.resolve(1))).toBe(1)
    expect(await abortable(Promise.resolve(2), new AbortController().signal)).toBe(2)
    await expect(abortable(Promise.reject(new Error('x')), new AbortController().signal)).rejects.toThrow('x')
  })
  it('settles with AbortedError on abort, even when the promise never settles, with the reason as cause', async () => {
    const controller = new AbortController()
    const pending = abortable(new Promise(() => {}), controller.signal)
    controller.abort('stop')
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED', cause: 'stop' })
    await expect(abortable(Promise.resolve(1), AbortSignal.abort())).rejects.toBeInstanceOf(AbortedError)
  })
})
