import { DEMO_ACCOUNTS } from '../../testing/demoAccounts.js'

/** Where the CLI keeps API keys when neither `--keys-file` nor `AGORA_API_KEYS_FILE` says otherwise. */
export const DEFAULT_KEYS_FILE = '.agora-auth/api-keys.json'

const demoAccountLines = Object.entries(DEMO_ACCOUNTS)
  .map(([name, { address, roles }]) => `    ${address}  ${name.padEnd(12)} ${roles.length ? roles.join(', ') : '(no extra roles)'}`)
  .join('\n')

/** The CLI's `--help` (internal). */
export const CLI_USAGE = `Usage:
  agora-auth-server start [--port 8787] [--host 127.0.0.1] [--origin URL]... [--keys-file FILE] [--jwt-secret-file FILE]
  agora-auth-server generate-apikey --email E --address 0x… --chain-id N --description D [--keys-file FILE]
  agora-auth-server revoke-apikey <key or sha256> [--keys-file FILE]

start serves the governance API at /api/v1 and the Public API v0 at /v0. It answers only for the hosts it
listens on (--host 127.0.0.1: localhost, 127.0.0.1 and [::1] on any port; 0.0.0.0: this machine's names and
addresses) and for each --origin (https://app.example: that host and port; app.example: any port); any other
Host header gets 403, so a phishing page cannot get a nonce for its own domain.
Every address signs in with reader:public and rf-demo-user; the demo accounts of agora-auth/testing
(DEMO_ACCOUNTS, well-known development keys) also get their demo roles:
${demoAccountLines}

Environment and files:
  AGORA_JWT_SECRET     the HS256 secret of issued JWTs, at least 32 bytes; or --jwt-secret-file FILE (one line).
                       Without either, start makes up a random one and says so: sessions end with the process.
                       (Never on the command line, where other users of the machine can read it.)
  AGORA_API_KEYS_FILE  the API-key file (SHA-256 digests and records, never a key); or --keys-file FILE.
                       Default: ./${DEFAULT_KEYS_FILE}, relative to the current directory.`
