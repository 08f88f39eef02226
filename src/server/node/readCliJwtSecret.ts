import { readFileSync } from 'node:fs'

/** Where the CLI found its JWT secret, and the secret; `random` means it made one up for this process. */
export type ReadCliJwtSecretReturnType = { source: 'env' | 'file'; secret: string } | { source: 'random' }

/**
 * The CLI's JWT secret (internal): from `--jwt-secret-file` (one line; surrounding whitespace dropped), else from
 * `AGORA_JWT_SECRET`; never from argv, where any user of the machine can read it in `ps`.
 * @example const found = readCliJwtSecret({ file: values['jwt-secret-file'], env: process.env })
 */
export function readCliJwtSecret({ file, env }: { file: string | undefined; env: NodeJS.ProcessEnv }): ReadCliJwtSecretReturnType {
  if (file !== undefined) return { source: 'file', secret: readFileSync(file, 'utf8').trim() }
  const fromEnv = env.AGORA_JWT_SECRET
  if (fromEnv !== undefined) return { source: 'env', secret: fromEnv }
  return { source: 'random' }
}
