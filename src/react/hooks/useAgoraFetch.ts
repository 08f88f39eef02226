'use client'
import type { AgoraClient } from '../../core/http/createAgoraClient.js'
import { useAgoraAuthContext } from '../context.js'

/**
 * The provider's authenticated `fetch` (token only inside `baseUrl`, one re-auth on 401), and `request` for JSON.
 * @example const { fetch } = useAgoraFetch(); const res = await fetch('proposals?limit=5')
 */
export function useAgoraFetch(): AgoraClient {
  return useAgoraAuthContext().client
}
