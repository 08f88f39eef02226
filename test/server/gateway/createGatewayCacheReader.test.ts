// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createGatewayCacheReader } from '../../../src/server/gateway/createGatewayCacheReader.js'
import { createMemoryGatewayCache } from '../../../src/server/gateway/createMemoryGatewayCache.js'
import type { UpstreamAnswer } from '../../../src/server/gateway/forwardToUpstream.js'
import type { GatewayCache } from '../../../src/server/gateway/types.js'

const answer = (status: number, headers: Record<string, string>, body = '{"ok":true}'): UpstreamAnswer => ({
  kind: 'answer',
  status,
  headers: new Headers(headers),
  body: new TextEncoder().encode(body),
  upstreamRequestId: 'req_up',
})

/** A load that counts its calls, answering `result`. */
function countingLoad(result: UpstreamAnswer) {
  const load = async () => {
    load.calls++
    return result
  }
  load.calls = 0
  return load
}

describe('createGatewayCacheReader', () => {
  it('a hit asks no upstream and gives the same status, headers, body and upstream Request-Id', async () => {
    const read = createGatewayCacheReader({ cache: createMemoryGatewayCache(), ttlMs: 5_000 })
    const load = countingLoad(answer(200, { 'content-type': 'application/json', etag: '"1"' }))
    await read('metrics', load)
    const hit = await read('metrics', load)
    expect(load.calls).toBe(1)
    expect(hit).toMatchObject({ kind: 'answer', status: 200, upstreamRequestId: 'req_up' })
    expect(hit.kind === 'answer' && new TextDecoder().decode(hit.body)).toBe('{"ok":true}')
    expect(hit.kind === 'answer' && hit.headers.get('etag')).toBe('"1"')
  })

  it('concurrent misses of one key share one upstream request', async () => {
    const read = createGatewayCacheReader({ cache: createMemoryGatewayCache(), ttlMs: 5_000 })
    const load = countingLoad(answer(200, { 'content-type': 'application/json' }))
    await Promise.all([read('metrics', load), read('metrics', load), read('metrics', load)])
    expect(load.calls).toBe(1)
  })

  it.each([
    ['an error status', answer(500, { 'content-type': 'application/json' })],
    ['a 404', answer(404, { 'content-type': 'text/plain' })],
    ['Cache-Control: no-store', answer(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })],
    ['Cache-Control: private', answer(200, { 'content-type': 'application/json', 'cache-control': 'private, max-age=60' })],
    ['a binary body', answer(200, { 'content-type': 'application/octet-stream' })],
  ])('does not keep %s', async (_name, result) => {
    const read = createGatewayCacheReader({ cache: createMemoryGatewayCache(), ttlMs: 5_000 })
    const load = countingLoad(result)
    await read('metrics', load)
    await read('metrics', load)
    expect(load.calls).toBe(2)
  })

  it('a cache that fails (Redis down) or holds a damaged entry costs an upstream request, never the answer', async () => {
    const broken: GatewayCache = {
      get: async () => {
        throw new Error('connection refused')
      },
      set: async () => {
        throw new Error('connection refused')
      },
    }
    const load = countingLoad(answer(200, { 'content-type': 'application/json' }))
    expect(await createGatewayCacheReader({ cache: broken, ttlMs: 5_000 })('metrics', load)).toMatchObject({ status: 200 })
    const damaged: GatewayCache = { get: async () => 'not json', set: async () => undefined }
    expect(await createGatewayCacheReader({ cache: damaged, ttlMs: 5_000 })('metrics', load)).toMatchObject({ status: 200 })
    expect(load.calls).toBe(2)
  })
})
