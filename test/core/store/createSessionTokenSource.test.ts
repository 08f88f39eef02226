import { describe, expect, it } from 'vitest'
import type { Session } from '../../../src/core/session/types.js'
import { createSessionTokenSource, RENEWED_TOKEN_REFUSED } from '../../../src/core/store/createSessionTokenSource.js'
import { createSignInFlight } from '../../../src/core/store/createSignInFlight.js'
import { createStateCell } from '../../../src/core/store/createStateCell.js'
import { alice } from '../../helpers/countingWallet.js'

/** A token source over a sign-in that hands out `token-1`, `token-2`, … and counts its runs (the prompts). */
function tokenSourceWithCountedSignIns() {
  const cell = createStateCell({ status: 'unauthenticated', session: null, error: null })
  let prompts = 0
  const flight = createSignInFlight(async (request) => {
    prompts++
    const session = { token: `token-${prompts}`, address: alice.address, expiresAt: Number.POSITIVE_INFINITY } as Session
    cell.set('authenticated', session)
    source.remember(session.token, request.automatic)
    return session
  })
  const account = { address: alice.address, chainId: 10 }
  const getAccount = () => account
  const prepare = () => {}
  const isFresh = () => true
  const source = createSessionTokenSource(cell, flight, getAccount, prepare, isFresh)
  return { source, flight, prompts: () => prompts }
}

describe('createSessionTokenSource', () => {
  it('getToken is null without a session; renewToken then refuses without a prompt', async () => {
    const { source, prompts } = tokenSourceWithCountedSignIns()
    expect(await source.getToken()).toBeNull()
    await expect(source.renewToken('stale')).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    expect(prompts()).toBe(0)
  })

  it("renews a user's token once; the renewed token's refusal is final until reset", async () => {
    const { source, flight, prompts } = tokenSourceWithCountedSignIns()
    await flight.join(false) // the user signs in: token-1
    expect(await source.renewToken('token-1')).toBe('token-2')
    await expect(source.renewToken('token-2')).rejects.toMatchObject({ reason: RENEWED_TOKEN_REFUSED })
    await expect(source.renewToken('token-2')).rejects.toMatchObject({ reason: RENEWED_TOKEN_REFUSED })
    expect(prompts()).toBe(2)
    source.reset()
    expect(await source.renewToken('token-2')).toBe('token-3')
    expect(prompts()).toBe(3)
  })
})
