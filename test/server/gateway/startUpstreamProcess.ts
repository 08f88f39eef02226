// Starts test/server/gateway/upstreamProcess.ts in its own process: the one way every gateway test gets an upstream.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

export type UpstreamProcess = {
  url: string
  /** Three API keys of the upstream (printed once by the process, as the CLI prints a generated key). */
  keys: [string, string, string]
  /** Asks the upstream's test instrumentation: `seen`, `reset`, `script`, `revoke` (a POST when there is a body). */
  control(path: string, body?: unknown): Promise<Response>
  stop(): Promise<void>
}

/**
 * Spawns the upstream with tsx and resolves once it printed its URL and keys (real I/O, so a real wait).
 * @example const upstream = await startUpstreamProcess(); await upstream.control('revoke', { index: 0 })
 */
export async function startUpstreamProcess(): Promise<UpstreamProcess> {
  const root = join(import.meta.dirname, '..', '..', '..')
  const script = join(root, 'test', 'server', 'gateway', 'upstreamProcess.ts')
  const child: ChildProcess = spawn(join(root, 'node_modules', '.bin', 'tsx'), [script], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const line = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('\n')) resolve(output.split('\n')[0]!)
    })
    child.once('exit', (code) => reject(new Error(`the upstream exited with ${code}: ${stderr}`)))
  }).catch((error: unknown) => {
    child.kill('SIGTERM')
    throw error
  })
  const { url, keys } = JSON.parse(line) as { url: string; keys: [string, string, string] }
  return {
    url,
    keys,
    control: (path, body) =>
      fetch(`${url}/__control/${path}`, { method: body === undefined ? 'GET' : 'POST', body: body === undefined ? undefined : JSON.stringify(body) }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
