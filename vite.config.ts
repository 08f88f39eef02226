import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/** Everything a consumer already has (peers), jose (a dependency they install) and Node built-ins stay out of the bundle. */
const external = (id: string) => /^(react|react-dom|wagmi|viem|@tanstack\/react-query|jose)(\/|$)|^node:/.test(id)

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: true,
    emptyOutDir: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        core: 'src/core.ts',
        server: 'src/server.ts',
        serverNode: 'src/serverNode.ts',
        testing: 'src/testing.ts',
        'server/cli': 'src/server/cli.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        // React modules keep their own 'use client' directive (preserved per module); the CLI needs a shebang.
        banner: (chunk) => (chunk.facadeModuleId?.endsWith('cli.ts') ? '#!/usr/bin/env node' : ''),
      },
    },
  },
})
