import type { RateLimitStore, RedisLike } from './types.js'

// Token bucket in one script, so instances sharing the Redis share the bucket without races.
// Returns {allowed, remaining, retryAfterMs}; time comes from the caller so tests can move the clock.
const TAKE = `local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or capacity
local at = tonumber(b[2]) or now
local elapsed = now - at
if elapsed < 0 then elapsed = 0 end
tokens = math.min(capacity, tokens + elapsed / 1000 * rate)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) / rate * 1000)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 1000)
return {allowed, math.floor(tokens), wait}`

/**
 * Token buckets in Redis, shared by every server instance.
 * @example createAgoraServer({ rateLimitStore: createRedisRateLimitStore(new Redis()) })
 */
export function createRedisRateLimitStore(redis: RedisLike, options: { keyPrefix?: string } = {}): RateLimitStore {
  const prefix = `${options.keyPrefix ?? 'agora-auth:'}ratelimit:`
  return {
    async take(key, { capacity, refillPerSecond }, now) {
      const [allowed, remaining, waitMs] = (await redis.eval(TAKE, 1, prefix + key, capacity, refillPerSecond, Math.floor(now))) as number[]
      return {
        allowed: allowed === 1,
        remaining: Number(remaining),
        retryAfter: allowed === 1 ? 0 : Math.max(1, Math.ceil(Number(waitMs) / 1000)),
      }
    },
  }
}
