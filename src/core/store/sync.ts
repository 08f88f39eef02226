import type { SyncMessage } from './types.js'

// Throws where there is no BroadcastChannel: callers fall back (see watchTabs) or give up (postToTabs).
const channel = (baseUrl: string) => new BroadcastChannel(`agora-auth:${baseUrl}`)

/** Tells the other tabs; a short-lived channel, because this tab may not be listening at the moment. */
export function postToTabs(baseUrl: string, message: SyncMessage): void {
  try {
    const tabs = channel(baseUrl)
    tabs.postMessage(message)
    tabs.close()
  } catch {} // no BroadcastChannel: the `storage` event of the write carries it instead
}

/** Listens to the other tabs (BroadcastChannel, else the `storage` event of local storage); returns the stop function. */
export function watchTabs(baseUrl: string, onMessage: (message: SyncMessage) => void): () => void {
  try {
    const tabs = channel(baseUrl)
    tabs.onmessage = ({ data }: MessageEvent) => data && typeof data === 'object' && onMessage(data as SyncMessage)
    return () => tabs.close()
  } catch {}
  // The keys are storageKey's: `agora-auth:{baseUrl}:{address}:{chainId}`; a removal is a sign-out.
  const prefix = `agora-auth:${baseUrl}:`
  const onStorage = ({ key, newValue }: StorageEvent) => {
    if (!key?.startsWith(prefix)) return
    const [address = '', chainId] = key.slice(prefix.length).split(':')
    onMessage(newValue ? { type: 'signIn', token: newValue } : { type: 'signOut', address, chainId: Number(chainId) })
  }
  globalThis.addEventListener?.('storage', onStorage)
  return () => globalThis.removeEventListener?.('storage', onStorage)
}
