/** Contract A's list envelope: `next_offset` is 0 at the end and there is no total count (internal). */
export const paginate = <T>(items: readonly T[], limit: number, offset: number) => {
  const data = items.slice(offset, offset + limit)
  const hasNext = offset + limit < items.length
  return { meta: { has_next: hasNext, total_returned: data.length, next_offset: hasNext ? offset + limit : 0 }, data }
}

/** Reads `limit` (1–50, default 10) and `offset` (≥ 0, default 0); a string says what is wrong (internal). */
export const readPage = (query: URLSearchParams): { limit: number; offset: number } | string => {
  const limit = query.get('limit') ?? '10'
  const offset = query.get('offset') ?? '0'
  if (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > 50) return 'limit must be an integer from 1 to 50'
  if (!/^\d{1,9}$/.test(offset)) return 'offset must be a non-negative integer'
  return { limit: Number(limit), offset: Number(offset) }
}
