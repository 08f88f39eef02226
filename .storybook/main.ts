import type { StorybookConfig } from '@storybook/react-vite'
import { demoChain } from './demoChain.js'
import { demoServers } from './demoServers.js'

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(vite) {
    vite.plugins = [...(vite.plugins ?? []), demoServers(), demoChain()]
    return vite
  },
}

export default config
