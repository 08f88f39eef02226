import type { NonceStore, RedisLike } from './types.js'

// One script per operation: Redis runs a script without interleaving, so consumption is atomic across instances.
const PUT = "redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) return 1"
const CONSUME = `local v = redis.call('GET', KEYS[1])
if not v then return 'unknown' end
if v == 'used' then return 'used' end
local ttl = redis.call('TTL', KEYS[1])
if ttl < 600 then ttl = 600 end
redis.call('SET', KEYS[1], 'used', 'EX', ttl)
return v`

/**
 * A nonce store in Redis, for several server instances behind one load balancer.
 * @example createAgoraServer({ nonceStore: createRedisNonceStore(new Redis()) })
 */
export function createRedisNonceStore(redis: RedisLike, options: { keyPrefix?: string } = {}): NonceStore {
  const key = (nonce: string) => `${options.keyPrefix ?? 'agora-auth:'}nonce:${nonce}`
  return {
    async put(nonce, host, ttlSeconds) {
      await redis.eval(PUT, 1, key(nonce), `h:${host}`, Math.max(1, Math.ceil(ttlSeconds)))
    },
    async consume(nonce) {
      const result = String(await redis.eval(CONSUME, 1, key(nonce)))
      if (result.startsWith('h:')) return { host: result.slice(2) }
      return result === 'used' ? 'used' : 'unknown'
    },
  }
}
