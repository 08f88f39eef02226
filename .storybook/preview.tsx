import type { Preview } from '@storybook/react-vite'
import { type Demo, type DemoParameters, DemoProviders, makeDemo } from '../stories/demo.js'
import '../src/styles.css'
import '../stories/demo.css'

const preview: Preview = {
  // A fresh wallet, wagmi config and query cache per story; play functions reach the wallet through `loaded`.
  loaders: [async ({ parameters }) => ({ demo: makeDemo(parameters.agora as DemoParameters | undefined) })],
  decorators: [
    (Story, { loaded, parameters }) => (
      <DemoProviders demo={loaded.demo as Demo} provider={(parameters.agora as DemoParameters | undefined)?.provider}>
        <Story />
      </DemoProviders>
    ),
  ],
}

export default preview
