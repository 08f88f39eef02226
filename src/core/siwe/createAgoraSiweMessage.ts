import { type Address, getAddress } from 'viem'
import { createSiweMessage } from 'viem/siwe'
import { resolveBaseUrl } from '../http/resolveBaseUrl.js'
import { assertSiweOptions } from './assertSiweOptions.js'

/** The statement the Agora server insists on, word for word. */
export const AGORA_SIWE_STATEMENT = 'Sign in to Agora with Ethereum'

export type CreateAgoraSiweMessageParameters = {
  /**
   * The Agora API base URL, e.g. `https://vote.optimism.io/api/v1`, or relative to the page (`/api/v1`);
   * `domain` and `uri` default from it.
   */
  baseUrl: string
  address: Address
  chainId: number
  /** From `getNonce`. */
  nonce: string
  /** Default {@link AGORA_SIWE_STATEMENT}. */
  statement?: string
  /** Default the host (with port) of `baseUrl` (the page's host for a relative one): the server checks its own host. */
  domain?: string
  /** Default the origin of `baseUrl`. */
  uri?: string
  /** Seconds the message stays valid, default 600; the server refuses more than 600. */
  expirationTime?: number
  /** Default now. */
  issuedAt?: Date
  notBefore?: Date
  resources?: string[]
  requestId?: string
}

/**
 * Builds the EIP-4361 message the Agora server accepts.
 * @example const message = createAgoraSiweMessage({ baseUrl, address, chainId: 10, nonce })
 */
export function createAgoraSiweMessage(parameters: CreateAgoraSiweMessageParameters): string {
  assertSiweOptions(parameters)
  const { baseUrl, expirationTime: ttl = 600, issuedAt = new Date(), ...rest } = parameters
  const url = resolveBaseUrl(baseUrl)
  // The rest (nonce, chainId, notBefore, resources, requestId) passes through as viem names it.
  return createSiweMessage({
    ...rest,
    address: getAddress(rest.address),
    domain: rest.domain ?? url.host,
    uri: rest.uri ?? url.origin,
    version: '1',
    statement: rest.statement ?? AGORA_SIWE_STATEMENT,
    issuedAt,
    expirationTime: new Date(+issuedAt + ttl * 1000),
  })
}
