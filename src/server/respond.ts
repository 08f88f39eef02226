// Response helpers shared by both contracts (internal; not exported from the barrel).

/** A JSON response. */
export const json = (status: number, body: unknown, headers: HeadersInit = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })

/** A plain-text response. */
export const text = (status: number, body: string, headers: HeadersInit = {}): Response =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers } })

/** Contract A's bearer failures: a plain-text body under a JSON content type, exactly as the real server sends. */
export const bearerFailure = (reason: string): Response =>
  new Response(reason, { status: 401, headers: { 'Content-Type': 'application/json' } })

/** Contract B's error envelope. */
export const envelope = (
  status: number,
  code: string,
  message: string,
  context?: Record<string, unknown>,
  headers: HeadersInit = {},
): Response =>
  json(
    status,
    { code, message, docs_url: `https://docs.agora.xyz/errors#${code}`, ...(context ? { context } : {}) },
    headers,
  )
