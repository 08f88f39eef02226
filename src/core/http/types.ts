import type { AgoraAuthError } from '../errors/AgoraAuthError.js'

/** Where an Agora client gets its bearer token: a session store (SIWE) or an API-key source (Public API v0). */
export type TokenSource = {
  /**
   * The token to send now: waits for a sign-in in flight and renews a token that has expired;
   * `null` when there is no session (signed out).
   */
  getToken(options?: { signal?: AbortSignal }): Promise<string | null>
  /**
   * Called after a renewable 401 for `staleToken`. Concurrent callers share one renewal; when the current token
   * is already newer than `staleToken` it is returned without renewing.
   */
  renewToken(staleToken: string, options?: { signal?: AbortSignal }): Promise<string>
  /** Called when the server says the credential can never work again (`token_revoked`): ends the session. */
  revoke?(error: AgoraAuthError): void
}
