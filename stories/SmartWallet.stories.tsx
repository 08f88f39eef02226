import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import type { LocalAccount } from 'viem'
import type { DemoServerName } from '../.storybook/demoServers.js'
import { localSmartAccount } from '../src/testing/localSmartAccount.js'
import type { SmartWallets } from '../test/chain/deploySmartWallets.js'
import { DEMO_ACCOUNTS } from '../src/testing/demoAccounts.js'
import type { Demo } from './demo.js'
import { DemoApp } from './DemoApp.js'

// The smart wallets live on the demo chain that .storybook/demoChain.ts runs inside Storybook's dev server, with
// the Agora server that checks their signatures there (EIP-1271, EIP-6492, Safe). The badgeholder's key owns them.
const owner = DEMO_ACCOUNTS.badgeholder.privateKey

const meta = {
  title: 'Smart wallet',
  component: DemoApp,
  // The smart-wallet Agora server is mounted by demoChain.ts under /smart, beside the servers of demoServers.ts.
  parameters: { agora: { server: 'smart' as DemoServerName } },
} satisfies Meta<typeof DemoApp>
export default meta
type Story = StoryObj<typeof meta>

/** A story whose local wallet is the contract wallet `pick` chooses, signing in as it; the play checks the session. */
function signInAs(pick: (wallets: SmartWallets) => LocalAccount): Story {
  return {
    beforeEach: async ({ loaded }) => {
      const response = await fetch('/smart/wallets.json')
      // A static build (`build-storybook`) has no dev server, so no chain: say so rather than sign in as an EOA.
      if (!response.ok) throw new Error('The demo chain runs in `npm run storybook` only (a static build has none).')
      const wallets = (await response.json()) as SmartWallets
      const { wallet } = loaded.demo as Demo
      // Before the first render: the page loads with the contract wallet already in the wallet.
      wallet.setAccount(pick(wallets))
    },
    play: async ({ canvasElement, userEvent, loaded }) => {
      const canvas = within(canvasElement)
      const { wallet } = loaded.demo as Demo
      const address = wallet.account.address
      await expect(canvas.getByTestId('wallet-account')).toHaveTextContent(address)
      await userEvent.click(await canvas.findByRole('button', { name: 'Sign in with Ethereum' }))
      // The server asks the chain about the signature: a real round trip through an EVM, on a busy machine.
      await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('authenticated'), { timeout: 30_000 })
      const badge = await canvas.findByRole('region', { name: 'Session' })
      await expect(within(badge).getByTitle(address)).toBeVisible()
      const roles = within(within(badge).getByRole('list', { name: 'Roles' })).getAllByRole('listitem').map((item) => item.textContent)
      await expect(roles).toContain('badgeholder')
      const proposals = await canvas.findByRole('region', { name: 'Proposals' })
      await waitFor(() => expect(within(proposals).getAllByRole('listitem')).toHaveLength(3), { timeout: 30_000 })
      // The role-gated ballot is the contract wallet's own.
      await expect(await canvas.findByText(new RegExp(`^Ballot of ${address}`, 'i'), {}, { timeout: 30_000 })).toBeVisible()
      await expect(wallet.signatureCount).toBe(1)
    },
  }
}

export const SignInWithASmartWallet: Story = {
  name: 'Sign in with a smart wallet',
  ...signInAs((wallets) => localSmartAccount({ owner, address: wallets.deployed })),
}

export const SignInWithAnUndeployedSmartWallet: Story = {
  name: 'Sign in with a smart wallet not deployed yet (EIP-6492)',
  ...signInAs(({ counterfactual: { address, factory, factoryData } }) => localSmartAccount({ owner, address, deployment: { factory, factoryData } })),
}

export const SignInWithASafe: Story = {
  name: 'Sign in with a Safe-style wallet',
  ...signInAs((wallets) => localSmartAccount({ owner, address: wallets.safe, scheme: 'safe', chainId: 10 })),
}
