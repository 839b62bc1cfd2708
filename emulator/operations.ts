/**
 * The ConnectorVersion operations (docs/boomi-api.md, "Operations") on the account's state, each returning an Answer.
 * Nothing here knows about sockets, admission or faults.
 */
import type { Account } from './account.js'
import { ARCHIVE_PART, type Body, type Multipart } from './body.js'
import { parseDelete, parseQuery, parseVersionChange } from './requests.js'
import { dateOf, describing, unknownFields, user, type AnswerShape } from './shape.js'
import { isoSeconds, type Operation, type VersionRecord } from './types.js'
import { versionChange } from './version-change.js'
import { errorAnswer, type Answer } from './wire.js'

const PROTECTED_REVIEW: ReadonlySet<string> = new Set(['PENDING', 'APPROVED', 'REJECTED'])
const CONTENT_TYPE: Partial<Record<Operation, string>> = {
  query: 'application/json',
  queryMore: 'text/plain',
  delete: 'application/json',
  versionChange: 'application/json'
}

/**
 * The answer form of a version, as `version.json` and the query pages show it: the uploader
 * as a user object, `reviewStatus` and `releaseVersion` only when they say something (the
 * examples never show `releaseVersion`), who deleted it and when for a deleted one. What
 * only the emulator knows (archive, classification use) never appears.
 */
export function view(shape: AnswerShape, v: VersionRecord): object {
  const earlier = shape.describing === 'text'
  return {
    '@type': 'ConnectorVersion',
    groupType: v.groupType,
    versionId: v.versionId,
    ...describing(shape, [user('uploadedBy', v.uploadedBy)]),
    uploadedDate: dateOf(shape, v.uploadedDate),
    deleted: v.deleted,
    displayVersion: v.displayVersion,
    changeLog: v.changeLog,
    ...(v.reviewStatus !== undefined ? { reviewStatus: v.reviewStatus } : {}),
    ...(v.releaseVersion || earlier ? { releaseVersion: v.releaseVersion } : {}),
    ...describing(shape, [
      user('deletedBy', v.deleted ? v.deletedBy : undefined),
      ['deletedDate', v.deleted && v.deletedDate ? dateOf(shape, v.deletedDate) : undefined, v.deletedDate],
      ['carLink', undefined, v.carLink]
    ]),
    ...unknownFields(shape, `ConnectorVersion/${v.versionId}`)
  }
}

/** Runs a routed, admitted operation. `unknown` is the caller's to answer (404 or 410). */
export function perform(acc: Account, op: Exclude<Operation, 'unknown'>, contentType: string, body: Body): Answer {
  const expected = CONTENT_TYPE[op]
  if (expected && !contentType.toLowerCase().startsWith(expected)) {
    return errorAnswer(415, `Unsupported Media Type: expected Content-Type ${expected}.`)
  }
  const text = body.text ?? ''
  switch (op) {
    case 'create':
      return create(acc, body.multipart)
    case 'query':
      return query(acc, text)
    case 'queryMore':
      return queryMore(acc, text)
    case 'delete':
      return remove(acc, text)
    case 'versionChange':
      return versionChange(acc, text)
  }
}

/** Why a create is refused, or undefined when the upload is acceptable. */
function createRefusal(acc: Account, mp: Multipart | undefined): string | undefined {
  if (!mp) return 'Content-Type must be multipart/form-data.'
  if (mp.error) return `Malformed multipart body: ${mp.error}`
  if (mp.duplicates.length) return `Part '${mp.duplicates[0]}' appears more than once.`
  if (mp.archiveNotAFile) return `Part '${ARCHIVE_PART}' must be a file.`
  if (!mp.file) return `Missing required part '${ARCHIVE_PART}'.`
  if (!mp.fields.groupType) return "Missing required part 'groupType'."
  // Boomi documents that the group must exist before its first upload, not how it refuses one
  // that does not: the status (400) and these words are ours.
  if (!acc.groups.has(mp.fields.groupType)) return `Connector group type '${mp.fields.groupType}' does not exist.`
  if (mp.file.size === 0) return 'The connector archive is empty.'
  // Only the zip magic is checked: Boomi's own validation of the layout is not known.
  if (mp.file.head.toString('latin1') !== 'PK') return 'The connector archive is not a zip file.'
  const claimed = mp.fields.sha256Checksum
  if (claimed !== undefined && claimed.toLowerCase() !== mp.file.sha256) {
    return `Checksum mismatch: sha256Checksum ${claimed} does not match the uploaded archive (${mp.file.sha256}).`
  }
  if (acc.store.liveCount() >= acc.maxVersions) {
    return `The account has reached the maximum of ${acc.maxVersions} connector versions. Delete unused connector versions and try again.`
  }
  return undefined
}

function create(acc: Account, mp: Multipart | undefined): Answer {
  const refusal = createRefusal(acc, mp)
  if (refusal !== undefined || !mp?.file) return errorAnswer(400, refusal ?? 'Bad request.')
  const rec = acc.store.insert({
    groupType: mp.fields.groupType,
    changeLog: mp.fields.changeLog ?? '', // kept exactly as sent: no trimming, no newline changes
    uploadedDate: acc.shape.milliseconds ? acc.now().toISOString() : isoSeconds(acc.now()),
    uploadedBy: acc.username,
    archiveSha256: mp.file.sha256,
    archiveSize: mp.file.size
  })
  return { status: 200, payload: view(acc.shape, rec), versionId: rec.versionId }
}

function query(acc: Account, text: string): Answer {
  const groupType = parseQuery(text)
  if (groupType === undefined) {
    return errorAnswer(400, 'Invalid query: expected {"QueryFilter":{"expression":{"argument":[groupType],"operator":"EQUALS","property":"GROUP_TYPE"}}}.')
  }
  // A group that does not exist answers an empty listing, like an empty one (Boomi's docs say
  // nothing else; the action's docs assume so). The matching records themselves, not copies:
  // later deletes show on later pages.
  return { status: 200, payload: page(acc, acc.store.all(groupType), 0, groupType) }
}

function queryMore(acc: Account, token: string): Answer {
  const cursor = acc.store.takeCursor(token)
  if (!cursor) return errorAnswer(400, 'Invalid or expired query token.')
  return { status: 200, payload: page(acc, cursor.items, cursor.offset, cursor.groupType) }
}

function page(acc: Account, items: VersionRecord[], offset: number, groupType: string): object {
  const slice = items.slice(offset, offset + acc.pageSize)
  const next = offset + slice.length
  const queryToken = next < items.length ? acc.store.openCursor(items, next, groupType) : undefined
  return {
    '@type': 'QueryResult',
    // The examples count the page (100, then 20); a shape may count the whole query instead.
    numberOfResults: acc.shape.numberOfResults === 'query' ? items.length : slice.length,
    ...(queryToken ? { queryToken } : {}),
    result: slice.map(v => view(acc.shape, v)),
    ...unknownFields(acc.shape, 'QueryResult')
  }
}

/** Why Boomi keeps this version, or undefined when it may go. */
function deleteRefusal(acc: Account, v: VersionRecord): string | undefined {
  if (v.deleted) return `it was already deleted on ${v.deletedDate}`
  const use = acc.book.usesOf(v.groupType, v.versionId)[0]
  if (use?.how === 'used') return `it is used by classification '${use.label}' (${use.groupType}-${use.label})`
  if (use?.how === 'pending') return `it is pending approval for classification '${use.label}' (${use.groupType}-${use.label})`
  if (v.reviewStatus && PROTECTED_REVIEW.has(v.reviewStatus)) return `its review status is ${v.reviewStatus}`
  if (v.releaseVersion) return 'it is a release version'
  return undefined
}

function remove(acc: Account, text: string): Answer {
  const request = parseDelete(text)
  if (!request) return errorAnswer(400, 'Invalid delete request: expected {"groupType": string, "versionId": string}.')
  const { groupType, versionId } = request
  const v = acc.store.get(versionId)
  if (!v || v.groupType !== groupType) return errorAnswer(404, `Connector version ${versionId} not found in connector group ${groupType}.`)
  const refusal = deleteRefusal(acc, v)
  if (refusal) return errorAnswer(400, `Connector version ${versionId} of connector group ${groupType} cannot be deleted: ${refusal}.`)
  v.deleted = true
  v.deletedDate = isoSeconds(acc.now())
  v.deletedBy = acc.username
  return { status: 200, payload: view(acc.shape, v), versionId }
}

/** The connector group a request names, if any: for per-group counts, rate-limited requests included. */
export function requestGroup(acc: Account, op: Operation, body: Body): string | undefined {
  const text = body.text ?? ''
  switch (op) {
    case 'create':
      return body.multipart?.fields.groupType || undefined
    case 'query':
      return parseQuery(text)
    case 'queryMore':
      return acc.store.peekCursor(text)?.groupType
    case 'delete':
      return parseDelete(text)?.groupType
    case 'versionChange': {
      const type = parseVersionChange(text)?.classificationType
      return type === undefined ? undefined : acc.book.resolve(type)?.groupType
    }
    default:
      return undefined
  }
}
