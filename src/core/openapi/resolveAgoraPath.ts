/**
 * Path parameters by name, as a typed call passes them.
 * @example const parameters: ResolveAgoraPathParameters = { roundId: 5, addressOrEnsName: '0xAbc…' }
 */
export type ResolveAgoraPathParameters = Readonly<Record<string, string | number | bigint>>

/**
 * Fills a documented path template with its (URI-encoded) parameters; a missing one is a caller mistake,
 * thrown as `TypeError` before any request.
 * @example resolveAgoraPath('proposals/{proposalId}/votes', { proposalId: '42' }) // 'proposals/42/votes'
 */
export function resolveAgoraPath(template: string, parameters: ResolveAgoraPathParameters = {}): string {
  return template.replace(/\{([^{}]+)\}/g, (_placeholder, name: string) => {
    const value = Object.hasOwn(parameters, name) ? parameters[name] : undefined
    const isMissing = value === undefined || value === ''
    if (isMissing) throw new TypeError(`The path '${template}' needs a '${name}' parameter.`)
    return encodeURIComponent(String(value))
  })
}
