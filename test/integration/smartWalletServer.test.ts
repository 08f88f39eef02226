// The real server's signature check against contract wallets on an in-process chain (ganache), over loopback:
// EIP-1271 (deployed), EIP-6492 (not deployed yet), the Safe fallback, forgeries, and a chain that fails.
import { createServer, type Server } from 'node:net'
import { createServer as createHttpServer } from 'node:http'
import { type AddressInfo } from 'node:net'
import { decodeJwt } from 'jose'
import { type Client, createPublicClient, custom, type EIP1193RequestFn, type Hex } from 'viem'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createAgoraServer, type AgoraServerOptions } from '../../src/server.js'
import { localSmartAccount } from '../../src/testing/localSmartAccount.js'
import { SafeStyleWallet } from '../chain/artifacts.js'
import { deploySmartWallets, type SmartWallets } from '../chain/deploySmartWallets.js'
import { type LocalChain, startChain } from '../chain/startChain.js'
import { getNonce, message, newAccount, postVerify, type Running, start } from '../server/helpers.js'

const CHAIN_ID = 31337
let chain: LocalChain
let wallets: SmartWallets
let otherSafe: Hex
const owner = newAccount()
/** The RPC methods the server asked the chain, in order: how "no RPC for an EOA" is seen. */
const rpcCalls: string[] = []
let countingClient: Client

beforeAll(async () => {
  chain = await startChain({ chainId: CHAIN_ID })
  wallets = await deploySmartWallets(chain, owner.address)
  otherSafe = await chain.deploy(SafeStyleWallet, [owner.address])
  const request: EIP1193RequestFn = async (args) => {
    rpcCalls.push(args.method)
    return chain.provider.request(args as never)
  }
  countingClient = createPublicClient({ chain: chain.chain, transport: custom({ request }) })
}, 120_000)

afterAll(async () => {
  await chain?.close()
})

afterEach(() => {
  rpcCalls.length = 0
  vi.useRealTimers()
  vi.restoreAllMocks()
})

async function withServer<T>(options: AgoraServerOptions, run: (running: Running) => Promise<T>): Promise<T> {
  const running = await start({ chains: [10, CHAIN_ID], ...options })
  try {
    return await run(running)
  } finally {
    await running.close()
  }
}

/** Signs an Agora SIWE message for `address` with `sign` and posts it; the status and the body. */
async function signInAs(running: Running, address: Hex, sign: (text: string) => Promise<Hex>) {
  const text = message({ host: running.host, address, nonce: await getNonce(running.url), chainId: CHAIN_ID })
  const response = await postVerify(running.url, { message: text, signature: await sign(text) })
  const body = (await response.json()) as { access_token?: string; message?: string }
  return { status: response.status, body, claims: body.access_token ? decodeJwt(body.access_token) : undefined, text }
}

const smartAccount = (address: Hex, extra: Partial<Parameters<typeof localSmartAccount>[0]> = {}) =>
  localSmartAccount({ owner: owner, address, chainId: CHAIN_ID, ...extra })

describe('contract wallets sign in through the chain', () => {
  it('a deployed EIP-1271 wallet: the session is the wallet\'s, with its roles', async () => {
    await withServer({ rpc: { [CHAIN_ID]: countingClient } }, async (running) => {
      const account = smartAccount(wallets.deployed)
      const result = await signInAs(running, account.address, (text) => account.signMessage({ message: text }))
      expect(result.status).toBe(200)
      expect(result.claims).toMatchObject({ sub: wallets.deployed, siwe: { address: wallets.deployed, chainId: String(CHAIN_ID) } })
      expect(rpcCalls.length).toBeGreaterThan(0)
    })
  })

  it('roles resolve for the wallet address, not the owner', async () => {
    await withServer({ rpc: { [CHAIN_ID]: countingClient }, demoRoles: { [wallets.deployed]: ['badgeholder'] } }, async (running) => {
      const account = smartAccount(wallets.deployed)
      const result = await signInAs(running, account.address, (text) => account.signMessage({ message: text }))
      expect(result.claims).toMatchObject({ scope: 'reader:public;rf-demo-user;badgeholder', isBadgeholder: true })
    })
  })

  it('an undeployed wallet signs with EIP-6492 wrapping: accepted, and still not deployed afterwards', async () => {
    await withServer({ rpc: { [CHAIN_ID]: countingClient } }, async (running) => {
      const { address, factory, factoryData } = wallets.counterfactual
      expect(await chain.publicClient.getCode({ address })).toBeUndefined()
      const account = smartAccount(address, { deployment: { factory, factoryData } })
      const result = await signInAs(running, address, (text) => account.signMessage({ message: text }))
      expect(result.status).toBe(200)
      expect(result.claims?.sub).toBe(address)
      // The verifier deployed it in a simulation (eth_call) only.
      expect(await chain.publicClient.getCode({ address })).toBeUndefined()
    })
  })

  it('a Safe-style wallet: accepted through the Safe fallback, which viem\'s EIP-1271 check alone refuses', async () => {
    await withServer({ rpc: { [CHAIN_ID]: countingClient } }, async (running) => {
      const account = smartAccount(wallets.safe, { scheme: 'safe' })
      const result = await signInAs(running, wallets.safe, (text) => account.signMessage({ message: text }))
      expect(result.status).toBe(200)
      expect(result.claims?.sub).toBe(wallets.safe)
      const again = message({ host: running.host, address: wallets.safe, nonce: 'abcdefgh1', chainId: CHAIN_ID })
      const signature = await account.signMessage({ message: again })
      expect(await chain.publicClient.verifyMessage({ address: wallets.safe, message: again, signature })).toBe(false)
      expect(rpcCalls).toContain('eth_getCode')
    })
  })

  it('through a JSON-RPC URL too (the chain behind a loopback HTTP endpoint)', async () => {
    // The same chain over HTTP, as a node would serve it: one JSON-RPC request per POST.
    const endpoint = createHttpServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString()
      })
      request.on('end', () => {
        const { id, method, params } = JSON.parse(body) as { id: number; method: string; params: unknown[] }
        chain.provider.request({ method, params } as never).then(
          (result) => response.end(JSON.stringify({ jsonrpc: '2.0', id, result })),
          (error: { code?: number; message: string; data?: unknown }) =>
            response.end(JSON.stringify({ jsonrpc: '2.0', id, error: { code: error.code ?? -32000, message: error.message, data: error.data } })),
        )
      })
    })
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve))
    try {
      const rpcUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`
      await withServer({ rpc: { [CHAIN_ID]: rpcUrl } }, async (running) => {
        const { address, factory, factoryData } = wallets.counterfactual
        for (const account of [smartAccount(wallets.deployed), smartAccount(address, { deployment: { factory, factoryData } }), smartAccount(wallets.safe, { scheme: 'safe' })]) {
          const result = await signInAs(running, account.address, (text) => account.signMessage({ message: text }))
          expect(result.claims?.sub).toBe(account.address)
        }
      })
    } finally {
      endpoint.close()
    }
  })

  it('the same signatures are refused with no chain configured (offline, EOA only)', async () => {
    await withServer({}, async (running) => {
      const account = smartAccount(wallets.deployed)
      const result = await signInAs(running, account.address, (text) => account.signMessage({ message: text }))
      expect(result).toMatchObject({ status: 401, body: { message: 'Invalid SIWE signature.' } })
    })
  })
})

describe('forged contract-wallet signatures are refused', () => {
  const stranger = newAccount()
  const cases: [string, () => { address: Hex; sign: (text: string) => Promise<Hex> }][] = [
    ['a stranger signs for the deployed wallet', () => ({ address: wallets.deployed, sign: (text) => stranger.signMessage({ message: text }) })],
    ['a stranger signs for the Safe-style wallet', () => {
      const forged = localSmartAccount({ owner: stranger, address: wallets.safe, scheme: 'safe', chainId: CHAIN_ID })
      return { address: wallets.safe, sign: (text) => forged.signMessage({ message: text }) }
    }],
    ['a stranger wraps a signature for the undeployed wallet', () => {
      const { address, factory, factoryData } = wallets.counterfactual
      const forged = localSmartAccount({ owner: stranger, address, deployment: { factory, factoryData } })
      return { address, sign: (text) => forged.signMessage({ message: text }) }
    }],
    ['the owner\'s signature, wrapped with a factory call that deploys the stranger\'s wallet instead', () => {
      const { address, factory } = wallets.counterfactual
      const strangersFactoryData = wallets.counterfactual.factoryData.replace(owner.address.slice(2).toLowerCase(), stranger.address.slice(2).toLowerCase()) as Hex
      const forged = localSmartAccount({ owner, address, deployment: { factory, factoryData: strangersFactoryData } })
      return { address, sign: (text) => forged.signMessage({ message: text }) }
    }],
    ['an owner\'s plain EOA signature claimed for an address with no code', () => ({ address: newAccount().address, sign: (text) => owner.signMessage({ message: text }) })],
    ['a Safe-scheme signature for the 1271 wallet, which has no domainSeparator() (the fallback must not accept it)', () => {
      const wrongScheme = localSmartAccount({ owner, address: wallets.deployed, scheme: 'safe', chainId: CHAIN_ID })
      return { address: wallets.deployed, sign: (text) => wrongScheme.signMessage({ message: text }) }
    }],
    ['the owner\'s Safe signature replayed on another Safe-style wallet of the same owner', () => {
      const forOther = localSmartAccount({ owner, address: otherSafe, scheme: 'safe', chainId: CHAIN_ID })
      return { address: wallets.safe, sign: (text) => forOther.signMessage({ message: text }) }
    }],
  ]
  for (const [name, make] of cases) {
    it(name, async () => {
      await withServer({ rpc: { [CHAIN_ID]: countingClient } }, async (running) => {
        const { address, sign } = make()
        const result = await signInAs(running, address, sign)
        expect(result).toMatchObject({ status: 401, body: { message: 'Invalid SIWE signature.' } })
      })
    })
  }
})

describe('the chain asked is the message\'s', () => {
  it('a contract wallet on chain 31337 is checked by the 31337 client only; a chain with no client refuses it', async () => {
    const otherChainCalls: string[] = []
    const otherChain = createPublicClient({
      transport: custom({
        request: async ({ method }) => {
          otherChainCalls.push(method)
          throw new Error('not this chain')
        },
      }),
    })
    await withServer({ rpc: { 10: otherChain, [CHAIN_ID]: countingClient } }, async (running) => {
      const account = smartAccount(wallets.deployed)
      expect((await signInAs(running, account.address, (text) => account.signMessage({ message: text }))).status).toBe(200)
      expect(otherChainCalls).toEqual([])
    })
    rpcCalls.length = 0
    await withServer({ rpc: { 10: countingClient } }, async (running) => {
      const account = smartAccount(wallets.deployed)
      const result = await signInAs(running, account.address, (text) => account.signMessage({ message: text }))
      expect(result).toMatchObject({ status: 401, body: { message: 'Invalid SIWE signature.' } })
      expect(rpcCalls).toEqual([])
    })
  })

  it('an rpcTimeout that is not a positive number is a TypeError at creation', () => {
    for (const rpcTimeout of [0, -1, Number.NaN]) expect(() => createAgoraServer({ rpcTimeout })).toThrow(TypeError)
  })
})

describe('EOA signatures never touch the RPC', () => {
  for (const [name, options] of [
    ['rpc option', () => ({ rpc: { [CHAIN_ID]: countingClient } })],
    ['publicClient option', () => ({ publicClient: countingClient as never })],
  ] as const) {
    it(`an EOA signs in with zero RPC calls (${name})`, async () => {
      await withServer(options(), async (running) => {
        const eoa = newAccount()
        const result = await signInAs(running, eoa.address, (text) => eoa.signMessage({ message: text }))
        expect(result.status).toBe(200)
        expect(rpcCalls).toEqual([])
      })
    })
  }
})

describe('a chain that is down or never answers', () => {
  it('never answers: the sign-in fails after rpcTimeout, and the server answers everything else meanwhile (fake timers)', async () => {
    let asked!: () => void
    const chainAsked = new Promise<void>((resolve) => {
      asked = resolve
    })
    // A provider that takes the request and never answers (a hung node).
    const silent = createPublicClient({
      transport: custom({
        request: () => {
          asked()
          return new Promise(() => {})
        },
      }),
    })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const server = createAgoraServer({ chains: [CHAIN_ID], rpc: { [CHAIN_ID]: silent }, rpcTimeout: 2_000 })
    const nonce = ((await (await server.fetch(new Request('http://localhost/api/v1/auth/nonce'))).json()) as { nonce: string }).nonce
    const account = smartAccount(wallets.deployed)
    const text = message({ host: 'localhost', address: account.address, nonce, chainId: CHAIN_ID })
    let settled = false
    const verify = server
      .fetch(new Request('http://localhost/api/v1/auth/verify', { method: 'POST', body: JSON.stringify({ message: text, signature: await account.signMessage({ message: text }) }) }))
      .finally(() => {
        settled = true
      })
    await chainAsked
    const other = await server.fetch(new Request('http://localhost/api/v1/auth/nonce'))
    expect(other.status).toBe(200)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1_999)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    const response = await verify
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ message: 'Invalid SIWE signature.' })
    expect(String(warn.mock.calls[0]?.[1])).toMatch(/did not answer within 2000 ms/)
    // The nonce was not spent: the user can try again once the chain is back.
    expect(await server.nonceStore.consume(nonce)).toMatchObject({ host: 'localhost' })
  })

  it('an RPC URL that answers 503: each call tried once (no retries), a quick 401', async () => {
    let requests = 0
    const failing = createHttpServer((_, response) => {
      requests++
      response.writeHead(503).end('down')
    })
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve))
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const rpcUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`
      await withServer({ rpc: { [CHAIN_ID]: rpcUrl } }, async (running) => {
        const account = smartAccount(wallets.deployed)
        const result = await signInAs(running, account.address, (text) => account.signMessage({ message: text }))
        expect(result).toMatchObject({ status: 401, body: { message: 'Invalid SIWE signature.' } })
        // viem reads the failed eth_call (EIP-1271/6492) as "not valid"; the Safe fallback's eth_getCode then fails
        // too. Each is sent once: viem's default transport would send each four times.
        expect(requests).toBe(2)
      })
    } finally {
      failing.close()
    }
  })

  it('an RPC URL that accepts and never answers: a 401 within seconds (viem\'s defaults took 41 s)', async () => {
    const sockets = new Set<import('node:net').Socket>()
    const hung: Server = createServer((socket) => {
      sockets.add(socket)
    })
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve))
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const rpcUrl = `http://127.0.0.1:${(hung.address() as AddressInfo).port}`
      await withServer({ rpc: { [CHAIN_ID]: rpcUrl }, rpcTimeout: 500 }, async (running) => {
        const account = smartAccount(wallets.deployed)
        const started = performance.now()
        const result = await signInAs(running, account.address, (text) => account.signMessage({ message: text }))
        expect(result).toMatchObject({ status: 401, body: { message: 'Invalid SIWE signature.' } })
        expect(performance.now() - started).toBeLessThan(8_000)
        expect(sockets.size).toBe(1)
      })
    } finally {
      for (const socket of sockets) socket.destroy()
      hung.close()
    }
  }, 30_000)
})
