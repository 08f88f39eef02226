// agora-auth — the React entry: provider, hooks, components; re-exports the core for one-import use.
export * from './core.js'
