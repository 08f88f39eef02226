import { decodeSessionToken } from '../../core/session/decodeSessionToken.js'
import type { Session } from '../../core/session/types.js'

/** What the issuing API said of a token: it took it, it refused it (401), or there was no usable answer. */
type Verdict = 'valid' | 'refused' | 'unknown'

// Answers per verify URL and token until the token's `exp`: a token's validity does not change while it lives
// (the Agora API has no revocation), so one request per token is enough. Bounded so junk tokens cannot grow it.
const verdicts = new Map<string, { verdict: Promise<Verdict>; expiresAt: number }>()
const MAX_CACHED_TOKENS = 1000
// A server render waits for this answer: an API that hangs must not hang the page.
const TIMEOUT_MS = 5000

async function ask(token: string, verifyUrl: URL, fetchFn: typeof fetch): Promise<Verdict> {
  try {
    const response = await fetchFn(verifyUrl, {
      headers: { Authorization: `Bearer ${token}` },
      redirect: 'manual', // the token goes to this URL only, never where a redirect points
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    await response.body?.cancel()
    if (response.ok) return 'valid'
    // Only a 401 is the API refusing the token; a 429, a 5xx or a redirect says nothing about it.
    return response.status === 401 ? 'refused' : 'unknown'
  } catch {
    // Offline, timed out: the token stays unverified, so it decides nothing (and is asked about again next time).
    return 'unknown'
  }
}

/**
 * The session in `token` if the API that issued it accepts it on a protected route (`verifyUrl`), asked once per
 * token and remembered until the token expires; else null (internal).
 */
export async function verifySessionWithApi(token: string, verifyUrl: URL, now: number, fetchFn: typeof fetch): Promise<Session | null> {
  let session: Session
  try {
    // Structure and `exp` are checked locally first: a malformed or expired token costs no request.
    session = decodeSessionToken(token, { now })
  } catch {
    return null
  }
  const key = `${verifyUrl.href} ${token}`
  let entry = verdicts.get(key)
  if (!entry || entry.expiresAt <= now) {
    if (verdicts.size >= MAX_CACHED_TOKENS) verdicts.delete(verdicts.keys().next().value!)
    entry = { verdict: ask(token, verifyUrl, fetchFn), expiresAt: session.expiresAt }
    verdicts.set(key, entry)
  }
  const pending = entry
  const verdict = await pending.verdict
  // No answer is not an answer: forget it, so the next render asks again.
  const isForgettable = verdict === 'unknown' && verdicts.get(key) === pending
  if (isForgettable) verdicts.delete(key)
  return verdict === 'valid' ? session : null
}
