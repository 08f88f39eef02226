import { describe, expect, it } from 'vitest'
import { responseDetails } from '../../../src/core/http/responseDetails.js'

describe('responseDetails', () => {
  it('the status and Request-Id, else X-Request-Id, else no id', () => {
    const both = new Response(null, { status: 502, headers: { 'request-id': 'a', 'x-request-id': 'b' } })
    expect(responseDetails(both)).toEqual({ status: 502, requestId: 'a' })
    expect(responseDetails(new Response(null, { headers: { 'x-request-id': 'b' } }))).toEqual({ status: 200, requestId: 'b' })
    const none = responseDetails(new Response(null, { status: 404, headers: { 'request-id': '' } }))
    expect(none).toStrictEqual({ status: 404, requestId: undefined })
  })
})
