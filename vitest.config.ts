import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { agoraServerCommands } from './test/setup/agoraServerCommands.js'
import { chromiumLaunchOptions } from './test/setup/chromium.js'
import { gatewayVitePlugin } from './test/server/gateway/gatewayVitePlugin.js'

const chromium = playwright({ launchOptions: chromiumLaunchOptions })

const browserDeps = [
  'react',
  'react-dom',
  'react-dom/client',
  'react-dom/server',
  'react/jsx-dev-runtime',
  '@testing-library/react',
  'wagmi',
  'wagmi/actions',
  'wagmi/chains',
  'viem',
  'viem/accounts',
  'viem/siwe',
  'viem/chains',
  '@tanstack/react-query',
]

// A fresh object per project: Vitest writes the project's name into each instance.
const browser = () => ({ enabled: true, headless: true, provider: chromium, instances: [{ browser: 'chromium' as const }] })

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/react/**', 'test/next/**', 'test/core/cookie/**'],
        },
      },
      {
        plugins: [react()],
        optimizeDeps: { include: browserDeps },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}', 'test/react/**/*.test.{ts,tsx}', 'test/core/cookie/**/*.test.{ts,tsx}'],
          browser: { ...browser(), commands: agoraServerCommands },
        },
      },
      {
        // Gateway mode in Chromium: a React page reading upstream data through a gateway on its own origin.
        plugins: [react(), gatewayVitePlugin()],
        optimizeDeps: { include: browserDeps },
        test: { name: 'gateway', include: ['test/integration/gateway*.test.tsx'], browser: browser() },
      },
      {
        // The type tests (test/types, their own tsconfig so the Register augmentation stays local) under vitest's typecheck.
        test: {
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['test/types/**/*.test-d.ts'], tsconfig: './test/types/tsconfig.json' },
        },
      },
      {
        // examples/next packed, installed, built and started as a user would, driven in Chromium (minutes, not seconds).
        test: { name: 'next', environment: 'node', include: ['test/next/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 900_000 },
      },
      {
        // Every story is a test: rendered in Chromium with its play function, against the demo's local servers.
        plugins: [storybookTest({ configDir: '.storybook' })],
        optimizeDeps: { include: [...browserDeps, 'storybook/test'] },
        test: { name: 'storybook', browser: browser() },
      },
    ],
  },
})
