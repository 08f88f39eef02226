import type { Preview } from '@storybook/react-vite'
import { QueryClientProvider } from '@tanstack/react-query'
import { WagmiProvider } from 'wagmi'
import { AgoraAuthProvider } from '../src/react/AgoraAuthProvider.js'
import { type Demo, DemoContext, type DemoParameters, makeDemo } from '../stories/demo.js'
import '../src/styles.css'

const preview: Preview = {
  loaders: [async ({ parameters }) => ({ demo: makeDemo(parameters.agora as DemoParameters | undefined) })],
  decorators: [
    (Story, { loaded, parameters }) => {
      const demo = loaded.demo as Demo
      const agora = (parameters.agora ?? {}) as DemoParameters
      return (
        <DemoContext.Provider value={demo}>
          <WagmiProvider config={demo.config}>
            <QueryClientProvider client={demo.queryClient}>
              <AgoraAuthProvider baseUrl={demo.baseUrl} {...agora.provider}>
                <Story />
              </AgoraAuthProvider>
            </QueryClientProvider>
          </WagmiProvider>
        </DemoContext.Provider>
      )
    },
  ],
}

export default preview
