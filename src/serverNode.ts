// agora-auth/server/node — the Node-only adapters of the local Agora server (`node:http`, `node:fs`).
// `agora-auth/server` itself stays Web-standard, so it runs on edge runtimes too.
export { agoraServerVitePlugin, type AgoraServerVitePlugin } from './server/node/agoraServerVitePlugin.js'
export { ApiKeyStoreLockedError, createFileApiKeyStore, type CreateFileApiKeyStoreParameters } from './server/node/createFileApiKeyStore.js'
export { listen, type ListenParameters, type ListenReturnType } from './server/node/listen.js'
export { toNodeHandler, type NodeHandler } from './server/node/toNodeHandler.js'
