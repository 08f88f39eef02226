import type { Hex } from 'viem'

/**
 * Well-known development keys (Anvil's first three; never hold value with them) and the roles the local Agora
 * server gives them through `demoRoles`, so tests and demos can sign in as a reader, a badgeholder or a citizen.
 * @example createAgoraServer({ demoRoles: demoRolesFor(DEMO_ACCOUNTS) })
 */
export const DEMO_ACCOUNTS = {
  reader: {
    privateKey: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
    address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    roles: [],
  },
  badgeholder: {
    privateKey: '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
    address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    roles: ['badgeholder', 'category:governance_infra_and_tooling'],
  },
  citizen: {
    privateKey: '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
    address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
    roles: ['citizen'],
  },
} as const satisfies Record<string, { privateKey: Hex; address: Hex; roles: readonly string[] }>

/** The `demoRoles` option of `createAgoraServer` for a set of demo accounts. */
export function demoRolesFor(
  accounts: Record<string, { address: string; roles: readonly string[] }> = DEMO_ACCOUNTS,
): Record<string, readonly string[]> {
  return Object.fromEntries(Object.values(accounts).map(({ address, roles }) => [address, roles]))
}
