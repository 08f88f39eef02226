/**
 * Throws the caller's mistake, as a `TypeError` before any request, when a count, a delay or a size is not a
 * number ≥ 0 (internal).
 * @example assertNonNegative('retry.count', -1) // TypeError: retry.count must be a number ≥ 0, not -1.
 */
export function assertNonNegative(name: string, value: unknown): void {
  const isValid = typeof value === 'number' && value >= 0
  if (!isValid) throw new TypeError(`${name} must be a number ≥ 0, not ${value}.`)
}
