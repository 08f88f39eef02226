// Regenerates docs/demo.png, the README's picture of the demo: the demo dApp signed in as a badgeholder, driven
// in Chromium like a user would (click, wallet signs locally, data loads). Run: npm run screenshot
import { serveApp } from '../test/e2e/serveApp.js'

const app = await serveApp()
try {
  const page = await app.browser.newPage({ viewport: { width: 900, height: 620 }, deviceScaleFactor: 1 })
  await page.goto(`${app.url}?demo`)
  await page.getByRole('button', { name: 'Sign in with Ethereum' }).click({ timeout: 30_000 })
  await page.getByText(/^Ballot of 0x/).waitFor({ timeout: 15_000 })
  await page.getByRole('region', { name: 'Proposals' }).getByRole('listitem').first().waitFor()
  await page.screenshot({ path: 'docs/demo.png', fullPage: true })
  console.log('wrote docs/demo.png')
} finally {
  await app.close()
}
