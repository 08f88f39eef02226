import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { Redis } from 'ioredis'
import { afterAll, beforeAll } from 'vitest'

const BINARY = process.env.REDIS_SERVER ?? '/usr/bin/redis-server'

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })

/** Spawns a throw-away redis-server on a free 127.0.0.1 port, without persistence. */
export async function startRedis(): Promise<{ port: number; stop(): Promise<void> }> {
  if (!existsSync(BINARY)) throw new Error(`redis-server not found at ${BINARY}: apt-get install -y redis-server (or set REDIS_SERVER)`)
  const port = await freePort()
  const child: ChildProcess = spawn(BINARY, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  await new Promise<void>((resolve, reject) => {
    let output = ''
    // Real I/O is waited on here: the process prints this line once it accepts connections.
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`redis-server exited with ${code}:\n${output}`))
    })
  })
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/**
 * A throw-away redis-server and a client to it for one test file: started before its tests, stopped after them.
 * @example let redis: Redis; useRedisServer((client) => { redis = client })
 */
export function useRedisServer(onClient: (client: Redis) => void): void {
  let server: Awaited<ReturnType<typeof startRedis>> | undefined
  let client: Redis | undefined
  beforeAll(async () => {
    server = await startRedis()
    client = new Redis({ port: server.port, host: '127.0.0.1', maxRetriesPerRequest: 1 })
    onClient(client)
  })
  afterAll(async () => {
    await client?.quit()
    await server?.stop()
  })
}
