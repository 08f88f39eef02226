import type { RedisLike } from '../types.js'
import type { GatewayCache } from './types.js'

export type CreateRedisGatewayCacheParameters = {
  /** Prefix of every key. Default: `agora-auth:`. */
  keyPrefix?: string
}

// SET with its expiry in one command, so no answer is ever kept without one.
const SET_WITH_TTL = "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1"

/**
 * The gateway's cache of public upstream answers in Redis, shared by several server instances; Redis expires each
 * answer after its TTL (bound Redis's memory with its own `maxmemory` policy).
 * @example createAgoraServer({ upstream: { baseUrl, credential, cache: { store: createRedisGatewayCache(new Redis(process.env.REDIS_URL)) } } })
 */
export function createRedisGatewayCache(redis: RedisLike, parameters: CreateRedisGatewayCacheParameters = {}): GatewayCache {
  const keyPrefix = `${parameters.keyPrefix ?? 'agora-auth:'}gateway-cache:`
  return {
    async get(key) {
      return (await redis.get(keyPrefix + key)) ?? undefined
    },
    async set(key, value, ttlMs) {
      const ttl = Math.ceil(ttlMs)
      if (!(ttl > 0)) return
      await redis.eval(SET_WITH_TTL, 1, keyPrefix + key, value, ttl)
    },
  }
}
