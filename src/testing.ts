// agora-auth/testing — a wagmi connector that signs with a local key, and helpers for tests.
export {}
