import { getAddress } from 'viem'

// Deterministic demo data: a seeded PRNG (mulberry32), never Math.random, so every run and every
// instance serves the same proposals, delegates and votes.

export type DemoDelegate = {
  address: string
  votingPower: { total: string; direct: string; advanced: string }
  statement: string | null
  participation: number
}
export type DemoProposal = {
  id: string
  proposer: string
  snapshotBlockNumber: number
  createdTime: string
  startTime: string
  endTime: string
  cancelledTime: string | null
  executedTime: string | null
  markdowntitle: string
  description: string
  quorum: string
  approvalThreshold: string | null
  proposalType: 'STANDARD' | 'APPROVAL' | 'OPTIMISTIC'
  status: 'ACTIVE' | 'PENDING' | 'SUCCEEDED' | 'DEFEATED' | 'EXECUTED' | 'CANCELLED' | 'QUEUED'
  proposalResults: { for: string; against: string; abstain: string }
  createdTransactionHash: string
}
export type DemoVote = {
  transactionHash: string
  address: string
  proposalId: string
  support: 'FOR' | 'AGAINST' | 'ABSTAIN'
  weight: string
  reason: string | null
  params: null
  proposalValue: string
  proposalTitle: string
  proposalType: DemoProposal['proposalType']
  blockNumber: number
  timestamp: string
}
export type DemoData = {
  proposals: DemoProposal[]
  votes: Map<string, DemoVote[]>
  delegates: DemoDelegate[]
  ens: Map<string, string>
  votableSupply: string
  totalSupply: string
  circulatingSupply: string
}

const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let mixed = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed
  return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
}

const TOPICS = ['Treasury', 'Grants', 'Security Council', 'Upgrade', 'Retro Funding', 'Delegation', 'Fee Switch', 'Bridge', 'Sequencer', 'Governance Fund']
const ACTIONS = ['Ratify', 'Amend', 'Fund', 'Renew', 'Sunset', 'Elect', 'Approve', 'Extend']
const REASONS = [null, null, 'Aligned with the Collective.', 'Needs more detail on the budget.', 'Good for users.', 'I abstain: conflict of interest.', 'Strong team, clear milestones.']
const STATUSES: DemoProposal['status'][] = ['SUCCEEDED', 'DEFEATED', 'EXECUTED', 'CANCELLED', 'QUEUED']
const TYPES: DemoProposal['proposalType'][] = ['STANDARD', 'STANDARD', 'APPROVAL', 'OPTIMISTIC']
// A fixed epoch keeps the data identical whatever day the server starts.
const EPOCH = Date.UTC(2026, 0, 1)
const DAY = 86_400_000

let cached: DemoData | undefined

/** The demo data set, built once from seed 4361. */
export function getDemoData(): DemoData {
  if (cached) return cached
  const random = mulberry32(4361)
  const int = (n: number) => Math.floor(random() * n)
  const hex = (bytes: number) => {
    let out = ''
    for (let byteIndex = 0; byteIndex < bytes; byteIndex++) out += int(256).toString(16).padStart(2, '0')
    return out
  }
  const wei = (maxTokens: number) => (BigInt(int(maxTokens)) * 10n ** 18n + BigInt(int(1e9)) * 10n ** 9n).toString()

  const delegates: DemoDelegate[] = Array.from({ length: 150 }, (_, i) => {
    const direct = BigInt(wei(5_000_000 / (1 + i / 5)))
    const advanced = i % 4 === 0 ? BigInt(wei(200_000)) : 0n
    return {
      address: getAddress(`0x${hex(20)}`),
      votingPower: { total: (direct + advanced).toString(), direct: direct.toString(), advanced: advanced.toString() },
      statement: i % 3 === 2 ? null : `Delegate #${i + 1}: I vote for ${TOPICS[i % TOPICS.length]!.toLowerCase()} proposals that ship.`,
      participation: Math.round(random() * 1000) / 10,
    }
  }).sort((a, b) => (BigInt(b.votingPower.total) > BigInt(a.votingPower.total) ? 1 : -1))
  const ens = new Map(delegates.slice(0, 5).map((d, i) => [`delegate${i + 1}.eth`, d.address] as const))

  const proposals: DemoProposal[] = []
  const votes = new Map<string, DemoVote[]>()
  for (let proposalIndex = 0; proposalIndex < 87; proposalIndex++) {
    const created = EPOCH + proposalIndex * 3 * DAY + int(DAY)
    const status: DemoProposal['status'] = proposalIndex >= 84 ? 'PENDING' : proposalIndex >= 78 ? 'ACTIVE' : STATUSES[int(STATUSES.length)]!
    const proposalType = TYPES[int(TYPES.length)]!
    const title = `${ACTIONS[int(ACTIONS.length)]} ${TOPICS[int(TOPICS.length)]} proposal ${proposalIndex + 1}`
    const id = BigInt(`0x${hex(31)}`).toString()
    const proposal: DemoProposal = {
      id,
      proposer: delegates[int(20)]!.address,
      snapshotBlockNumber: 120_000_000 + proposalIndex * 130_000,
      createdTime: new Date(created).toISOString(),
      startTime: new Date(created + DAY).toISOString(),
      endTime: new Date(created + 7 * DAY).toISOString(),
      cancelledTime: status === 'CANCELLED' ? new Date(created + 2 * DAY).toISOString() : null,
      executedTime: status === 'EXECUTED' ? new Date(created + 9 * DAY).toISOString() : null,
      markdowntitle: title,
      description: `# ${title}\n\nThis is demo proposal ${proposalIndex + 1} of the local Agora server.`,
      quorum: wei(30_000_000),
      approvalThreshold: proposalType === 'APPROVAL' ? wei(10_000_000) : null,
      proposalType,
      status,
      proposalResults: { for: '0', against: '0', abstain: '0' },
      createdTransactionHash: `0x${hex(32)}`,
    }
    const list: DemoVote[] = []
    const totals = { FOR: 0n, AGAINST: 0n, ABSTAIN: 0n }
    const voters = status === 'PENDING' ? 0 : 5 + int(55)
    for (let voterIndex = 0; voterIndex < voters; voterIndex++) {
      const support = (['FOR', 'FOR', 'AGAINST', 'ABSTAIN'] as const)[int(4)]!
      const weight = wei(2_000_000)
      totals[support] += BigInt(weight)
      list.push({
        transactionHash: `0x${hex(32)}`,
        address: delegates[(proposalIndex * 7 + voterIndex) % delegates.length]!.address,
        proposalId: id,
        support,
        weight,
        reason: REASONS[int(REASONS.length)]!,
        params: null,
        proposalValue: '0',
        proposalTitle: title,
        proposalType,
        blockNumber: proposal.snapshotBlockNumber + 10_000 + voterIndex * 37 + int(30),
        timestamp: new Date(created + DAY + voterIndex * 3_600_000).toISOString(),
      })
    }
    proposal.proposalResults = { for: totals.FOR.toString(), against: totals.AGAINST.toString(), abstain: totals.ABSTAIN.toString() }
    proposals.push(proposal)
    votes.set(id, list)
  }
  proposals.reverse() // newest first, as Agora lists them
  const votableSupply = delegates.reduce((sum, d) => sum + BigInt(d.votingPower.total), 0n)
  cached = {
    proposals,
    votes,
    delegates,
    ens,
    votableSupply: votableSupply.toString(),
    totalSupply: (4_294_967_296n * 10n ** 18n).toString(),
    circulatingSupply: (1_800_000_000n * 10n ** 18n + BigInt(wei(1000))).toString(),
  }
  return cached
}
