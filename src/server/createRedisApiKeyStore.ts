import type { ApiKeyRecord, ApiKeyStore, RedisLike } from './types.js'

const SET_ENABLED = `local v = redis.call('GET', KEYS[1])
if not v then return 0 end
local r = cjson.decode(v)
r.enabled = ARGV[1] == '1'
redis.call('SET', KEYS[1], cjson.encode(r))
return 1`

/**
 * An API key store in Redis: one JSON record per key hash, never the key.
 * @example createAgoraServer({ apiKeyStore: createRedisApiKeyStore(new Redis()) })
 */
export function createRedisApiKeyStore(redis: RedisLike, options: { keyPrefix?: string } = {}): ApiKeyStore {
  const key = (hash: string) => `${options.keyPrefix ?? 'agora-auth:'}apikey:${hash.toLowerCase()}`
  return {
    async get(hash) {
      const value = await redis.get(key(hash))
      return value ? (JSON.parse(value) as ApiKeyRecord) : undefined
    },
    async put(hash, record) {
      await redis.set(key(hash), JSON.stringify(record))
    },
    async setEnabled(hash, enabled) {
      return Number(await redis.eval(SET_ENABLED, 1, key(hash), enabled ? '1' : '0')) === 1
    },
  }
}
