// Runs examples/next as a user would: the package built and packed (a tarball, not a symlink, so the app has one
// React), the example's own lockfile installed with `npm ci`, `next build`, then `next start` on a free port.
import { type ChildProcess, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..', '..')
export const exampleDir = join(root, 'examples', 'next')

/** The environment for child processes: vitest's NODE_ENV=test would make Next build something else. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra }
  delete env.NODE_ENV
  return env
}

/** Runs a command to completion; rejects with its output when it fails (real I/O: no timeout of its own). */
export function run(command: string, args: string[], cwd: string, env = childEnv()): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`))))
  })
}

const newestMtime = (dir: string): number =>
  Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newestMtime(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs,
    ),
  )

/** Whether dist/ was built after the last change to src/ (CI builds it just before the tests): then it is packed as is. */
function isDistFresh(): boolean {
  const outputs = ['index.js', 'server.js', 'testing.js', join('types', 'index.d.ts'), 'styles.css'].map((file) => join(root, 'dist', file))
  if (!outputs.every((file) => existsSync(file))) return false
  return Math.min(...outputs.map((file) => statSync(file).mtimeMs)) > newestMtime(join(root, 'src'))
}

/** Packs dist/ as it is, or a build of the working tree staged in `stage`; returns the tarball's file name. */
async function packInto(stage: string): Promise<string> {
  if (isDistFresh()) return run('npm', ['pack', '--pack-destination', stage, '--loglevel=error'], root)
  const bin = (name: string) => join(root, 'node_modules', '.bin', name)
  await Promise.all([
    run(bin('vite'), ['build', '--outDir', join(stage, 'dist'), '--emptyOutDir', '--logLevel', 'warn'], root),
    // Type errors are the typecheck step's to report (CI runs it first); tsc emits the declarations regardless,
    // and `next build` type-checks the example against them.
    run(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', join(stage, 'dist', 'types')], root).catch(() => ''),
  ])
  if (!existsSync(join(stage, 'dist', 'types', 'index.d.ts'))) throw new Error('tsc emitted no declarations')
  cpSync(join(root, 'src', 'styles.css'), join(stage, 'dist', 'styles.css'))
  cpSync(join(root, 'src'), join(stage, 'src'), { recursive: true })
  cpSync(join(root, 'package.json'), join(stage, 'package.json'))
  return run('npm', ['pack', '--pack-destination', stage, '--loglevel=error'], stage)
}

/**
 * Packs the package: dist/ as it is when it is fresh, else built from the working tree into a staging folder
 * (dist/ is left alone: others may be using it). Returns the tarball's path and how to remove it.
 */
export async function packPackage(): Promise<{ tarball: string; cleanup(): void }> {
  const stage = mkdtempSync(join(tmpdir(), 'agora-auth-pack-'))
  const cleanup = () => rmSync(stage, { recursive: true, force: true })
  try {
    const packed = await packInto(stage)
    return { tarball: join(stage, packed.trim().split('\n').at(-1)!), cleanup }
  } catch (error) {
    cleanup()
    throw error
  }
}

/** Installs the example from its lockfile, then the tarball without touching package.json or the lockfile. */
export async function installExample(tarball: string): Promise<void> {
  const quiet = ['--no-fund', '--no-audit', '--loglevel=error']
  await run('npm', ['ci', ...quiet], exampleDir)
  await run('npm', ['install', '--no-save', ...quiet, tarball], exampleDir)
}

const next = (args: string[], env: Record<string, string>) => [join(exampleDir, 'node_modules', 'next', 'dist', 'bin', 'next'), args, env] as const

/** `next build` with the given environment, from scratch. */
export async function buildExample(env: Record<string, string>): Promise<string> {
  // A `next dev` run leaves types of its own in .next/dev that tsconfig includes: a stale one fails the build.
  rmSync(join(exampleDir, '.next'), { recursive: true, force: true })
  const [bin, args] = next(['build'], env)
  return run(process.execPath, [bin, ...args], exampleDir, childEnv(env))
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return typeof address === 'object' && address ? address.port : 0
}

export type RunningExample = { port: number; stop(): Promise<void>; log(): string }

/** Starts `next start` on a free port and resolves once it is ready; `stop()` ends it, `log()` is its output. */
export async function startExample(env: Record<string, string>): Promise<RunningExample> {
  const port = await freePort()
  // PORT also tells the route handler which origins to pin (app/api/[...path]/route.ts).
  // Loopback only: Chromium still reaches it as localhost (it falls back from ::1 to 127.0.0.1).
  const [bin, args] = next(['start', '--port', String(port), '--hostname', '127.0.0.1'], env)
  const child: ChildProcess = spawn(process.execPath, [bin, ...args], {
    cwd: exampleDir,
    env: childEnv({ ...env, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM')
    await exited
  }
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`next start exited with ${code}:\n${output}`)))
      child.stdout!.on('data', () => {
        if (/Ready in/.test(output)) resolve()
      })
    })
  } catch (error) {
    await stop()
    throw error
  }
  return { port, stop, log: () => output }
}
