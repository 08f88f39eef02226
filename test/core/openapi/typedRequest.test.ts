// @vitest-environment node
// client.request with a documented path template against the local Agora server over loopback (real SIWE sign-in,
// the server's own JWT): the `{…}` parameters are filled in (URI-encoded) before sending, the answer is the document's
// type, and a missing parameter is a TypeError before any request. The compile-time side is test/types/client.ts.
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { createAgoraClient } from '../../../src/core/http/createAgoraClient.js'
import { createSessionStore } from '../../../src/core/store/createSessionStore.js'
import { startAgoraServer } from '../http/realServer.js'

const alice = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d')

let agora: Awaited<ReturnType<typeof startAgoraServer>>
beforeAll(async () => {
  agora = await startAgoraServer()
})
afterAll(() => agora.close())
afterEach(() => {
  agora.log.length = 0
})

async function signedInClient() {
  const store = createSessionStore({ baseUrl: agora.v1, signMessage: ({ message }) => alice.signMessage({ message }), storage: 'memory', sync: false })
  store.setAccount({ address: alice.address, chainId: 10 })
  await store.signIn()
  agora.log.length = 0
  return createAgoraClient({ baseUrl: agora.v1, tokenSource: store })
}

it('GETs the filled-in path of a documented template and answers its type', async () => {
  const client = await signedInClient()
  const page = await client.request('proposals', { params: { limit: 1 } })
  const proposalId = page.data[0]!.id
  const proposal = await client.request('proposals/{proposalId}', { path: { proposalId } })
  expect(proposal.id).toBe(proposalId)
  const votes = await client.request('proposals/{proposalId}/votes', { path: { proposalId }, params: { limit: 2 } })
  expect(votes.data.every((vote) => vote.proposalId === proposalId)).toBe(true)
  expect(agora.log.map((line) => line.request)).toEqual([
    'GET /api/v1/proposals',
    `GET /api/v1/proposals/${proposalId}`,
    `GET /api/v1/proposals/${proposalId}/votes`,
  ])
})

it('POSTs the typed body to the filled-in path; parameters are URI-encoded', async () => {
  const client = await signedInClient()
  const ballot = await client.request('retrofunding/rounds/{roundId}/ballots/{addressOrEnsName}', {
    method: 'POST',
    path: { roundId: 5, addressOrEnsName: alice.address },
    body: { allocations: [{ projectId: 'p1', amount: '100' }] },
  })
  expect(ballot).toMatchObject({ roundId: 5, status: 'SUBMITTED', allocations: [{ projectId: 'p1', amount: '100' }] })
  const refused = await client.request('delegates/{addressOrEnsName}', { path: { addressOrEnsName: 'no one/../x' } }).catch((error: unknown) => error)
  expect(refused).toMatchObject({ code: 'HTTP_ERROR' }) // not a delegate's name: what matters is where it was sent
  expect(agora.log.map((line) => line.request)).toEqual([
    `POST /api/v1/retrofunding/rounds/5/ballots/${alice.address}`,
    'GET /api/v1/delegates/no%20one%2F..%2Fx',
  ])
})

it('a missing path parameter is a TypeError, and nothing is sent', async () => {
  const client = await signedInClient()
  await expect(client.request('proposals/{proposalId}', { path: { proposalId: '' } })).rejects.toThrow(TypeError)
  expect(agora.log).toEqual([])
})
