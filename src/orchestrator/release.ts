// The run, as a script of phases. Each phase returns its result to the phases
// after it and reports what it did as events; the record, the outputs and the
// job summary are folded from those events when the run ends, however it ends.
import type { ArchiveFile } from '../archive/zip.js'
import { Input } from '../constants.js'
import { fitText, releaseNotes } from '../domain/changelog.js'
import { type RunRecord, foldRun } from '../domain/record.js'
import type { ConnectorVersion } from '../domain/versions.js'
import { errorMessage, sentences } from '../errors.js'
import { plural } from '../text.js'
import type { ActionLog, RunDeps } from './deps.js'
import { archivePhase, changeLogPhase } from './inputs-phase.js'
import { stopIfCancelled } from './journal.js'
import { listingPhase } from './listing.js'
import { ids, pruneInputFrom, prunePhase } from './prune.js'
import { reportUnfinishedSwitches, switchPhase, unswitched } from './switch.js'
import { type UploadResult, uploadPhase } from './upload.js'

export type Publish = (record: RunRecord) => Promise<void>

/** Runs the release and hands the record to `publish` at the end, also after a failure; rethrows the failure. */
export async function runRelease(deps: RunDeps, publish: Publish): Promise<void> {
  const opened: Opened = {}
  try {
    await release(deps, opened)
  } catch (err) {
    deps.events.report({ type: 'failed', error: errorMessage(err) })
    throw err
  } finally {
    await opened.file?.close()
    await publish(endRecord(deps))
  }
}

/** The archive's one descriptor, open from its check to the end of the run: the upload reads the bytes that were checked. */
interface Opened {
  file?: ArchiveFile
}

/** The record as it stands: what the run reported, with the throttling seen, the API contact and whether it was cancelled. */
function endRecord(deps: RunDeps): RunRecord {
  const stats = deps.throttling?.()
  if (stats) deps.events.report({ type: 'throttling', stats })
  const contact = deps.apiContact?.()
  if (contact) deps.events.report({ type: 'api', contact })
  if (deps.signal?.aborted) deps.events.report({ type: 'cancelled' })
  return foldRun({ groupType: deps.inputs.groupType, dryRun: deps.inputs.dryRun, archiveGiven: deps.inputs.archive !== undefined }, deps.events.all)
}

/**
 * The record of a run that did not end within the grace after a cancel: the
 * same fold, so requests sent and never answered show as outcome not known.
 */
export function forcedRecord(deps: RunDeps): RunRecord {
  deps.events.report({ type: 'failed', error: 'The run was cancelled while requests were in flight; their outcome is not known.' })
  reportUnfinishedSwitches(deps)
  return endRecord(deps)
}

async function release(deps: RunDeps, opened: Opened): Promise<void> {
  const { inputs, log, events } = deps
  log.info(
    `Group ${inputs.groupType} in account ${inputs.accountId} at ${inputs.apiUrl}${inputs.apiUrlIsHost ? ' (the path prefix is found on the first request)' : ''}${inputs.dryRun ? ' (dry run: nothing will be uploaded, switched or deleted)' : ''}`
  )

  // What the workspace holds is checked before the first request.
  const checked = inputs.archive ? await phase(log, 'Archive', () => archivePhase(deps, inputs.archive!)) : undefined
  opened.file = checked?.file
  const archive = checked?.archive
  if (archive) events.report({ type: 'archive', archive })
  const changeLog = await changeLogPhase(deps)
  if (changeLog) events.report({ type: 'change-log', changeLog })
  const listing = await phase(log, `Listing ${inputs.groupType}`, () => listingPhase(deps))
  const given = inputs.versionId ? givenVersion(listing, inputs.versionId, inputs.groupType) : undefined
  if (given) events.report({ type: 'given', version: given })

  const upload = checked ? await phase(log, 'Upload', () => uploadPhase(deps, checked.archive, checked.file, changeLog, listing)) : undefined
  if (upload?.kind === 'failed' || upload?.kind === 'refused-duplicate') throw upload.error
  stopIfCancelled(deps)

  const version = given ?? (upload?.kind === 'uploaded' || upload?.kind === 'reused' ? upload.version : undefined)
  if (inputs.classifications.length && (version || upload?.kind === 'would-upload')) {
    await phase(log, 'Classifications', () => switchPhase(deps, version, notesFor(upload, changeLog?.text, version)))
  }
  stopIfCancelled(deps)

  const keepLatest = inputs.keepLatest
  if (keepLatest !== undefined) await phase(log, 'Prune', () => prunePhase(deps, keepLatest, pruneInputFrom(listing, upload, version)))
  stopIfCancelled(deps)
  // What failed without stopping the run is read from the same record the outputs are.
  failures(foldRun({ groupType: inputs.groupType, dryRun: inputs.dryRun }, events.all))
}

async function phase<T>(log: ActionLog, name: string, body: () => Promise<T>): Promise<T> {
  log.startGroup(name)
  try {
    return await body()
  } finally {
    log.endGroup()
  }
}

/** version-id must name a live version of this group: the run's one listing tells. */
function givenVersion(listing: readonly ConnectorVersion[], versionId: string, groupType: string): ConnectorVersion {
  const found = listing.find(v => v.versionId === versionId)
  if (found && !found.deleted) return found
  const state = found ? 'is deleted' : 'is not a version of this group'
  throw new Error(
    `Version ${versionId} (${Input.versionId}) ${state}, so no classification was switched. Give the ID of a live version of ${groupType}, as the Developer tab or an earlier run's version-id output shows it.`
  )
}

/** The release notes: the change log's text without its checksum trailer, fitted as an upload's change log is. */
function notesFor(upload: UploadResult | undefined, text: string | undefined, version: ConnectorVersion | undefined): string {
  if (upload?.kind === 'uploaded' || upload?.kind === 'would-upload') return releaseNotes(upload.changeLog)
  return fitText(text ?? releaseNotes(version?.changeLog ?? ''))
}

/** What failed without stopping the run, said once at its end. */
function failures(r: RunRecord): void {
  const problems: string[] = []
  const refused = unswitched(r.switches ?? [])
  const notMade = refused.filter(s => !s.outcomeUnknown)
  const unsure = refused.filter(s => s.outcomeUnknown)
  if (notMade.length) {
    problems.push(
      `${plural(notMade.length, 'classification change')} not made: ${notMade.map(s => `${s.classificationType} (${s.error ?? (s.reviewReason ? `${s.reviewStatus}: ${s.reviewReason}` : s.reviewStatus)})`).join('; ')}`
    )
  }
  if (unsure.length) {
    problems.push(
      `${plural(unsure.length, 'classification change')} failed in a way that may have made it (see in the Developer tab which version each classification uses): ${unsure.map(s => `${s.classificationType} (${s.error})`).join('; ')}`
    )
  }
  const o = r.pruning
  if (o && (o.failed.length || o.notTried.length)) {
    const byMessage = new Map<string, string[]>()
    for (const f of o.failed) byMessage.set(f.error, [...(byMessage.get(f.error) ?? []), f.version.versionId])
    const untried = o.notTried.length ? `, ${o.notTried.length} not tried after it` : ''
    const reasons = [...byMessage].map(([message, list]) => `${list.join(', ')}: ${message}`).join('; ')
    problems.push(
      o.failed.length
        ? `Pruning failed: ${plural(o.failed.length, 'deletion')} failed (${o.deleted.length} done${untried}): ${reasons}`
        : `Pruning stopped: ${plural(o.notTried.length, 'deletion')} not tried after Boomi refused one as it would every deletion (credentials, privileges, or the delete's form) (${o.deleted.length} done)`
    )
  }
  if (r.upload?.kind === 'uploaded' && r.upload.strayTwins.length) {
    const stray = ids(r.upload.strayTwins)
    problems.push(
      `Version ${r.upload.version.versionId} was uploaded, but an attempt whose answer was lost also stored ${stray}, a second copy of this archive, and it could not be deleted. Delete ${stray} in the Developer tab.`
    )
  }
  if (problems.length) throw new Error(sentences(...problems))
}
