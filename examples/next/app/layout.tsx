import 'agora-auth/styles.css'
import { SignInButton } from 'agora-auth'
import type { Metadata } from 'next'
import { type ReactNode, Suspense } from 'react'
import './globals.css'
import { Providers } from './providers'
import { readSession } from './session'

export const metadata: Metadata = {
  title: 'agora-auth × Next.js',
  description: 'Sign in with Ethereum against an Agora API, with the session on the server.',
}

async function SessionProviders({ children }: { children: ReactNode }) {
  const session = await readSession()
  return <Providers initialSession={session?.token}>{children}</Providers>
}

export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <html lang="en">
      <body>
        {/* The session comes from this request's cookie, so what is below is rendered per request. The fallback is
            the static shell, prerendered by `next build`: the provider must render there with no clock or storage. */}
        <Suspense
          fallback={
            <Providers initialSession={undefined}>
              <SignInButton />
            </Providers>
          }
        >
          <SessionProviders>{children}</SessionProviders>
        </Suspense>
      </body>
    </html>
  )
}
