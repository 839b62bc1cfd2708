// Every 2xx answer from Boomi is checked here against the shapes of SPEC §1
// before anything acts on it. What is not understood becomes an AnswerError:
// the action deletes versions in real accounts, so a surprise must stop it,
// never steer it.
import { AnswerError } from '../errors.js'
import type { ConnectorVersion, ReviewStatus, VersionChange } from '../domain/versions.js'
import { EMPTY_QUERY_MAY_OMIT_RESULT, MAX_VERSION_ID_LENGTH } from './contract.js'

export interface QueryPage {
  /** Boomi's count of the whole query (every page), when it gave one. */
  numberOfResults?: number
  queryToken?: string
  result: ConnectorVersion[]
}

const MAX_TOKEN_LENGTH = 8192
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What a value looks like, for a message: never the value itself (it may be long or hostile). */
function kind(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

export function parseJsonAnswer(text: string, operation: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new AnswerError(operation, 'the answer is not JSON')
  }
}

export function readQueryPage(text: string, operation: string): QueryPage {
  const json = parseJsonAnswer(text, operation)
  if (!isObject(json)) throw new AnswerError(operation, `the answer is ${kind(json)}, not a query result`)
  const numberOfResults = readCount(json.numberOfResults, operation)
  const queryToken = readToken(json.queryToken, operation)
  if (json.result === undefined && EMPTY_QUERY_MAY_OMIT_RESULT && numberOfResults === 0 && !queryToken) {
    return { numberOfResults, result: [] }
  }
  if (!Array.isArray(json.result)) throw new AnswerError(operation, `'result' is ${kind(json.result)}, not a list`)
  return { numberOfResults, queryToken, result: json.result.map(v => readVersion(v, operation)) }
}

function readCount(value: unknown, operation: string): number | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value
  throw new AnswerError(operation, `'numberOfResults' is not a whole number ≥ 0`)
}

function readToken(value: unknown, operation: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string') throw new AnswerError(operation, `'queryToken' is ${kind(value)}, not text`)
  if (value.length > MAX_TOKEN_LENGTH || CONTROL.test(value)) {
    throw new AnswerError(operation, `'queryToken' is longer than ${MAX_TOKEN_LENGTH} characters or holds control characters`)
  }
  return value
}

/** The create answer: a version of the group asked for. */
export function readCreatedVersion(text: string, groupType: string): ConnectorVersion {
  const version = readVersion(parseJsonAnswer(text, 'create'), 'create')
  if (version.groupType !== undefined && version.groupType !== groupType) {
    throw new AnswerError('create', `the new version belongs to another group type than ${JSON.stringify(groupType)}`)
  }
  return version
}

export function readVersion(value: unknown, operation: string): ConnectorVersion {
  if (!isObject(value)) throw new AnswerError(operation, `a version is ${kind(value)}, not an object`)
  const versionId = readVersionId(value.versionId, operation)
  const field = (name: string): string | undefined => readText(value[name], name, versionId, operation)
  const version: ConnectorVersion = {
    versionId,
    groupType: field('groupType'),
    displayVersion: field('displayVersion'),
    changeLog: field('changeLog'),
    uploadedDate: field('uploadedDate'),
    uploadedBy: field('uploadedBy'),
    deleted: readDeleted(value.deleted, versionId, operation),
    deletedDate: field('deletedDate'),
    reviewStatus: readReviewStatus(value.reviewStatus, versionId, operation),
    releaseVersion: readReleaseVersion(value.releaseVersion),
    carLink: field('carLink')
  }
  // Absent fields stay absent, so identical copies compare equal whatever order Boomi wrote them in.
  for (const key of Object.keys(version) as (keyof ConnectorVersion)[]) if (version[key] === undefined) delete version[key]
  return version
}

function readVersionId(value: unknown, operation: string): string {
  let id: string | undefined
  if (typeof value === 'string') id = value
  else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) id = String(value)
  if (id === undefined) throw new AnswerError(operation, `a version's 'versionId' is ${kind(value)}, not text or a whole number`)
  if (!id.trim() || id.length > MAX_VERSION_ID_LENGTH || CONTROL.test(id)) {
    throw new AnswerError(operation, `a version's 'versionId' is empty, longer than ${MAX_VERSION_ID_LENGTH} characters or holds control characters`)
  }
  return id
}

function readText(value: unknown, name: string, versionId: string, operation: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  throw new AnswerError(operation, `'${name}' of version ${JSON.stringify(versionId)} is ${kind(value)}, not text`)
}

/** Strict: only spellings that cannot mean anything else count (see ConnectorVersion.deleted). */
export function readDeleted(value: unknown, versionId: string, operation: string): boolean {
  if (value === undefined || value === null || value === false || value === 0) return false
  if (value === true || value === 1) return true
  if (typeof value === 'string') {
    const word = value.toLowerCase()
    if (word === 'true' || word === '1') return true
    if (word === 'false' || word === '0') return false
  }
  throw new AnswerError(operation, `'deleted' of version ${JSON.stringify(versionId)} is neither true nor false`)
}

/** Tolerant: anything that might mean "release version" protects (see ConnectorVersion.releaseVersion). */
export function readReleaseVersion(value: unknown): boolean | 'unclear' {
  if (value === undefined || value === null || value === false || value === 0) return false
  if (value === true || value === 1) return true
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase()
    if (word === 'true' || word === 'yes' || word === '1') return true
    if (word === 'false' || word === 'no' || word === '0') return false
  }
  return 'unclear'
}

/** Trimmed and upper-cased; unknown statuses are kept so the planner can protect them. */
export function readReviewStatus(value: unknown, versionId: string, operation: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const status = String(value).trim().toUpperCase()
    return status || undefined
  }
  throw new AnswerError(operation, `'reviewStatus' of version ${JSON.stringify(versionId)} is ${kind(value)}, not text`)
}

const REVIEW_STATUSES: ReadonlySet<string> = new Set<ReviewStatus>(['APPROVED', 'PENDING', 'REJECTED', 'CANCELLED'])

/** The version-change answer: one of four review statuses, about the change asked for. */
export function readVersionChange(text: string, classificationType: string, versionId: string): VersionChange {
  const operation = 'version change'
  const json = parseJsonAnswer(text, operation)
  if (!isObject(json)) throw new AnswerError(operation, `the answer is ${kind(json)}, not an object`)
  const status = typeof json.reviewStatus === 'string' ? json.reviewStatus.trim().toUpperCase() : undefined
  if (!status || !REVIEW_STATUSES.has(status)) {
    throw new AnswerError(operation, `'reviewStatus' is not one of APPROVED, PENDING, REJECTED, CANCELLED`)
  }
  const echoedType = json.classificationType
  if (echoedType !== undefined && echoedType !== null && echoedType !== classificationType) {
    throw new AnswerError(operation, `the answer is about another classification than ${JSON.stringify(classificationType)}`)
  }
  const echoedId = json.versionId
  if (echoedId !== undefined && echoedId !== null && String(echoedId) !== versionId) {
    throw new AnswerError(operation, `the answer is about another version than ${JSON.stringify(versionId)}`)
  }
  return { classificationType, versionId, reviewStatus: status as ReviewStatus }
}
