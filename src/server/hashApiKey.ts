/**
 * The lowercase SHA-256 hex digest of an API key, which is all a store ever keeps of it (Web Crypto).
 * @example await apiKeyStore.get(await hashApiKey(key))
 */
export async function hashApiKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}
