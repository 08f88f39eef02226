// A small in-test stand-in for the Agora governance API's /auth/nonce and /auth/verify (contract A), answering
// through a `fetch` function. It verifies real signatures and signs real HS256 JWTs; the local Agora server in
// src/server replaces it once it lands.
import { SignJWT } from 'jose'
import { getAddress, type Hex, verifyMessage } from 'viem'
import { generateSiweNonce, parseSiweMessage } from 'viem/siwe'

export const secret = new TextEncoder().encode('test-secret-of-at-least-32-bytes!!')

/** A real HS256 session JWT with the contract's claims; `iat`/`exp` in seconds. */
export function signToken(
  { address, chainId = 10, scope = 'reader:public;rf-demo-user', iat = Math.floor(Date.now() / 1000), ttl = 86_400, nonce = 'n0nce123', ...extra }:
    { address: string; chainId?: number; scope?: string; iat?: number; ttl?: number; nonce?: string } & Record<string, unknown>,
): Promise<string> {
  return new SignJWT({ scope, isBadgeholder: false, isCitizen: false, siwe: { address, chainId: String(chainId), nonce }, ...extra })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(getAddress(address))
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + ttl)
    .sign(secret)
}

export function createAgoraHandler({ ttl = 86_400, tokenShape = 'access_token' as 'access_token' | 'token' } = {}) {
  const nonces = new Set<string>()
  const calls = { nonce: 0, verify: 0 }
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input))
    if (url.pathname.endsWith('/auth/nonce')) {
      calls.nonce++
      const nonce = generateSiweNonce()
      nonces.add(nonce)
      return Response.json({ nonce })
    }
    if (url.pathname.endsWith('/auth/verify') && init?.method === 'POST') {
      calls.verify++
      const { message, signature } = JSON.parse(String(init.body)) as { message: string; signature: Hex }
      const fields = parseSiweMessage(message)
      const fail = (reason: string) => Response.json({ message: reason }, { status: 401 })
      if (fields.statement !== 'Sign in to Agora with Ethereum') return fail('Unexpected SIWE statement.')
      if (fields.domain?.toLowerCase() !== url.host) return fail('SIWE domain mismatch.')
      if (!fields.address || !(await verifyMessage({ address: fields.address, message, signature })))
        return fail('Invalid SIWE signature.')
      if (!fields.nonce || !nonces.delete(fields.nonce)) return fail('Unknown or expired SIWE nonce.')
      const token = await signToken({ address: fields.address, chainId: fields.chainId, ttl, nonce: fields.nonce })
      return Response.json(tokenShape === 'token' ? { token } : { access_token: token, token_type: 'JWT', expires_in: ttl })
    }
    return new Response('Not found', { status: 404 })
  }
  return { fetch, calls }
}
