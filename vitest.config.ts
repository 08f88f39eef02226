import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { agoraServerCommands } from './test/setup/agoraServerCommands.js'

/** Debian's Chromium: browsers cannot be downloaded on these machines (see shared/toolchain.md). */
export const chromium = playwright({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
})

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/react/**'],
        },
      },
      {
        plugins: [react()],
        optimizeDeps: {
          include: ['react', 'react-dom', 'react-dom/client', 'react-dom/server', 'wagmi/chains', 'react/jsx-dev-runtime', '@testing-library/react', 'wagmi', 'wagmi/actions', 'viem', 'viem/accounts', 'viem/siwe', 'viem/chains', '@tanstack/react-query', 'jose'],
        },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}', 'test/react/**/*.test.{ts,tsx}'],
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [{ browser: 'chromium' }],
            commands: agoraServerCommands,
          },
        },
      },
    ],
  },
})
