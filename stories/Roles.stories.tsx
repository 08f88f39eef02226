import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import { RequireRole } from '../src/react/components/RequireRole.js'
import { SignedIn, SignedOut } from '../src/react/components/SignedIn.js'
import { SignInButton } from '../src/react/components/SignInButton.js'

/** Content for every role the Agora server issues, as a badgeholder sees it. */
function RoleGates() {
  return (
    <main>
      <SignInButton />
      <SignedOut loading={<p>Checking for a session…</p>}>
        <p>Signed out: nothing gated is shown.</p>
      </SignedOut>
      <SignedIn>
        <RequireRole role="reader:public" fallback={<p>No reader role.</p>}>
          <p>Public reader content.</p>
        </RequireRole>
        <RequireRole role="badgeholder" fallback={<p>Badgeholders only.</p>}>
          <p>Badgeholder ballot.</p>
        </RequireRole>
        <RequireRole role="citizen" fallback={<p>Citizens only.</p>}>
          <p>Citizen house.</p>
        </RequireRole>
        <RequireRole role="category:*" fallback={<p>No category.</p>}>
          <p>Category reviewer tools.</p>
        </RequireRole>
        <RequireRole role={['badgeholder', 'citizen']} mode="all" fallback={<p>Not both badgeholder and citizen.</p>}>
          <p>Both houses.</p>
        </RequireRole>
      </SignedIn>
    </main>
  )
}

const meta = { title: 'Role-gated content', component: RoleGates } satisfies Meta<typeof RoleGates>
export default meta
type Story = StoryObj<typeof meta>

export const AsBadgeholder: Story = {
  parameters: { agora: { account: 'badgeholder' } },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('Signed out: nothing gated is shown.')).toBeVisible()
    expect(canvas.queryByText('Badgeholder ballot.')).toBeNull()
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign in with Ethereum' }))
    for (const shown of ['Public reader content.', 'Badgeholder ballot.', 'Citizens only.', 'Category reviewer tools.', 'Not both badgeholder and citizen.'])
      await expect(await canvas.findByText(shown)).toBeVisible()
    expect(canvas.queryByText('Citizen house.')).toBeNull()
    expect(canvas.queryByText('Signed out: nothing gated is shown.')).toBeNull()
  },
}

export const AsCitizen: Story = {
  parameters: { agora: { account: 'citizen' } },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign in with Ethereum' }))
    for (const shown of ['Public reader content.', 'Badgeholders only.', 'Citizen house.', 'No category.'])
      await expect(await canvas.findByText(shown)).toBeVisible()
  },
}
