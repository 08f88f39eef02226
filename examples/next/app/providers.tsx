'use client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { AgoraAuthProvider } from 'agora-auth'
import { type ReactNode, useState } from 'react'
import { WagmiProvider } from 'wagmi'
import { config } from './wagmi'

export function Providers({ children, initialSession }: { children: ReactNode; initialSession: string | undefined }) {
  const [queryClient] = useState(() => new QueryClient())
  return (
    <WagmiProvider config={config}>
      <QueryClientProvider client={queryClient}>
        {/* sessionCookie: the token also goes to this origin's server, which verifies it (app/session.ts);
            initialSession: the session that server verified, so the first paint is already signed in. */}
        <AgoraAuthProvider baseUrl="/api/v1" sessionCookie initialSession={initialSession}>
          {children}
        </AgoraAuthProvider>
      </QueryClientProvider>
    </WagmiProvider>
  )
}
