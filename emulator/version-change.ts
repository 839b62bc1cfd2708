/**
 * ConnectorVersionChange (SPEC §1): switch a classification to a version. A PRIVATE
 * classification switches at once (APPROVED); a PUBLIC one files an approval request
 * (PENDING) and keeps its version until `Emulator.approve` plays Boomi's reviewer. A newer
 * request for the same PUBLIC classification replaces the pending one.
 */
import type { Account } from './account.js'
import { parseVersionChange, type VersionChangeRequest } from './requests.js'
import { errorAnswer, type Answer } from './wire.js'

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
  let reviewStatus: 'APPROVED' | 'PENDING'
  if (c.visibility === 'PRIVATE') {
    c.versionId = r.versionId
    delete c.pending
    reviewStatus = 'APPROVED'
  } else {
    c.pending = { versionId: r.versionId, releaseNotes: r.releaseNotes }
    reviewStatus = 'PENDING'
  }
  return {
    status: 200,
    payload: { '@type': 'ConnectorVersionChange', classificationType: r.classificationType, versionId: r.versionId, releaseNotes: r.releaseNotes, reviewStatus }
  }
}
