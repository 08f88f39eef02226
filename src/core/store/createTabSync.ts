import type { SyncMessage } from './types.js'

export type TabSync = {
  /** Tells the other tabs that a storage entry changed. */
  post(message: SyncMessage): void
  /** Calls `onMessage` for each well-formed message from another tab, until the returned function is called. */
  watch(onMessage: (message: SyncMessage) => void): () => void
}

/** Whether a message another tab (or anything else on the page) sent is `{ key: string, newValue: string | null }`. */
function isSyncMessage(data: unknown): data is SyncMessage {
  if (typeof data !== 'object' || data === null) return false
  const { key, newValue } = data as { key?: unknown; newValue?: unknown }
  return typeof key === 'string' && (typeof newValue === 'string' || newValue === null)
}

function openChannel(name: string): BroadcastChannel | undefined {
  try {
    return new BroadcastChannel(name)
  } catch {
    return undefined // no BroadcastChannel here (an old runtime): tabs do not sync, and nothing else breaks
  }
}

/**
 * Tells the other tabs of this origin what changed, over a BroadcastChannel; where the runtime has none, tabs do
 * not sync. A malformed message is dropped before it reaches `onMessage`.
 * `channelName` is one per API (`agora-auth:{baseUrl}`).
 * @example const stop = createTabSync(channelName).watch(({ key, newValue }) => adopt(key, newValue))
 */
export function createTabSync(channelName: string): TabSync {
  return {
    post(message) {
      // A short-lived channel, because this tab may not be listening at the moment.
      const channel = openChannel(channelName)
      channel?.postMessage(message)
      channel?.close()
    },
    watch(onMessage) {
      const channel = openChannel(channelName)
      if (channel) {
        channel.onmessage = ({ data }: MessageEvent) => {
          if (isSyncMessage(data)) onMessage(data)
        }
      }
      return () => channel?.close()
    },
  }
}
