/** Debian's Chromium, as every browser test here launches it: browsers cannot be downloaded on these machines
 * (see shared/toolchain.md), and without the background-networking flags Chromium dials out at every start. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
