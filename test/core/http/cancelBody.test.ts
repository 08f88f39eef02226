import { describe, expect, it } from 'vitest'
import { cancelBody } from '../../../src/core/http/cancelBody.js'

describe('cancelBody', () => {
  it('cancels the body of an unread answer', async () => {
    let cancelled = false
    const body = new ReadableStream({
      cancel() {
        cancelled = true
      },
    })
    await cancelBody(new Response(body))
    expect(cancelled).toBe(true)
  })

  it('is harmless on an answer without a body, one already read, and one whose body is locked', async () => {
    await expect(cancelBody(new Response(null))).resolves.toBeUndefined()
    const read = new Response('x')
    await read.text()
    await expect(cancelBody(read)).resolves.toBeUndefined()
    const locked = new Response('x')
    locked.body!.getReader()
    await expect(cancelBody(locked)).resolves.toBeUndefined()
  })
})
