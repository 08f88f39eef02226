// The few Next.js APIs the README's Next.js blocks use, declared for test/docs/readme.test.ts: `next` is installed
// only in examples/next (whose real files the `next` test project builds against the real Next), not at the repo
// root. Shapes as in next@16; add a declaration here only when the README starts using another Next API.
declare module 'next/headers' {
  /** This request's cookies (Next's `ReadonlyRequestCookies`, as far as a read goes). */
  export function cookies(): Promise<{
    get(name: string): { name: string; value: string } | undefined
    has(name: string): boolean
  }>
}
