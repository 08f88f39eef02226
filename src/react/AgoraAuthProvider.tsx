'use client'
import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useEffect, useRef } from 'react'
import { type Config, useConfig } from 'wagmi'
import { signMessage } from 'wagmi/actions'
import { watchSessionCookie } from '../core/cookie/watchSessionCookie.js'
import { createAgoraClient, type CreateAgoraClientParameters } from '../core/http/createAgoraClient.js'
import { createSessionStore, type CreateSessionStoreParameters } from '../core/store/createSessionStore.js'
import { watchWagmiAccount } from '../core/wagmi/watchWagmiAccount.js'
import { AgoraAuthContext, type AgoraAuthContextValue } from './context.js'
import { useOwnedValue } from './useOwnedValue.js'
import { watchQuerySubjects } from './watchQuerySubjects.js'

export type AgoraAuthProviderProps = Omit<CreateSessionStoreParameters, 'signMessage' | 'account'> & {
  children?: ReactNode
  /** The wagmi config to connect and sign with; defaults to the one from the surrounding `WagmiProvider`. */
  config?: Config
  /** Routes below `baseUrl` that never get the token; default the Agora API's public routes. */
  publicRoutes?: CreateAgoraClientParameters['publicRoutes']
  /** How the data hooks retry a 429; default 2 retries honouring `Retry-After`. */
  retry?: CreateAgoraClientParameters['retry']
  /**
   * Mirrors the session into a cookie (the raw JWT; `Path=/`, `SameSite=Lax`, `Secure` on https, expiring with the
   * token) so that a server render can verify it and render signed in; `{ name }` renames it from `agora_session`.
   * Default `false`: the cookie carries the token to every request to the page's own origin.
   */
  sessionCookie?: boolean | { name?: string }
}

type Options = Omit<AgoraAuthProviderProps, 'children' | 'config' | 'sessionCookie'>

// A store and its client, made from the options of the render that creates them (later changes of options other
// than `baseUrl` and `config` are not applied; the latest callbacks always are, through `latest`).
const createValue = (config: Config, options: Options, latest: { current: Options }): AgoraAuthContextValue => {
  const store = createSessionStore({
    ...options,
    signMessage: ({ message, address }) => signMessage(config, { message, account: address }),
    onSignIn: (session) => latest.current.onSignIn?.(session),
    onSignOut: () => latest.current.onSignOut?.(),
  })
  return { store, client: createAgoraClient({ ...options, tokenSource: store }), config }
}

/**
 * Signs in with Ethereum through a wagmi config and keeps the Agora session; put it inside `WagmiProvider` (or
 * give it `config`) and `QueryClientProvider`. Renders the same on the server and in the first client render.
 * @example <AgoraAuthProvider baseUrl="https://vote.optimism.io/api/v1"><App /></AgoraAuthProvider>
 */
export function AgoraAuthProvider({ children, config: configProp, sessionCookie, ...options }: AgoraAuthProviderProps) {
  const config = useConfig({ config: configProp })
  const queryClient = useQueryClient()
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })
  const value = useOwnedValue(
    () => createValue(config, options, latest),
    ({ store }) => store.destroy(),
    [options.baseUrl, config],
  )
  const writesCookie = !!sessionCookie
  const cookieName = typeof sessionCookie === 'object' ? sessionCookie.name : undefined

  useEffect(() => {
    const { store, client } = value
    const unwatchQueries = watchQuerySubjects(store, client.baseUrl, queryClient)
    // Before the wallet binding, so that the restore the binding may cause is written too.
    const unwatchCookie = writesCookie ? watchSessionCookie(store, { name: cookieName }) : undefined
    const unwatchWallet = watchWagmiAccount(value.config, { store })
    return () => {
      unwatchWallet()
      unwatchCookie?.()
      unwatchQueries()
    }
  }, [value, queryClient, writesCookie, cookieName])

  return <AgoraAuthContext.Provider value={value}>{children}</AgoraAuthContext.Provider>
}
