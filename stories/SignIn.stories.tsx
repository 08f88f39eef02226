import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { DEMO_ACCOUNTS } from '../src/testing/demoAccounts.js'
import type { Demo } from './demo.js'
import { DemoApp } from './DemoApp.js'

const meta = { title: 'Sign-in', component: DemoApp } satisfies Meta<typeof DemoApp>
export default meta
type Story = StoryObj<typeof meta>

const signInButton = (canvas: ReturnType<typeof within>, name = 'Sign in with Ethereum') =>
  canvas.findByRole('button', { name })

export const SignedOut: Story = {
  parameters: { agora: { wallet: { authorized: false } } },
  play: async ({ canvasElement, userEvent, loaded }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('Sign in to read proposals and your ballot.')).toBeVisible()
    await expect(canvas.getByTestId('status')).toHaveTextContent('unauthenticated')
    expect(canvas.queryByRole('region', { name: 'Proposals' })).toBeNull()
    // No wallet connected yet: the button connects first, then asks for the signature.
    await userEvent.click(await signInButton(canvas))
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('authenticated'))
    await expect((loaded.demo as Demo).wallet.signatureCount).toBe(1)
  },
}

export const WaitingForSignature: Story = {
  parameters: { agora: { wallet: { signDelayMs: 60_000 } } },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await signInButton(canvas))
    const button = await signInButton(canvas, 'Check your wallet…')
    await expect(button).toBeDisabled()
    await expect(button).toHaveAttribute('aria-busy', 'true')
    await expect(canvas.getByTestId('status')).toHaveTextContent('authenticating')
  },
}

export const Rejected: Story = {
  parameters: { agora: { wallet: { rejectSignatures: true } } },
  play: async ({ canvasElement, userEvent, loaded }) => {
    const canvas = within(canvasElement)
    const { wallet } = loaded.demo as Demo
    await userEvent.click(await signInButton(canvas))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The signature was rejected.')
    await expect(canvas.getByTestId('status')).toHaveTextContent('unauthenticated')
    // The retry is the user's choice: accept this time.
    wallet.reject(false)
    await userEvent.click(await signInButton(canvas, 'Try again'))
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('authenticated'))
    await expect(wallet.signatureCount).toBe(2)
  },
}

const signedInAs = (account: keyof typeof DEMO_ACCOUNTS, roles: string[]): Story => ({
  parameters: { agora: { account } },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await signInButton(canvas))
    const badge = await canvas.findByRole('region', { name: 'Session' })
    const shown = within(within(badge).getByRole('list', { name: 'Roles' })).getAllByRole('listitem').map((li) => li.textContent)
    await expect(shown).toEqual(roles)
    await expect(badge).toHaveTextContent(/expires in 23 h 5\d min/)
    await expect(await canvas.findByRole('region', { name: 'Proposals' })).toBeVisible()
    await waitFor(() => expect(within(canvas.getByRole('region', { name: 'Proposals' })).getAllByRole('listitem')).toHaveLength(3))
  },
})

export const SignedInAsReader = signedInAs('reader', ['reader:public', 'rf-demo-user'])
export const SignedInAsBadgeholder = signedInAs('badgeholder', [
  'reader:public',
  'rf-demo-user',
  'badgeholder',
  'category:governance_infra_and_tooling',
])
export const SignedInAsCitizen = signedInAs('citizen', ['reader:public', 'rf-demo-user', 'citizen'])
