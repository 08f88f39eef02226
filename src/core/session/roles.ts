/**
 * The role strings the Agora server puts in a token's `scope`.
 * @example hasRole(session.roles, ROLES.badgeholder)
 */
export const ROLES = {
  readerPublic: 'reader:public',
  badgeholder: 'badgeholder',
  citizen: 'citizen',
  rfDemoUser: 'rf-demo-user',
  categoryGovernanceInfraAndTooling: 'category:governance_infra_and_tooling',
  categoryGovernanceAnalytics: 'category:governance_analytics',
  categoryGovernanceLeadership: 'category:governance_leadership',
} as const
