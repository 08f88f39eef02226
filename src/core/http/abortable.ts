import { AbortedError } from '../errors/errors.js'

/**
 * Settles with `AbortedError` as soon as `signal` aborts, whether or not `promise` itself listens to it
 * (internal: a token source may ignore the signal, and a shared exchange must not be cancelled by one caller).
 */
export const abortable = <T>(promise: Promise<T>, signal?: AbortSignal | null): Promise<T> =>
  signal
    ? new Promise((resolve, reject) => {
        const abort = () => reject(new AbortedError({ cause: signal.reason }))
        // Abort listeners run synchronously inside `abort()`, so an abort always settles this before `promise` can.
        if (signal.aborted) abort()
        else signal.addEventListener('abort', abort)
        promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort))
      })
    : promise
