/**
 * Strict readers of the JSON request bodies (docs/boomi-api.md, "Operations"): exactly the keys the contract names, of
 * the right types. A real Boomi may be more lenient; the emulator is strict so that a client
 * drifting from the contract is caught here rather than in production.
 */

export interface DeleteRequest {
  groupType: string
  versionId: string
}

export interface VersionChangeRequest {
  classificationType: string
  versionId: string
  releaseNotes: string
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function keysWithin(o: Record<string, unknown>, required: string[], optional: string[] = []): boolean {
  const ks = Object.keys(o)
  return required.every(k => ks.includes(k)) && ks.every(k => required.includes(k) || optional.includes(k))
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** The group type of a query body of exactly the documented shape, else undefined. */
export function parseQuery(text: string): string | undefined {
  const v = parseJson(text)
  if (!isObject(v) || !keysWithin(v, ['QueryFilter'])) return undefined
  const qf = v.QueryFilter
  if (!isObject(qf) || !keysWithin(qf, ['expression'])) return undefined
  const e = qf.expression
  if (!isObject(e) || !keysWithin(e, ['argument', 'operator', 'property'])) return undefined
  if (e.operator !== 'EQUALS' || e.property !== 'GROUP_TYPE') return undefined
  const arg = e.argument
  if (!Array.isArray(arg) || arg.length !== 1 || typeof arg[0] !== 'string' || arg[0] === '') return undefined
  return arg[0]
}

export function parseDelete(text: string): DeleteRequest | undefined {
  const v = parseJson(text)
  if (!isObject(v) || typeof v.groupType !== 'string' || typeof v.versionId !== 'string') return undefined
  return { groupType: v.groupType, versionId: v.versionId }
}

/**
 * `{"classificationType", "versionId", "releaseNotes"}`: no other key. `releaseNotes` may be
 * absent or empty (read as ''): Boomi's page does not mark it required, and a version change
 * without notes is a plausible promotion.
 */
export function parseVersionChange(text: string): VersionChangeRequest | undefined {
  const v = parseJson(text)
  if (!isObject(v) || !keysWithin(v, ['classificationType', 'versionId'], ['releaseNotes'])) return undefined
  const { classificationType, versionId, releaseNotes = '' } = v
  if (typeof classificationType !== 'string' || classificationType === '') return undefined
  if (typeof versionId !== 'string' || versionId === '' || typeof releaseNotes !== 'string') return undefined
  return { classificationType, versionId, releaseNotes }
}
