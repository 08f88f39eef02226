import type { SyncMessage } from './types.js'

export type CreateTabSyncParameters = {
  /** The BroadcastChannel's name: one per API (`agora-auth:{baseUrl}`). */
  channelName: string
}

export type TabSync = {
  /** Tells the other tabs that a storage entry changed. */
  post(message: SyncMessage): void
  /** Calls `onMessage` for each well-formed message from another tab, until the returned function is called. */
  watch(onMessage: (message: SyncMessage) => void): () => void
}

/** A message as another tab (or anything else on the page) sent it: only `{ key: string, newValue: string | null }` passes. */
function readMessage(data: unknown): SyncMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const { key, newValue } = data as { key?: unknown; newValue?: unknown }
  if (typeof key !== 'string' || !(typeof newValue === 'string' || newValue === null)) return undefined
  return { key, newValue }
}

/**
 * Tells the other tabs of this origin what changed, over a BroadcastChannel, or through the `storage` event of
 * local storage where there is none (the messages have that event's shape, so both read the same). A malformed
 * message is dropped before it reaches `onMessage`.
 * @example const stop = createTabSync({ channelName }).watch(({ key, newValue }) => adopt(key, newValue))
 */
export function createTabSync({ channelName }: CreateTabSyncParameters): TabSync {
  function post(message: SyncMessage) {
    try {
      // A short-lived channel, because this tab may not be listening at the moment.
      const channel = new BroadcastChannel(channelName)
      channel.postMessage(message)
      channel.close()
    } catch {
      // no BroadcastChannel: the storage event of the write carries it instead
    }
  }

  function watch(onMessage: (message: SyncMessage) => void) {
    const deliver = (data: unknown) => {
      const message = readMessage(data)
      if (message) onMessage(message)
    }
    try {
      const channel = new BroadcastChannel(channelName)
      channel.onmessage = (event: MessageEvent) => deliver(event.data)
      return () => channel.close()
    } catch {
      // no BroadcastChannel: the storage event below
    }
    const onStorage = (event: Event) => deliver(event)
    globalThis.addEventListener?.('storage', onStorage)
    return () => globalThis.removeEventListener?.('storage', onStorage)
  }

  return { post, watch }
}
