// @vitest-environment node
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { SiweMessage } from 'siwe'
import { verifyMessage, type Address, type Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgoraServer } from '../../src/server.js'
import { expectOneOfManyVerifies, getNonce, message, newAccount, postVerify, signIn, start, STATEMENT, type Running } from './helpers.js'

const badgeholder = newAccount()
let running: Running
beforeAll(async () => {
  // Sign-in rate limits have their own tests (createAgoraServer.test.ts); this suite signs in many times from one client.
  running = await start({
    authRateLimit: false,
    demoRoles: { [badgeholder.address.toLowerCase()]: ['badgeholder', 'citizen', 'category:governance_analytics', 'category:governance_leadership'] },
  })
})
afterAll(() => running.close())

const siweParses = (text: string) => {
  try {
    return new SiweMessage(text) instanceof SiweMessage
  } catch {
    // The oracle refuses the message.
    return false
  }
}

const reason = async (response: Response) => {
  expect(response.status).toBe(401)
  expect(response.headers.get('content-type')).toBe('application/json')
  return ((await response.json()) as { message: string }).message
}

/** Signs `text` with `account` and posts it. */
const post = async (text: string, account = newAccount(), extra: Record<string, unknown> = {}) =>
  postVerify(running.url, { message: text, signature: await account.signMessage({ message: text }), ...extra })

describe('auth/nonce', () => {
  it('answers JSON with a fresh alphanumeric nonce', async () => {
    const response = await fetch(`${running.url}/api/v1/auth/nonce`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    const { nonce } = (await response.json()) as { nonce: string }
    expect(nonce).toMatch(/^[a-zA-Z0-9]{17}$/)
    expect(await getNonce(running.url)).not.toBe(nonce)
  })
})

describe('auth/verify: success', () => {
  it('issues an HS256 JWT with exactly the contract claims', async () => {
    const { response, message: text, account } = await signIn(running, badgeholder)
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(Object.keys(body)).toEqual(['access_token', 'token_type', 'expires_in'])
    expect(body.token_type).toBe('JWT')
    expect(body.expires_in).toBe(86_400)
    const token = body.access_token as string
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' })
    const claims = decodeJwt(token)
    const nonce = /Nonce: (\w+)/.exec(text)![1]
    expect(Object.keys(claims)).toEqual(['sub', 'scope', 'isBadgeholder', 'isCitizen', 'category', 'siwe', 'iat', 'nbf', 'exp'])
    expect(claims).toMatchObject({
      sub: account.address,
      scope: 'reader:public;rf-demo-user;badgeholder;citizen;category:governance_analytics;category:governance_leadership',
      isBadgeholder: true,
      isCitizen: true,
      category: 'GOVERNANCE_ANALYTICS',
      siwe: { address: account.address, chainId: '10', nonce },
    })
    expect(claims.nbf).toBe(claims.iat)
    expect(claims.exp).toBe(claims.iat! + 86_400)
  })

  it('gives every other address reader:public;rf-demo-user and no category claim', async () => {
    const { response } = await signIn(running)
    const claims = decodeJwt(((await response.json()) as { access_token: string }).access_token)
    expect(claims.scope).toBe('reader:public;rf-demo-user')
    expect(claims).toMatchObject({ isBadgeholder: false, isCitizen: false })
    expect('category' in claims).toBe(false)
  })

  it('accepts a TTL of exactly 600 s and the address sent beside the message in any case', async () => {
    const account = newAccount()
    const issuedAt = new Date()
    const text = message({ host: running.host, address: account.address, nonce: await getNonce(running.url), issuedAt, expirationTime: new Date(issuedAt.getTime() + 600_000) })
    const response = await post(text, account, { address: account.address.toLowerCase() })
    expect(response.status).toBe(200)
  })

  it('the siwe package (an independent oracle) accepts every message the server accepts', async () => {
    for (const chainId of [1, 10, 31337]) {
      const { response, message: text, signature } = await signIn(running, newAccount(), { chainId, notBefore: new Date(Date.now() - 1000) })
      expect(response.status).toBe(200)
      const result = await new SiweMessage(text).verify({ signature })
      expect(result.success).toBe(true)
    }
  })
})

describe('auth/verify: every 401 reason, in the contract order', () => {
  it('SIWE address mismatch.', async () => {
    const account = newAccount()
    const nonce = await getNonce(running.url)
    const text = message({ host: running.host, address: account.address, nonce })
    expect(await reason(await post(text, account, { address: newAccount().address }))).toBe('SIWE address mismatch.')
  })

  it('Unexpected SIWE statement.', async () => {
    const account = newAccount()
    const nonce = await getNonce(running.url)
    for (const statement of ['Sign in to Agora', 'sign in to agora with ethereum', `${STATEMENT}.`]) {
      const text = message({ host: running.host, address: account.address, nonce, statement, domain: 'evil.example' })
      expect(await reason(await post(text, account))).toBe('Unexpected SIWE statement.')
    }
    const none = message({ host: running.host, address: account.address, nonce }).replace(`${STATEMENT}\n\n`, '\n')
    expect(await reason(await post(none, account))).toBe('Unexpected SIWE statement.')
  })

  it('SIWE domain mismatch. (checked before the URI)', async () => {
    const account = newAccount()
    const text = message({ host: running.host, address: account.address, nonce: await getNonce(running.url), domain: 'app.example.org', uri: 'https://app.example.org' })
    expect(await reason(await post(text, account))).toBe('SIWE domain mismatch.')
  })

  it('SIWE URI host mismatch.', async () => {
    const account = newAccount()
    const text = message({ host: running.host, address: account.address, nonce: await getNonce(running.url), uri: 'https://app.example.org/login' })
    expect(await reason(await post(text, account))).toBe('SIWE URI host mismatch.')
  })

  it('Invalid SIWE chain id.', async () => {
    const account = newAccount()
    const nonce = await getNonce(running.url)
    for (const chainId of [137, 0]) {
      const text = message({ host: running.host, address: account.address, nonce, chainId })
      expect(await reason(await post(text, account))).toBe('Invalid SIWE chain id.')
    }
  })

  it('SIWE message is not active yet.', async () => {
    const account = newAccount()
    const issuedAt = new Date()
    const text = message({ host: running.host, address: account.address, nonce: await getNonce(running.url), issuedAt, notBefore: new Date(issuedAt.getTime() + 120_000) })
    expect(await reason(await post(text, account))).toBe('SIWE message is not active yet.')
  })

  it('SIWE message expired.', async () => {
    const account = newAccount()
    const issuedAt = new Date(Date.now() - 400_000)
    const text = message({ host: running.host, address: account.address, nonce: await getNonce(running.url), issuedAt, expirationTime: new Date(issuedAt.getTime() + 300_000) })
    expect(await reason(await post(text, account))).toBe('SIWE message expired.')
  })

  it('SIWE message TTL is too long.', async () => {
    const account = newAccount()
    const issuedAt = new Date()
    const text = message({ host: running.host, address: account.address, nonce: await getNonce(running.url), issuedAt, expirationTime: new Date(issuedAt.getTime() + 601_000) })
    expect(await reason(await post(text, account))).toBe('SIWE message TTL is too long.')
  })

  it('Invalid SIWE message. for what the siwe parser refuses: a lowercase address, a short nonce, no nonce line', async () => {
    const account = newAccount()
    const nonce = await getNonce(running.url)
    const text = message({ host: running.host, address: account.address, nonce })
    const refused = [
      text.replace(account.address, account.address.toLowerCase()),
      text.replace(`Nonce: ${nonce}`, 'Nonce: abc1234'),
      text.replace(`\nNonce: ${nonce}`, ''),
    ]
    for (const bad of refused) {
      expect(await reason(await post(bad, account))).toBe('Invalid SIWE message.')
      expect(siweParses(bad)).toBe(false)
    }
    // None of those spent the nonce.
    expect((await post(text, account)).status).toBe(200)
  })

  it('Chain ID: 0 parses and fails as Invalid SIWE chain id., before a missing Expiration Time is noticed', async () => {
    const account = newAccount()
    const nonce = await getNonce(running.url)
    const chainZero = message({ host: running.host, address: account.address, nonce, chainId: 0 }).replace(/\nExpiration Time: [^\n]+/, '')
    expect(siweParses(chainZero)).toBe(true)
    expect(await reason(await post(chainZero, account))).toBe('Invalid SIWE chain id.')
    const noExpiry = message({ host: running.host, address: account.address, nonce }).replace(/\nExpiration Time: [^\n]+/, '')
    expect(await reason(await post(noExpiry, account))).toBe('Invalid SIWE message.')
  })

  it('Invalid SIWE message. for impossible dates, an expiry before the issue time, an issue time > 60 s ahead; the nonce stays unused', async () => {
    const account = newAccount()
    const nonce = await getNonce(running.url)
    const now = Date.now()
    const text = message({ host: running.host, address: account.address, nonce, issuedAt: new Date(now), expirationTime: new Date(now + 300_000) })
    const expiry = /Expiration Time: ([^\n]+)/.exec(text)![1]!
    const impossible = text.replace(`Expiration Time: ${expiry}`, `Expiration Time: ${new Date(now + 300_000).getUTCFullYear() + 1}-11-31T00:00:00.000Z`)
    const backwards = message({ host: running.host, address: account.address, nonce, issuedAt: new Date(now), expirationTime: new Date(now - 1000) })
    const fromTheFuture = message({ host: running.host, address: account.address, nonce, issuedAt: new Date(now + 120_000), expirationTime: new Date(now + 300_000) })
    for (const bad of [impossible, backwards, fromTheFuture]) expect(await reason(await post(bad, account))).toBe('Invalid SIWE message.')
    // Within the skew a wallet clock slightly ahead still signs in, with the same nonce: none of the above spent it.
    const slightlyAhead = message({ host: running.host, address: account.address, nonce, issuedAt: new Date(now + 20_000), expirationTime: new Date(now + 300_000) })
    expect((await post(slightlyAhead, account)).status).toBe(200)
  })

  it('Invalid SIWE signature. (another signer, garbage, missing), and the nonce stays usable', async () => {
    const account = newAccount()
    const text = message({ host: running.host, address: account.address, nonce: await getNonce(running.url) })
    const otherSigner = await newAccount().signMessage({ message: text })
    for (const signature of [otherSigner, '0x1234', 'not hex', undefined, 42]) {
      expect(await reason(await postVerify(running.url, { message: text, signature }))).toBe('Invalid SIWE signature.')
    }
    expect((await post(text, account)).status).toBe(200)
  })

  it('SIWE nonce already used. (a replay)', async () => {
    const { response, message: text, signature } = await signIn(running)
    expect(response.status).toBe(200)
    expect(await reason(await postVerify(running.url, { message: text, signature }))).toBe('SIWE nonce already used.')
  })

  it('Unknown or expired SIWE nonce. (never issued, and older than 600 s)', async () => {
    const account = newAccount()
    const text = message({ host: running.host, address: account.address, nonce: 'neverIssued12345' })
    expect(await reason(await post(text, account))).toBe('Unknown or expired SIWE nonce.')

    let clock = Date.now()
    const server = createAgoraServer({ now: () => clock, origins: ['api.test'] })
    const nonceResponse = await server.fetch(new Request('http://api.test/api/v1/auth/nonce'))
    const { nonce } = (await nonceResponse.json()) as { nonce: string }
    clock += 601_000
    const late = message({ host: 'api.test', address: account.address, nonce, issuedAt: new Date(clock) })
    const response = await server.fetch(
      new Request('http://api.test/api/v1/auth/verify', { method: 'POST', body: JSON.stringify({ message: late, signature: await account.signMessage({ message: late }) }) }),
    )
    expect(await reason(response)).toBe('Unknown or expired SIWE nonce.')
  })

  it('SIWE nonce host mismatch. (a nonce issued to another host of the same deployment)', async () => {
    const server = createAgoraServer({ origins: ['a.agora.test', 'b.agora.test'] })
    const account = newAccount()
    const { nonce } = (await (await server.fetch(new Request('http://a.agora.test/api/v1/auth/nonce'))).json()) as { nonce: string }
    const text = message({ host: 'b.agora.test', address: account.address, nonce })
    const verify = async () =>
      server.fetch(new Request('http://b.agora.test/api/v1/auth/verify', { method: 'POST', body: JSON.stringify({ message: text, signature: await account.signMessage({ message: text }) }) }))
    expect(await reason(await verify())).toBe('SIWE nonce host mismatch.')
    // The nonce was consumed by that attempt: it is spent, exactly once.
    expect(await reason(await verify())).toBe('SIWE nonce already used.')
  })

  it('Invalid SIWE message. (garbage, missing issuedAt or expirationTime, an object instead of the string)', async () => {
    const account = newAccount()
    const nonce = await getNonce(running.url)
    const text = message({ host: running.host, address: account.address, nonce })
    const noExpiry = text.replace(/\nExpiration Time: [^\n]+/, '')
    const noIssuedAt = text.replace(/\nIssued At: [^\n]+/, '')
    for (const bad of ['hello', '', noExpiry, noIssuedAt, text.replace('Version: 1', 'Version: 2'), `${text}\nextra`]) {
      expect(await reason(await post(bad, account))).toBe('Invalid SIWE message.')
    }
    expect(await reason(await postVerify(running.url, { message: { domain: running.host }, signature: '0x00' }))).toBe('Invalid SIWE message.')
    // None of those spent the nonce.
    expect((await post(text, account)).status).toBe(200)
  })

  it('reports the earliest failing check when several fail', async () => {
    const account = newAccount()
    const issuedAt = new Date(Date.now() - 3_600_000)
    const text = message({
      host: running.host,
      address: account.address,
      nonce: 'neverIssued12345',
      statement: 'Hi',
      domain: 'evil.example',
      chainId: 137,
      issuedAt,
      expirationTime: new Date(issuedAt.getTime() + 1_000_000),
    })
    expect(await reason(await post(text, newAccount()))).toBe('Unexpected SIWE statement.')
  })

  it('compares the domain and the URI host with the request host case-insensitively', async () => {
    const server = createAgoraServer({ origins: ['https://api.agora.test:8443'] })
    const account = newAccount()
    const { nonce } = (await (await server.fetch(new Request('http://api.agora.test:8443/api/v1/auth/nonce'))).json()) as { nonce: string }
    const text = message({ host: 'API.Agora.TEST:8443', address: account.address, nonce, uri: 'https://Api.AGORA.test:8443/x' })
    const response = await server.fetch(
      new Request('http://api.agora.test:8443/api/v1/auth/verify', { method: 'POST', body: JSON.stringify({ message: text, signature: await account.signMessage({ message: text }) }) }),
    )
    expect(response.status).toBe(200)
  })
})

describe('auth/verify: concurrency', () => {
  it('200 concurrent verifies of one signed message: exactly one success', { timeout: 60_000 }, async () => {
    await expectOneOfManyVerifies(running)
  })
})

describe('auth/verify: smart-contract wallets (EIP-1271)', () => {
  it('asks the public client, so a Safe can sign in; offline verification refuses the same signature', async () => {
    const owner = newAccount()
    const safe = newAccount().address // stands for a contract account: its key is never used
    // A stand-in for an RPC node: the real client would call the Safe's isValidSignature (EIP-1271),
    // which a local chain is needed to answer; here the Safe accepts signatures of its one owner.
    const publicClient = {
      verifyMessage: async ({ address, message: text, signature }: { address: Address; message: string; signature: Hex }) =>
        address === safe && (await verifyMessage({ address: owner.address, message: text, signature })),
    }
    const withClient = await start({ publicClient })
    try {
      const text = message({ host: withClient.host, address: safe, nonce: await getNonce(withClient.url) })
      const signature = await owner.signMessage({ message: text })
      const response = await postVerify(withClient.url, { message: text, signature })
      expect(response.status).toBe(200)
      expect(decodeJwt(((await response.json()) as { access_token: string }).access_token).sub).toBe(safe)
      const offline = message({ host: running.host, address: safe, nonce: await getNonce(running.url) })
      expect(await reason(await postVerify(running.url, { message: offline, signature: await owner.signMessage({ message: offline }) }))).toBe('Invalid SIWE signature.')
    } finally {
      await withClient.close()
    }
  })
})
