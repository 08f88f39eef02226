import { expect, it } from 'vitest'
import { readErrorResponse } from '../../src/core/http/readErrorResponse.js'

it('runs in a real Chromium', async () => {
  expect(navigator.userAgent).toMatch(/Chrome/)
  expect(await readErrorResponse(new Response('x', { status: 401 }))).toEqual({ status: 401, reason: 'x' })
})
