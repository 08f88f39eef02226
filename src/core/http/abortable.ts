import { AbortedError } from '../errors/errors.js'

/**
 * Settles with `AbortedError` as soon as `signal` aborts, whether or not `promise` itself listens to it
 * (internal: a token source may ignore the signal, and a shared exchange must not be cancelled by one caller).
 */
export const abortable = <T>(promise: Promise<T>, signal?: AbortSignal | null): Promise<T> =>
  signal
    ? new Promise((resolve, reject) => {
        const abort = () => reject(new AbortedError({ cause: signal.reason }))
        if (signal.aborted) abort()
        signal.addEventListener('abort', abort)
        promise
          .then(resolve, (error) => (signal.aborted ? abort() : reject(error)))
          .finally(() => signal.removeEventListener('abort', abort))
      })
    : promise
