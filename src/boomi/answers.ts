// Every 2xx answer from Boomi is checked here before anything acts on it, by one
// rule (docs/boomi-api.md, "Reading answers"): strict where a field decides,
// tolerant where it only describes. A deciding field that cannot mean one thing
// becomes an AnswerError: the action deletes versions in real accounts, so a
// surprise there must stop it, never steer it. A describing field of any type,
// absent or unknown never fails a run: Boomi adds fields and reshapes them.
import { AnswerError, type Operation } from '../errors.js'
import { cut, oneLine } from '../domain/untrusted.js'
import { hasTextControl } from '../text.js'
import type { ConnectorVersion, ReviewStatus, VersionChange } from '../domain/versions.js'
import { EMPTY_QUERY_MAY_OMIT_RESULT, MAX_VERSION_ID_LENGTH } from './contract.js'

export interface QueryPage {
  /**
   * Boomi's count, when it gave a whole number: of this page's results or of the
   * whole query, which is not known (docs/boomi-api.md, "Reading answers"). It
   * describes; the listing never fails on it alone.
   */
  numberOfResults?: number
  queryToken?: string
  result: ConnectorVersion[]
}

const MAX_TOKEN_LENGTH = 8192
/** Longest describing text kept (a display version, a user's email, a date shown as is). */
export const MAX_DESCRIBING_LENGTH = 256
/** Longest review status kept as it is; Boomi's are a word. */
export const MAX_REVIEW_STATUS_LENGTH = 64

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

export function parseJsonAnswer(text: string, operation: Operation): unknown {
  try {
    // A UTF-8 byte order mark, which some servers put first, is no part of the JSON.
    return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text)
  } catch {
    throw new AnswerError(operation, 'the answer is not JSON')
  }
}

export function readQueryPage(text: string, operation: Operation): QueryPage {
  const json = parseJsonAnswer(text, operation)
  if (!isObject(json)) throw new AnswerError(operation, `the answer is ${kind(json)}, not a query result`)
  const numberOfResults = readCount(json.numberOfResults)
  const queryToken = readToken(json.queryToken, operation)
  if (json.result === undefined && EMPTY_QUERY_MAY_OMIT_RESULT && numberOfResults === 0 && !queryToken) {
    return { numberOfResults, result: [] }
  }
  if (!Array.isArray(json.result)) throw new AnswerError(operation, `'result' is ${kind(json.result)}, not a list`)
  return { numberOfResults, queryToken, result: json.result.map(v => readVersion(v, operation)) }
}

/** Tolerant: a whole number ≥ 0, or its decimal digits as text; anything else is as if Boomi gave no count. */
function readCount(value: unknown): number | undefined {
  const count = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value
  return typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : undefined
}

function readToken(value: unknown, operation: Operation): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string') throw new AnswerError(operation, `'queryToken' is ${kind(value)}, not text`)
  if (value.length > MAX_TOKEN_LENGTH || hasTextControl(value)) {
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

export function readVersion(value: unknown, operation: Operation): ConnectorVersion {
  if (!isObject(value)) throw new AnswerError(operation, `a version is ${kind(value)}, not an object`)
  const versionId = readVersionId(value.versionId, operation)
  const strict = (name: string): string | undefined => readText(value[name], name, versionId, operation)
  const version: ConnectorVersion = {
    versionId,
    groupType: strict('groupType'),
    displayVersion: describing(value.displayVersion),
    changeLog: strict('changeLog'),
    uploadedDate: readUploadedDate(value.uploadedDate, versionId, operation),
    uploadedBy: readUser(value.uploadedBy),
    deleted: readDeleted(value.deleted, versionId, operation),
    deletedDate: describing(value.deletedDate),
    reviewStatus: readReviewStatus(value.reviewStatus, versionId, operation),
    releaseVersion: readReleaseVersion(value.releaseVersion),
    carLink: describing(value.carLink)
  }
  // Absent fields stay absent, so identical copies compare equal whatever order Boomi wrote them in.
  for (const key of Object.keys(version) as (keyof ConnectorVersion)[]) if (version[key] === undefined) delete version[key]
  return version
}

function readVersionId(value: unknown, operation: Operation): string {
  let id: string | undefined
  if (typeof value === 'string') id = value
  else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) id = String(value)
  if (id === undefined) throw new AnswerError(operation, `a version's 'versionId' is ${kind(value)}, not text or a whole number`)
  if (!id.trim() || id.length > MAX_VERSION_ID_LENGTH || hasTextControl(id)) {
    throw new AnswerError(operation, `a version's 'versionId' is empty, longer than ${MAX_VERSION_ID_LENGTH} characters or holds control characters`)
  }
  return id
}

/** Strict: text (a number as its decimal text), or absent; anything else is not understood. */
function readText(value: unknown, name: string, versionId: string, operation: Operation): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  throw new AnswerError(operation, `'${name}' of version ${JSON.stringify(versionId)} is ${kind(value)}, not text`)
}

/**
 * Tolerant: text (a number as its decimal text) is kept, on one line and cut, since it is
 * shown as it is in log lines, the summary and the outputs; any other shape is as if absent.
 */
function describing(value: unknown): string | undefined {
  if (typeof value === 'string') return cut(oneLine(value), MAX_DESCRIBING_LENGTH)
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

/** Tolerant: a user object (as Boomi documents it) is shown as its `email`; plain text as itself. */
export function readUser(value: unknown): string | undefined {
  return describing(isObject(value) ? value.email : value)
}

/**
 * ISO 8601 with a date, a time and a zone (`Z` or an offset), seconds optional,
 * fractions allowed: one instant, whoever reads it. A date alone, or a time
 * without a zone (local to whom?), can mean more than one thing.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/

/**
 * Strict: the upload date orders the versions for pruning. Absent or null stays
 * absent (the planner leaves such a version alone, and says so); a value that is
 * there but is not one instant stops the run.
 */
export function readUploadedDate(value: unknown, versionId: string, operation: Operation): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string' && isDateTime(value)) return value
  throw new AnswerError(operation, `'uploadedDate' of version ${JSON.stringify(versionId)} is ${kind(value)}, not an ISO 8601 date-time with a zone`)
}

function isDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text)
  if (!m || Number.isNaN(Date.parse(text))) return false
  // Date.parse rolls 2026-02-30 over into March: the calendar day must exist as written.
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const midnight = new Date(Date.UTC(year, month - 1, day))
  return midnight.getUTCFullYear() === year && midnight.getUTCMonth() === month - 1 && midnight.getUTCDate() === day
}

/** Strict: only spellings that cannot mean anything else count (see ConnectorVersion.deleted). */
export function readDeleted(value: unknown, versionId: string, operation: Operation): boolean {
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

/**
 * Trimmed and upper-cased; unknown statuses are kept so the planner can protect them. One
 * that is long or holds control characters stays unknown, and is kept quoted, on one line
 * and cut, so that it can be shown: the quotes keep it from ever reading as a known status.
 */
export function readReviewStatus(value: unknown, versionId: string, operation: Operation): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const status = String(value).trim().toUpperCase()
    if (!status) return undefined
    return status.length <= MAX_REVIEW_STATUS_LENGTH && !hasTextControl(status) ? status : cut(JSON.stringify(oneLine(status)), MAX_REVIEW_STATUS_LENGTH)
  }
  throw new AnswerError(operation, `'reviewStatus' of version ${JSON.stringify(versionId)} is ${kind(value)}, not text`)
}

const REVIEW_STATUSES: ReadonlySet<string> = new Set<ReviewStatus>(['APPROVED', 'PENDING', 'REJECTED', 'CANCELLED'])

/**
 * The version-change answer: one of four review statuses, about the change asked
 * for. Its deciding fields are strict: `reviewStatus`, and `classificationType`
 * and `versionId` when given (text, or an integer for the ID); the rest (users,
 * dates, the classification it changed, the `reviewReason`) only describes.
 */
export function readVersionChange(text: string, classificationType: string, versionId: string): VersionChange {
  const operation = 'version change'
  const json = parseJsonAnswer(text, operation)
  if (!isObject(json)) throw new AnswerError(operation, `the answer is ${kind(json)}, not an object`)
  const status = typeof json.reviewStatus === 'string' ? json.reviewStatus.trim().toUpperCase() : undefined
  if (!status || !REVIEW_STATUSES.has(status)) {
    throw new AnswerError(operation, `'reviewStatus' is not one of APPROVED, PENDING, REJECTED, CANCELLED`)
  }
  const echoedType = json.classificationType
  if (echoedType !== undefined && echoedType !== null) {
    if (typeof echoedType !== 'string') throw new AnswerError(operation, `'classificationType' is ${kind(echoedType)}, not text`)
    if (echoedType !== classificationType) {
      throw new AnswerError(operation, `the answer is about another classification than ${JSON.stringify(classificationType)}`)
    }
  }
  const echoedId = json.versionId
  if (echoedId !== undefined && echoedId !== null && readVersionId(echoedId, operation) !== versionId) {
    throw new AnswerError(operation, `the answer is about another version than ${JSON.stringify(versionId)}`)
  }
  // Only describes: text is kept (the client makes it safe to show), anything else is left out.
  const reason = typeof json.reviewReason === 'string' && json.reviewReason.trim() ? json.reviewReason : undefined
  return { classificationType, versionId, reviewStatus: status as ReviewStatus, ...(reason ? { reviewReason: reason } : {}) }
}
