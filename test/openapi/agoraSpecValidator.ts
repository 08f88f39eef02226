// Validates real responses against spec/agora-v1.yaml with ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
import { readFileSync } from 'node:fs'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import formats from 'ajv-formats'
import { parse } from 'yaml'
import { specPath } from '../../scripts/generateOpenApiTypes.js'

type Json = Record<string, unknown>
type MediaType = { schema?: unknown }
type ResponseObject = { content?: Record<string, MediaType>; $ref?: string }
type OperationObject = {
  operationId: string
  requestBody?: { content: Record<string, MediaType> }
  responses: Record<string, ResponseObject>
  'x-agora-local-server'?: boolean
}

export type AgoraSpec = { paths: Record<string, Record<string, unknown>>; components: { schemas: Json; responses: Record<string, ResponseObject> } }

export const loadAgoraSpec = (): AgoraSpec => parse(readFileSync(specPath, 'utf8')) as AgoraSpec

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** Every operation of the document: `'GET proposals/{proposalId}'` → the operation object. */
export function listOperations(spec: AgoraSpec): Map<string, OperationObject> {
  const operations = new Map<string, OperationObject>()
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as OperationObject | undefined
      if (operation) operations.set(`${method.toUpperCase()} ${path.slice(1)}`, operation)
    }
  }
  return operations
}

const resolveResponse = (spec: AgoraSpec, response: ResponseObject): ResponseObject =>
  response.$ref ? spec.components.responses[response.$ref.replace('#/components/responses/', '')]! : response

export type CheckedResponse = { operation: string; status: number; body: unknown }

/**
 * A checker for one document: `check('GET proposals/{proposalId}', response)` fails (throws, listing ajv's
 * errors) when the status is undocumented, the Content-Type is not the documented one, or the body does not
 * match the schema; it returns the parsed body.
 */
export function createAgoraSpecValidator(spec: AgoraSpec = loadAgoraSpec()) {
  const operations = listOperations(spec)
  const schemas: Json = {}
  // One root schema holds the components and every response body, so `$ref`s resolve within one document.
  const bodies = new Map<string, string>()
  for (const [key, operation] of operations) {
    for (const [status, declared] of Object.entries(operation.responses)) {
      for (const [mediaType, media] of Object.entries(resolveResponse(spec, declared).content ?? {})) {
        const name = `${operation.operationId}_${status}_${mediaType.replace(/[^a-z]/g, '')}`
        schemas[name] = media.schema ?? {}
        bodies.set(`${key} ${status} ${mediaType}`, name)
      }
    }
  }
  for (const [key, operation] of operations) {
    const requestSchema = operation.requestBody?.content['application/json']?.schema
    if (requestSchema) {
      schemas[`${operation.operationId}_request`] = requestSchema
      bodies.set(`${key} request`, `${operation.operationId}_request`)
    }
  }
  const root = JSON.parse(JSON.stringify({ $id: 'agora-v1', $defs: { ...spec.components.schemas, ...schemas } }).replaceAll('#/components/schemas/', '#/$defs/'))
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true })
  // ajv-formats is CommonJS: under NodeNext its default export is the module, whose `default` is the plugin.
  formats.default(ajv)
  ajv.addKeyword('x-agora-departure')
  ajv.addSchema(root)
  const validators = new Map<string, ValidateFunction>()
  const validatorFor = (name: string) => {
    const cached = validators.get(name)
    if (cached) return cached
    const compiled = ajv.getSchema(`agora-v1#/$defs/${name}`)
    if (!compiled) throw new Error(`no schema ${name}`)
    validators.set(name, compiled)
    return compiled
  }

  /** Checks a parsed body against the documented schema of `operation` / `status` / `mediaType`. */
  function checkBody(operation: string, status: number, mediaType: string, body: unknown): void {
    const name = bodies.get(`${operation} ${status} ${mediaType}`)
    if (!name) throw new Error(`${operation} documents no ${mediaType} body for ${status}`)
    const validate = validatorFor(name)
    if (!validate(body)) throw new Error(`${operation} ${status} does not match the document:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`)
  }

  /** Whether the document accepts `body` as the JSON request body of `operation`. */
  function acceptsRequestBody(operation: string, body: unknown): boolean {
    const name = bodies.get(`${operation} request`)
    if (!name) throw new Error(`${operation} documents no JSON request body`)
    // No schema here is `$async`, so the validator answers synchronously.
    return validatorFor(name)(body) === true
  }

  async function check(operation: string, response: Response): Promise<CheckedResponse> {
    const declared = operations.get(operation)?.responses[String(response.status)]
    const text = await response.text()
    if (!declared) throw new Error(`${operation} answered ${response.status}, which the document does not list: ${text.slice(0, 200)}`)
    const content = resolveResponse(spec, declared).content
    // A response documented without content (401: plain text under a JSON content type) has no body schema.
    if (!content) return { operation, status: response.status, body: text }
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim()
    if (!content[mediaType]) throw new Error(`${operation} ${response.status} is ${mediaType}, documented: ${Object.keys(content).join(', ')}`)
    const body: unknown = mediaType === 'application/json' ? JSON.parse(text) : text
    checkBody(operation, response.status, mediaType, body)
    return { operation, status: response.status, body }
  }

  return { acceptsRequestBody, check, checkBody, operations }
}
