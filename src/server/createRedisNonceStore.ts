import type { NonceStore, RedisLike } from './types.js'

export type CreateRedisNonceStoreParameters = {
  /** Prefix of every key. Default: `agora-auth:`. */
  keyPrefix?: string
  /** Most nonces (issued or used) kept at once; past it the soonest to expire is deleted. Default: 1 000 000. */
  maxNonces?: number
}

// One script per operation: Redis runs a script without interleaving, so the cap and consumption are atomic across
// instances. Every nonce key has its own TTL and an entry in an index (a sorted set by expiry, in Redis time), which
// is how the count is bounded: expired entries are pruned a hundred at a time, then the soonest to expire go first.
const NOW_MS = `local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)`
const PUT = `${NOW_MS}
local ttl = tonumber(ARGV[2])
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 100)
if #expired > 0 then redis.call('ZREM', KEYS[2], unpack(expired)) end
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3]) + 1
if excess > 0 then
  local oldest = redis.call('ZPOPMIN', KEYS[2], excess)
  for i = 1, #oldest, 2 do redis.call('DEL', ARGV[4] .. oldest[i]) end
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ttl)
redis.call('ZADD', KEYS[2], now + ttl * 1000, ARGV[5])
return 1`
const CONSUME = `local v = redis.call('GET', KEYS[1])
if not v then return 'unknown' end
if v == 'used' then return 'used' end
${NOW_MS}
local ttl = redis.call('TTL', KEYS[1])
if ttl < 600 then ttl = 600 end
redis.call('SET', KEYS[1], 'used', 'EX', ttl)
redis.call('ZADD', KEYS[2], now + ttl * 1000, ARGV[1])
return v`

/**
 * A nonce store in Redis, for several server instances behind one load balancer; bounded in memory.
 * The keys share a hash tag (`{nonce}`), so the scripts also run on a Redis Cluster.
 * @example createAgoraServer({ nonceStore: createRedisNonceStore(new Redis()) })
 */
export function createRedisNonceStore(redis: RedisLike, options: CreateRedisNonceStoreParameters = {}): NonceStore {
  const maxNonces = options.maxNonces ?? 1_000_000
  if (!Number.isInteger(maxNonces) || maxNonces < 1) throw new TypeError('maxNonces must be a positive integer.')
  const index = `${options.keyPrefix ?? 'agora-auth:'}{nonce}`
  const keyPrefix = `${index}:`
  return {
    async put(nonce, host, ttlSeconds) {
      const ttl = Math.max(1, Math.ceil(ttlSeconds))
      await redis.eval(PUT, 2, keyPrefix + nonce, index, `h:${host}`, ttl, maxNonces, keyPrefix, nonce)
    },
    async consume(nonce) {
      const result = String(await redis.eval(CONSUME, 2, keyPrefix + nonce, index, nonce))
      if (result.startsWith('h:')) return { host: result.slice(2) }
      return result === 'used' ? 'used' : 'unknown'
    },
  }
}
