// A token source under exact control, shared by the client's tests.
import type { AgoraAuthError } from '../../../src/core/errors/AgoraAuthError.js'
import type { TokenSource } from '../../../src/core/http/types.js'

/** A token source that counts calls and hands out t1, t2, … (`token: null`: signed out). */
export function fakeSource(options: { token?: string | null } = {}) {
  let current: string | null = options.token === undefined ? 't1' : options.token
  let serial = 1
  const calls = { get: 0, renew: [] as string[], revoked: [] as AgoraAuthError[] }
  const source: TokenSource = {
    async getToken() {
      calls.get++
      return current
    },
    async renewToken(stale) {
      calls.renew.push(stale)
      if (stale === current) current = `t${++serial}`
      return current!
    },
    revoke(error) {
      calls.revoked.push(error)
      current = null
    },
  }
  return { source, calls }
}
