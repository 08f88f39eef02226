import { spawn } from 'node:child_process'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { generatePrivateKey, privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts'
import { createSiweMessage } from 'viem/siwe'
import { expect } from 'vitest'
import { createAgoraServer, type AgoraServer, type AgoraServerOptions } from '../../src/server.js'
import { listen } from '../../src/serverNode.js'

export const STATEMENT = 'Sign in to Agora with Ethereum'

export type Running = { server: AgoraServer; url: string; host: string; close(): Promise<void> }

/** A server on 127.0.0.1, a free port. */
export async function start(options: AgoraServerOptions = {}): Promise<Running> {
  const server = createAgoraServer(options)
  const { url, close } = await listen(server)
  return { server, url, host: new URL(url).host, close }
}

export const newAccount = (): PrivateKeyAccount => privateKeyToAccount(generatePrivateKey())

export async function getNonce(url: string, prefix = '/api/v1'): Promise<string> {
  const response = await fetch(`${url}${prefix}/auth/nonce`)
  return ((await response.json()) as { nonce: string }).nonce
}

export type MessageParameters = {
  host: string
  address: `0x${string}`
  nonce: string
  chainId?: number
  statement?: string
  uri?: string
  domain?: string
  issuedAt?: Date
  expirationTime?: Date
  notBefore?: Date
}

/** An Agora SIWE message, valid by default for the server at `host`. */
export function message(p: MessageParameters): string {
  const issuedAt = p.issuedAt ?? new Date()
  return createSiweMessage({
    domain: p.domain ?? p.host,
    address: p.address,
    statement: p.statement ?? STATEMENT,
    uri: p.uri ?? `http://${p.host}`,
    version: '1',
    chainId: p.chainId ?? 10,
    nonce: p.nonce,
    issuedAt,
    expirationTime: p.expirationTime ?? new Date(issuedAt.getTime() + 300_000),
    ...(p.notBefore ? { notBefore: p.notBefore } : {}),
  })
}

export async function postVerify(url: string, body: unknown, prefix = '/api/v1'): Promise<Response> {
  return fetch(`${url}${prefix}/auth/verify`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** Signs in with a fresh nonce; returns the response and what was signed. */
export async function signIn(
  running: Running,
  account: PrivateKeyAccount = newAccount(),
  overrides: Partial<MessageParameters> = {},
): Promise<{ response: Response; message: string; signature: `0x${string}`; account: PrivateKeyAccount }> {
  const nonce = await getNonce(running.url)
  const text = message({ host: running.host, address: account.address, nonce, ...overrides })
  const signature = await account.signMessage({ message: text })
  return { response: await postVerify(running.url, { message: text, signature }), message: text, signature, account }
}

export async function tokenFor(running: Running, account: PrivateKeyAccount = newAccount()): Promise<string> {
  const { response } = await signIn(running, account)
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { access_token: string }).access_token
}

export const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } })

/** What the CLI may read from the environment; a test starts from none of it, whatever the developer's shell set. */
const CLI_ENV_NAMES = ['AGORA_JWT_SECRET', 'AGORA_API_KEYS_FILE', 'AGORA_AUTH_JWT_SECRET', 'AGORA_AUTH_API_KEYS']

/** The environment of a CLI run in a test: this process's, without the CLI's own settings, plus `env`. */
export function cliEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !CLI_ENV_NAMES.includes(name)))
  return { ...clean, ...env }
}

/**
 * Starts the CLI (`agora-auth-server start --port 0 --keys-file <keysFile> …args`) in its own process with tsx and
 * resolves once it names its URL (real I/O, so a real wait). The caller kills `child`; `stderr()` is what it wrote.
 */
export async function startCli(keysFile: string, { args = [], env = {} }: { args?: string[]; env?: Record<string, string> } = {}) {
  const root = join(import.meta.dirname, '..', '..')
  const cliArgs = [join(root, 'src', 'server', 'cli.ts'), 'start', '--port', '0', '--keys-file', keysFile, ...args]
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), cliArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: cliEnv(env) })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const found = /listening on (http:\/\/\S+)/.exec(output)
      if (found) resolve(found[1]!)
    })
    child.once('exit', (code) => reject(new Error(`the CLI server exited with ${code}: ${stderr}`)))
  }).catch((error: unknown) => {
    child.kill('SIGTERM')
    throw error
  })
  return { child, url, stderr: () => stderr }
}

/** 200 concurrent verifies of one signed message: exactly one 200, and 199 "SIWE nonce already used." (any store). */
export async function expectOneOfManyVerifies(running: Running) {
  const account = newAccount()
  const text = message({ host: running.host, address: account.address, nonce: await getNonce(running.url) })
  const signature = await account.signMessage({ message: text })
  const responses = await Promise.all(Array.from({ length: 200 }, () => postVerify(running.url, { message: text, signature })))
  const bodies = await Promise.all(responses.map(async (r) => `${r.status} ${await r.text()}`))
  expect(bodies.filter((b) => b.startsWith('200 '))).toHaveLength(1)
  expect(bodies.filter((b) => b === '401 {"message":"SIWE nonce already used."}')).toHaveLength(199)
}

/**
 * One request through `node:http`, which (unlike fetch) lets a test choose the Host header and an absolute-form
 * target such as `http://evil.example/api/v1/auth/nonce`, as an attacker's client can.
 */
export function rawRequest(
  url: string,
  { method = 'GET', target, host, body }: { method?: string; target: string; host: string; body?: string },
): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }
    const request = httpRequest({ hostname, port, method, path: target, headers }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        text += chunk
      })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }))
    })
    request.on('error', reject)
    request.end(body)
  })
}
