/** RFC 3339 `date-time` as EIP-4361 uses it; `T` and `Z` in either case, as RFC 3339 allows. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/**
 * Reads an EIP-4361 time strictly, as the `siwe` package's parser does (internal): undefined for a malformed one and
 * for an impossible one (`2026-11-31`, `25:00`), which `new Date` would quietly roll over into another day.
 * @example parseSiweDate('2026-11-30T12:00:00.000Z')?.toISOString()
 */
export function parseSiweDate(value: string): Date | undefined {
  const match = DATE_TIME.exec(value)
  if (!match) return undefined
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const fraction = match[7] ?? ''
  const isUtc = match[8] !== undefined
  const offsetHours = Number(match[10] ?? 0)
  const offsetMinutes = Number(match[11] ?? 0)
  const isPossibleDay = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  // A leap second (:60) is a valid RFC 3339 time; it counts as the first second of the next minute.
  const isPossibleTime = hour <= 23 && minute <= 59 && second <= 60
  const isPossibleOffset = isUtc || (offsetHours <= 23 && offsetMinutes <= 59)
  if (!isPossibleDay || !isPossibleTime || !isPossibleOffset) return undefined
  const milliseconds = Number(fraction.slice(0, 3).padEnd(3, '0'))
  const offsetSign = match[9] === '-' ? -1 : 1
  const offset = isUtc ? 0 : offsetSign * (offsetHours * 60 + offsetMinutes) * 60_000
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - offset)
}
