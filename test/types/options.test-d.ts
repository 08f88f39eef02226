// The option mistakes the runtime no longer checks, because the types already refuse them (as viem and wagmi do):
// each `@ts-expect-error` below fails this project if the option's type ever lets the mistake through. Values the
// types cannot see (siwe.expirationTime 900, a two-line statement, a negative clockSkew, chain 0) stay runtime
// TypeErrors, tested beside their checks (test/core/siwe, test/core/store).
import { test } from 'vitest'
import { createAgoraSiweMessage, createSessionStore, signInWithSiwe, type SignMessageFn } from '../../src/core.js'
import type { AgoraAuthProviderProps } from '../../src/index.js'

declare const signMessage: SignMessageFn
const baseUrl = 'https://vote.example/api/v1'
const address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

// Never called: only compiled.
export async function mistakes() {
  // @ts-expect-error an unknown storage
  createSessionStore({ baseUrl, signMessage, storage: 'indexeddb' })
  // @ts-expect-error an unknown accountChangePolicy
  createSessionStore({ baseUrl, signMessage, accountChangePolicy: 'keep' })
  // @ts-expect-error an unknown chainChangePolicy
  createSessionStore({ baseUrl, signMessage, chainChangePolicy: 'ask' })
  // @ts-expect-error a clockSkew that is no number
  createSessionStore({ baseUrl, signMessage, clockSkew: '30s' })
  // @ts-expect-error a signMessage that is no function
  createSessionStore({ baseUrl, signMessage: 'sign' })
  // @ts-expect-error no baseUrl
  createSessionStore({ signMessage })
  // @ts-expect-error siwe.resources that are no list
  createSessionStore({ baseUrl, signMessage, siwe: { resources: 'https://vote.example/tos' } })
  // @ts-expect-error siwe.resources that are not all strings
  createSessionStore({ baseUrl, signMessage, siwe: { resources: ['https://vote.example/tos', 1] } })
  // @ts-expect-error a siwe.statement that is no string
  createSessionStore({ baseUrl, signMessage, siwe: { statement: 42 } })
  // @ts-expect-error a siwe.expirationTime as text
  createSessionStore({ baseUrl, signMessage, siwe: { expirationTime: '600' } })
  // @ts-expect-error a siwe.uri that is no string
  createSessionStore({ baseUrl, signMessage, siwe: { uri: new URL(baseUrl) } })
  // @ts-expect-error siwe options that are no object
  createSessionStore({ baseUrl, signMessage, siwe: 'expirationTime=600' })
  // @ts-expect-error the provider takes the same options: an unknown storage
  const props: AgoraAuthProviderProps = { baseUrl, storage: 'cookie' }
  // @ts-expect-error a signMessage that is no function
  await signInWithSiwe({ baseUrl, address, chainId: 10, signMessage: 'sign' })
  // @ts-expect-error a statement that is no string
  createAgoraSiweMessage({ baseUrl, address, chainId: 10, nonce: 'abcdefgh', statement: 42 })
  return props
}

test('the option mistakes the types refuse do not compile', () => {})
