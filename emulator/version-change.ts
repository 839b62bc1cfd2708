/**
 * ConnectorVersionChange (docs/boomi-api.md, "Answers"): switch a classification to a version. A PRIVATE
 * classification switches at once (APPROVED); a PUBLIC one files an approval request
 * (PENDING) and keeps its version until `Emulator.approve` plays Boomi's reviewer. A newer
 * request for the same PUBLIC classification replaces the pending one.
 */
import type { Account } from './account.js'
import { parseVersionChange, type VersionChangeRequest } from './requests.js'
import { dateOf, describing, unknownFields, user, userObject } from './shape.js'
import { isoSeconds, type Classification } from './types.js'
import { errorAnswer, type Answer } from './wire.js'

/** Boomi numbers version changes with an integer `uid`; the emulator counts from here. */
const FIRST_UID = 9001

export function versionChange(acc: Account, text: string): Answer {
  const request = parseVersionChange(text)
  if (!request) {
    return errorAnswer(400, 'Invalid version change: expected {"classificationType": string, "versionId": string, "releaseNotes": string}.')
  }
  const answer = decide(acc, request)
  acc.versionChanges.push({ ...request, status: answer.status, answer: answer.payload })
  return answer
}

function decide(acc: Account, r: VersionChangeRequest): Answer {
  const target = acc.book.resolve(r.classificationType)
  const c = target && acc.book.get(target.groupType, target.label)
  if (!target || !c) {
    return errorAnswer(400, `Unknown classification type '${r.classificationType}': no connector group of account ${acc.accountId} has that classification.`)
  }
  const v = acc.store.get(r.versionId)
  if (!v || v.groupType !== target.groupType) {
    return errorAnswer(400, `Connector version ${r.versionId} not found in connector group ${target.groupType}.`)
  }
  if (v.deleted) {
    return errorAnswer(400, `Connector version ${r.versionId} of connector group ${target.groupType} was deleted on ${v.deletedDate}.`)
  }
  const now = isoSeconds(acc.now())
  c.dateCreated ??= now
  c.lastModifiedDate = now
  let reviewStatus: 'APPROVED' | 'PENDING'
  if (c.visibility === 'PRIVATE') {
    c.versionId = r.versionId
    delete c.pending
    reviewStatus = 'APPROVED'
  } else {
    c.pending = { versionId: r.versionId, releaseNotes: r.releaseNotes }
    reviewStatus = 'PENDING'
  }
  return { status: 200, payload: answerOf(acc, r, reviewStatus, target, c, now) }
}

/**
 * The answer as `version-change.json` (switched) and `version-change-pending.json` (waiting)
 * show it: a `uid`, who asked and (once done) who reviewed, and the classification it changed.
 */
function answerOf(
  acc: Account,
  r: VersionChangeRequest,
  reviewStatus: 'APPROVED' | 'PENDING',
  target: { groupType: string; label: string },
  c: Classification,
  now: string
): object {
  const shape = acc.shape
  const done = reviewStatus === 'APPROVED'
  return {
    '@type': 'ConnectorVersionChange',
    ...describing(shape, [['uid', FIRST_UID + acc.versionChanges.length, String(FIRST_UID + acc.versionChanges.length)]]),
    classificationType: r.classificationType,
    versionId: shape.numericVersionChangeId && /^\d+$/.test(r.versionId) ? Number(r.versionId) : r.versionId,
    ...describing(shape, [['releaseNotes', r.releaseNotes, r.releaseNotes]]),
    reviewStatus,
    ...describing(shape, [
      ['reviewReason', '', ''],
      ['completedDate', done ? dateOf(shape, now) : null, done ? now : undefined],
      user('requestedBy', acc.username),
      user('reviewedBy', done ? acc.username : undefined),
      ['ConnectorClassification', classificationOf(acc, target, c), undefined]
    ]),
    ...unknownFields(shape, `ConnectorVersionChange/${r.classificationType}`)
  }
}

/** The classification as `classification.json` shows it, after the change. */
function classificationOf(acc: Account, target: { groupType: string; label: string }, c: Classification): object {
  const shape = acc.shape
  return {
    '@type': 'ConnectorClassification',
    classification: target.label,
    classificationType: `${target.groupType}-${target.label}`,
    displayName: `${target.groupType} (${target.label})`,
    groupType: target.groupType,
    visibility: c.visibility,
    // An integer in Boomi's examples: the version it points at (still the old one while a change waits).
    version: c.versionId !== undefined && /^\d+$/.test(c.versionId) ? Number(c.versionId) : (c.versionId ?? null),
    deleted: false,
    dateCreated: dateOf(shape, c.dateCreated ?? ''),
    lastModifiedDate: dateOf(shape, c.lastModifiedDate ?? ''),
    createdBy: userObject(acc.username),
    ...unknownFields(shape, `ConnectorClassification/${target.label}`)
  }
}
