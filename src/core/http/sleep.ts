import { abortable } from './abortable.js'

/**
 * Resolves after `ms`, or rejects with `AbortedError` when `signal` aborts first; an abort also clears the timer,
 * so that a cancelled wait does not keep a process alive (internal).
 * @example await sleep(1000, signal)
 */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const elapsed = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms)
  })
  return abortable(elapsed, signal).finally(() => clearTimeout(timer))
}
