import type { SyncMessage } from './types.js'

const channelName = (baseUrl: string) => `agora-auth:${baseUrl}`

/** Tells the other tabs; a short-lived channel, because this tab may not be listening at the moment. */
export function postToTabs(baseUrl: string, message: SyncMessage): void {
  if (typeof BroadcastChannel === 'undefined') return // the `storage` event carries it instead
  try {
    const channel = new BroadcastChannel(channelName(baseUrl))
    channel.postMessage(message)
    channel.close()
  } catch {}
}

/** Listens to the other tabs (BroadcastChannel, else the `storage` event of local storage); returns the stop function. */
export function watchTabs(baseUrl: string, onMessage: (message: SyncMessage) => void): () => void {
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(channelName(baseUrl))
    channel.onmessage = (event: MessageEvent) => {
      if (event.data && typeof event.data === 'object') onMessage(event.data as SyncMessage)
    }
    return () => channel.close()
  }
  if (typeof addEventListener !== 'function') return () => {}
  const prefix = `${channelName(baseUrl)}:`
  const onStorage = ({ key, newValue }: StorageEvent) => {
    if (!key?.startsWith(prefix)) return
    const [address = '', chainId] = key.slice(prefix.length).split(':')
    onMessage(newValue ? { type: 'signIn', token: newValue } : { type: 'signOut', address, chainId: Number(chainId) })
  }
  addEventListener('storage', onStorage)
  return () => removeEventListener('storage', onStorage)
}
