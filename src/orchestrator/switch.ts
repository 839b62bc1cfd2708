// Switching classifications to the run's version (docs/behaviour.md, "Switching classifications"): one version
// change per classification, paced and retried by the client like every
// request (sending one again is harmless). A refusal is recorded, not thrown:
// the other changes, pruning and the outputs still happen, and the run fails
// at the end naming every classification that was not switched.
import { mayHaveTakenEffect } from '../boomi/failures.js'
import { type SwitchResult, foldRun } from '../domain/record.js'
import type { ConnectorVersion } from '../domain/versions.js'
import { CancelledError, errorMessage } from '../errors.js'
import type { RunDeps } from './deps.js'
import { sending } from './journal.js'

const STATUS_TEXT: Record<string, string> = {
  APPROVED: 'switched',
  PENDING: 'pending: Boomi awaits approval (a PUBLIC classification) or a scheduled release',
  REJECTED: 'rejected by Boomi',
  CANCELLED: 'cancelled'
}

/** `version` is undefined only in a dry run that would upload: the changes are planned for the version it would make. */
export async function switchPhase(deps: RunDeps, version: ConnectorVersion | undefined, releaseNotes: string): Promise<void> {
  const { inputs, log } = deps
  // Each change goes into the record as an event; nothing else keeps them.
  const done = (change: SwitchResult): void => deps.events.report({ type: 'switched', change })
  deps.events.report({ type: 'release-notes', text: releaseNotes })
  for (const label of inputs.classifications) {
    const classificationType = classificationTypeOf(inputs.groupType, label)
    if (inputs.dryRun || !version) {
      log.info(`Dry run: would switch ${classificationType} to ${version ? `version ${version.versionId}` : 'the version this run would upload'}`)
      done({ classificationType, versionId: version?.versionId ?? '', reviewStatus: '' })
      continue
    }
    const notRequested = (): void => done(notRequestedChange(classificationType, version.versionId))
    if (deps.signal?.aborted) {
      notRequested()
      continue
    }
    log.info(`Switching ${classificationType} to version ${version.versionId}`)
    const answered = sending(deps, { operation: 'change', classificationType, versionId: version.versionId })
    try {
      const change = await (await deps.client()).changeVersion(classificationType, version.versionId, releaseNotes)
      const reason = change.reviewReason ? `: ${change.reviewReason}` : ''
      log.info(`${classificationType} → version ${version.versionId}: ${change.reviewStatus} (${STATUS_TEXT[change.reviewStatus]}${reason})`)
      done({
        classificationType,
        versionId: version.versionId,
        reviewStatus: change.reviewStatus,
        ...(change.reviewReason ? { reviewReason: change.reviewReason } : {})
      })
    } catch (err) {
      // Stopped by the cancel before Boomi took it (waiting for its turn under the pace, or after a 503 or 429,
      // which make no change): not requested, as for the changes after it. A change an attempt may have made
      // comes back as an OutcomeUnknownError instead.
      if (err instanceof CancelledError) {
        notRequested()
        continue
      }
      // A 5xx after the last retry, a dropped answer, or a 2xx not understood: Boomi may have made the change.
      const unsure = mayHaveTakenEffect(err)
      log.warning(
        `Switching ${classificationType} to version ${version.versionId} failed: ${errorMessage(err)}${unsure ? `; Boomi may have made the change all the same` : ''}`
      )
      done({
        classificationType,
        versionId: version.versionId,
        reviewStatus: '',
        error: errorMessage(err),
        ...(unsure ? { outcomeUnknown: true as const } : {})
      })
    } finally {
      answered()
    }
  }
}

/** The classification type a label names: the group type, `-`, the label (a full type lost its prefix when the inputs were read). */
function classificationTypeOf(groupType: string, label: string): string {
  return `${groupType}-${label}`
}

/**
 * A run ended by force while a change was in flight: that change as outcome not known, and the
 * labels after it, which the stuck phase never reached, as not requested, in the order given
 * (docs/behaviour.md, "Cancellation"). Nothing is added when no change was in flight.
 */
export function reportUnfinishedSwitches(deps: RunDeps): void {
  // The fold knows what was sent and never answered; changes go one at a time, so at most one is.
  const { switches = [], unknown = [] } = foldRun({ groupType: deps.inputs.groupType, dryRun: deps.inputs.dryRun }, deps.events.all)
  const inFlight = unknown.find(q => q.operation === 'change')
  if (inFlight?.operation !== 'change') return
  // Every change reported, but the one in flight, which the fold lists at the end: it goes in its place here.
  const reported = new Set(switches.map(s => s.classificationType))
  reported.delete(inFlight.classificationType)
  for (const label of deps.inputs.classifications) {
    const classificationType = classificationTypeOf(deps.inputs.groupType, label)
    if (reported.has(classificationType)) continue
    const change: SwitchResult =
      classificationType === inFlight.classificationType
        ? { classificationType, versionId: inFlight.versionId, reviewStatus: '', outcomeUnknown: true }
        : notRequestedChange(classificationType, inFlight.versionId)
    deps.events.report({ type: 'switched', change })
  }
}

function notRequestedChange(classificationType: string, versionId: string): SwitchResult {
  return { classificationType, versionId, reviewStatus: '', error: 'not requested: the run was cancelled', notRequested: true }
}

/** Changes Boomi did not accept: refused outright, or answered REJECTED or CANCELLED. */
export function unswitched(results: readonly SwitchResult[]): SwitchResult[] {
  return results.filter(r => r.error || r.reviewStatus === 'REJECTED' || r.reviewStatus === 'CANCELLED')
}
