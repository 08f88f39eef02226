// Serves test/e2e/app with the demo's local Agora servers on 127.0.0.1, and launches Debian's Chromium.
import react from '@vitejs/plugin-react'
import { chromium as playwright } from 'playwright'
import { createServer } from 'vite'
import { demoServers } from '../../.storybook/demoServers.js'
import { chromiumLaunchOptions } from '../setup/chromium.js'

export async function serveApp() {
  const vite = await createServer({
    configFile: false,
    root: new URL('./app', import.meta.url).pathname,
    plugins: [react(), demoServers()],
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    optimizeDeps: { include: ['react', 'react-dom/client', 'wagmi', 'viem', 'viem/chains', 'viem/accounts', '@tanstack/react-query'] },
    logLevel: 'silent',
  })
  await vite.listen()
  const address = vite.httpServer!.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`
  const browser = await playwright.launch(chromiumLaunchOptions)
  return {
    url,
    browser,
    async close() {
      await browser.close()
      await vite.close()
    },
  }
}
