'use client'
import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useEffect, useMemo, useRef } from 'react'
import { useConfig, type Config } from 'wagmi'
import { getConnection, signMessage, watchConnection, type GetConnectionReturnType } from 'wagmi/actions'
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
  const contextConfig = useConfig()
  const queryClient = useQueryClient()
  const config = configProp ?? contextConfig
  // The latest callbacks, so changing them does not make a new store (and a new session).
  const latest = useRef(options)
  latest.current = options
  const { baseUrl } = options

  // Creating a store is free of side effects, so StrictMode's double call costs nothing.
  const store = useMemo(
    () =>
      createSessionStore({
        ...latest.current,
        signMessage: ({ message, address }) => signMessage(config, { message, account: address }),
        onSignIn: (session) => latest.current.onSignIn?.(session),
        onSignOut: () => latest.current.onSignOut?.(),
      }),
    [baseUrl, config],
  )

  const client = useMemo(
    () => createAgoraClient({ baseUrl, tokenSource: store, fetch: options.fetch, publicRoutes: options.publicRoutes, retry: options.retry }),
    [store],
  )

  // Cached authenticated data belongs to the account that fetched it: drop it when that account's session ends.
  // (Keys carry the subject, so the next account never reads it in the meantime.)
  useEffect(() => {
    let subject = store.getSnapshot().session?.address
    return store.subscribe(() => {
      const previous = subject
      subject = store.getSnapshot().session?.address
      if (previous && previous !== subject)
        queryClient.removeQueries({ predicate: ({ queryKey: k }) => k[0] === agoraQueryKey && k[1] === baseUrl && k[4] === previous })
    })
  }, [store, queryClient, baseUrl])

  useEffect(() => {
    const sync = (connection: GetConnectionReturnType) => {
      if (connection.status === 'connected')
        store.setAccount({ address: connection.address, chainId: connection.chainId })
      else if (connection.status === 'disconnected') store.setAccount(null)
      // 'connecting' and 'reconnecting' decide nothing: the account is not known yet.
    }
    // wagmi's own listener runs synchronously with the account change, before any React render, so no request
    // can pick up account A's token once the wallet says B.
    const unwatch = watchConnection(config, { onChange: sync })
    const initial = getConnection(config)
    // At mount, "disconnected" may only mean wagmi has not begun reconnecting (SSR configs start it a tick later).
    let timer: ReturnType<typeof setTimeout> | undefined
    if (initial.status === 'disconnected') timer = setTimeout(() => sync(getConnection(config)))
    else sync(initial)
    return () => {
      unwatch()
      clearTimeout(timer)
    }
  }, [config, store])

  const value = useMemo(() => ({ store, client, baseUrl }), [store, client, baseUrl])
  return <AgoraAuthContext.Provider value={value}>{children}</AgoraAuthContext.Provider>
}
