'use client'
import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useEffect, useMemo, useRef } from 'react'
import { useConfig, type Config } from 'wagmi'
import { getConnection, signMessage, watchConnection } from 'wagmi/actions'
import { createAgoraClient, type CreateAgoraClientParameters } from '../core/http/createAgoraClient.js'
import { createSessionStore, type CreateSessionStoreParameters } from '../core/store/createSessionStore.js'
import { AgoraAuthContext } from './context.js'

export type AgoraAuthProviderProps = Omit<CreateSessionStoreParameters, 'signMessage' | 'account'> & {
  children?: ReactNode
  /** The wagmi config to sign with; defaults to the one from the surrounding `WagmiProvider`. */
  config?: Config
  /** Routes below `baseUrl` that never get the token; default the Agora API's public routes. */
  publicRoutes?: CreateAgoraClientParameters['publicRoutes']
  /** How the data hooks retry a 429; default 2 retries honouring `Retry-After`. */
  retry?: CreateAgoraClientParameters['retry']
}

/** The first element of every query key the data hooks make, so the provider can find and drop them. */
export const agoraQueryKey = 'agora-auth'

/**
 * Signs in with Ethereum through the surrounding wagmi config and keeps the Agora session; put it inside
 * `WagmiProvider` and `QueryClientProvider`.
 * @example <AgoraAuthProvider baseUrl="https://vote.optimism.io/api/v1"><App /></AgoraAuthProvider>
 */
export function AgoraAuthProvider({ children, config: configProp, ...options }: AgoraAuthProviderProps) {
  const config = useConfig({ config: configProp })
  const queryClient = useQueryClient()
  // The latest callbacks, so changing them does not make a new store (and a new session).
  const latest = useRef(options)
  latest.current = options

  // Creating a store is free of side effects, so StrictMode's double call costs nothing.
  const value = useMemo(() => {
    const store = createSessionStore({
      ...latest.current,
      signMessage: ({ message, address }) => signMessage(config, { message, account: address }),
      onSignIn: (session) => latest.current.onSignIn?.(session),
      onSignOut: () => latest.current.onSignOut?.(),
    })
    return { store, client: createAgoraClient({ ...latest.current, tokenSource: store }) }
  }, [options.baseUrl, config])

  useEffect(() => {
    const { store, client } = value
    // Cached authenticated data belongs to the account that fetched it (key[4]): drop it when that account's
    // session ends. (Keys carry the subject, so the next account never reads it in the meantime.)
    const off = store.subscribe(() => {
      const subject = store.getSnapshot().session?.address
      queryClient.removeQueries({
        queryKey: [agoraQueryKey, client.baseUrl],
        predicate: ({ queryKey: k }) => !!k[4] && k[4] !== subject,
      })
    })
    // wagmi's own listener runs synchronously with the account change, before any React render, so no request
    // can pick up account A's token once the wallet says B. 'connecting' and 'reconnecting' decide nothing.
    const sync = (atMount?: boolean) => {
      const { status, address, chainId } = getConnection(config)
      if (status === 'connected') store.setAccount({ address, chainId })
      // At mount, "disconnected" may only mean wagmi has not begun reconnecting (SSR configs start it a tick later).
      else if (status === 'disconnected' && !atMount) store.setAccount(null)
    }
    const unwatch = watchConnection(config, { onChange: () => sync() })
    sync(true)
    const timer = setTimeout(sync)
    return () => {
      off()
      unwatch()
      clearTimeout(timer)
    }
  }, [value, queryClient, config])

  return <AgoraAuthContext.Provider value={value}>{children}</AgoraAuthContext.Provider>
}
