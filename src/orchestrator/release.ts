// The run, as a script of phases. Each phase returns its result; the record
// collects them, each field written once; outputs and the job summary are
// computed from the record when the run ends, however it ends.
import { Input } from '../constants.js'
import { releaseNotes } from '../domain/changelog.js'
import { type RunRecord, allPruning, runVersion } from '../domain/record.js'
import type { ConnectorVersion } from '../domain/versions.js'
import { errorMessage } from '../errors.js'
import type { ActionLog, RunDeps } from './deps.js'
import { archivePhase, changeLogPhase } from './inputs-phase.js'
import { listingPhase } from './listing.js'
import { ids, prunePhase, withoutDeleted } from './prune.js'
import { switchPhase, unswitched } from './switch.js'
import { uploadPhase } from './upload.js'

export type Publish = (record: RunRecord) => Promise<void>

export function newRecord(inputs: RunDeps['inputs']): RunRecord {
  return { groupType: inputs.groupType, dryRun: inputs.dryRun }
}

/** Runs the release and hands the record to `publish` at the end, also after a failure; rethrows the failure. */
export async function runRelease(deps: RunDeps, publish: Publish, record = newRecord(deps.inputs)): Promise<void> {
  try {
    await release(deps, record)
  } catch (err) {
    record.error = errorMessage(err)
    throw err
  } finally {
    record.throttling = deps.throttling?.()
    record.api = deps.apiContact?.()
    record.cancelled = deps.signal?.aborted || undefined
    await publish(record)
  }
}

async function release(deps: RunDeps, r: RunRecord): Promise<void> {
  const { inputs, log } = deps
  log.info(
    `Group ${inputs.groupType} in account ${inputs.accountId} at ${inputs.apiUrl}${inputs.apiUrlIsHost ? ' (the path prefix is found on the first request)' : ''}${inputs.dryRun ? ' (dry run: nothing will be uploaded, switched or deleted)' : ''}`
  )

  // What the workspace holds is checked before the first request.
  if (inputs.archive) r.archive = await phase(log, 'Archive', () => archivePhase(deps, inputs.archive!))
  r.changeLog = await changeLogPhase(deps)
  const listing = await phase(log, `Listing ${inputs.groupType}`, () => listingPhase(deps))
  if (inputs.versionId) r.given = givenVersion(listing, inputs.versionId, inputs.groupType)

  if (r.archive) r.upload = await phase(log, 'Upload', () => uploadPhase(deps, r.archive!, r.changeLog, listing))
  if (r.upload?.kind === 'failed' || r.upload?.kind === 'refused-duplicate') throw r.upload.error
  cancelled(deps)

  const version = runVersion(r)
  if (inputs.classifications.length && (version || r.upload?.kind === 'would-upload')) {
    r.switches = await phase(log, 'Classifications', () => switchPhase(deps, version, notesFor(r, version)))
  }
  cancelled(deps)

  if (inputs.keepLatest !== undefined) {
    const keepLatest = inputs.keepLatest
    const upload = r.upload
    r.prune = await phase(log, 'Prune', () =>
      prunePhase(deps, keepLatest, {
        listing: upload?.kind === 'uploaded' ? withoutDeleted(upload.listing, upload.earlyPrune) : listing,
        runVersion: version,
        uploaded: upload?.kind === 'uploaded',
        pendingUpload: upload?.kind === 'would-upload',
        refusedBefore: new Set(upload?.kind === 'uploaded' ? (upload.earlyPrune?.skipped.map(s => s.version.versionId) ?? []) : [])
      })
    )
  }
  cancelled(deps)
  failures(r)
}

async function phase<T>(log: ActionLog, name: string, body: () => Promise<T>): Promise<T> {
  log.startGroup(name)
  try {
    return await body()
  } finally {
    log.endGroup()
  }
}

function cancelled(deps: RunDeps): void {
  if (deps.signal?.aborted) throw new Error('The run was cancelled; what it did before that is in the outputs and the job summary.')
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

/** The release notes: the change log's text without its checksum trailer. */
function notesFor(r: RunRecord, version: ConnectorVersion | undefined): string {
  if (r.upload?.kind === 'uploaded' || r.upload?.kind === 'would-upload') return releaseNotes(r.upload.changeLog)
  if (r.changeLog) return r.changeLog.text
  return releaseNotes(version?.changeLog ?? '')
}

/** What failed without stopping the run, said once at its end. */
function failures(r: RunRecord): void {
  const problems: string[] = []
  const refused = unswitched(r.switches ?? [])
  if (refused.length) {
    problems.push(
      `${refused.length} classification change(s) not made: ${refused.map(s => `${s.classificationType} (${s.error ?? s.reviewStatus})`).join('; ')}`
    )
  }
  const o = allPruning(r)
  if (o && (o.failed.length || o.notTried.length)) {
    const byMessage = new Map<string, string[]>()
    for (const f of o.failed) byMessage.set(f.error, [...(byMessage.get(f.error) ?? []), f.version.versionId])
    const untried = o.notTried.length ? `, ${o.notTried.length} not tried after it` : ''
    const reasons = [...byMessage].map(([message, list]) => `${list.join(', ')}: ${message}`).join('; ')
    problems.push(
      o.failed.length
        ? `Pruning failed: ${o.failed.length} deletion${o.failed.length === 1 ? '' : 's'} failed (${o.deleted.length} done${untried}): ${reasons}`
        : `Pruning stopped: ${o.notTried.length} deletion(s) not tried after Boomi refused credentials or privileges (${o.deleted.length} done)`
    )
  }
  if (r.upload?.kind === 'uploaded' && r.upload.strayTwins.length) {
    const stray = ids(r.upload.strayTwins)
    problems.push(
      `Version ${r.upload.version.versionId} was uploaded, but an attempt whose answer was lost also stored ${stray}, a second copy of this archive, and it could not be deleted. Delete ${stray} in the Developer tab.`
    )
  }
  if (problems.length) throw new Error(problems.join('. '))
}
