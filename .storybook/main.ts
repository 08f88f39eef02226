import type { StorybookConfig } from '@storybook/react-vite'
import { demoServers } from './demoServers.js'

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(vite) {
    vite.plugins = [...(vite.plugins ?? []), demoServers()]
    return vite
  },
}

export default config
