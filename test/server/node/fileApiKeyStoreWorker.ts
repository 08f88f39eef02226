// A child process for createFileApiKeyStore.test.ts: `tsx fileApiKeyStoreWorker.ts FILE add|revoke HASH…` adds
// (enabled) or revokes each hash in turn through its own store, as concurrent CLI runs do, then exits 0.
import { createFileApiKeyStore } from '../../../src/server/node/createFileApiKeyStore.js'

const [path, command, ...hashes] = process.argv.slice(2)
const store = createFileApiKeyStore(path!)
const record = { email: 'worker@example.org', address: '0x0000000000000000000000000000000000000001', chainId: 10, description: 'worker', enabled: true, createdAt: new Date(0).toISOString() }
for (const hash of hashes) {
  if (command === 'add') await store.put(hash, record)
  else if (!(await store.setEnabled(hash, false))) throw new Error(`no key ${hash}`)
}
