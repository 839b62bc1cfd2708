// Switching classifications to the run's version (docs/behaviour.md, "Switching classifications"): one version
// change per classification, paced and retried by the client like every
// request (sending one again is harmless). A refusal is recorded, not thrown:
// the other changes, pruning and the outputs still happen, and the run fails
// at the end naming every classification that was not switched.
import { mayHaveTakenEffect } from '../boomi/failures.js'
import type { SwitchResult } from '../domain/record.js'
import type { ConnectorVersion } from '../domain/versions.js'
import { errorMessage } from '../errors.js'
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
  for (const label of inputs.classifications) {
    const classificationType = `${inputs.groupType}-${label}`
    if (inputs.dryRun || !version) {
      log.info(`Dry run: would switch ${classificationType} to ${version ? `version ${version.versionId}` : 'the version this run would upload'}`)
      done({ classificationType, versionId: version?.versionId ?? '', reviewStatus: '' })
      continue
    }
    if (deps.signal?.aborted) {
      done({ classificationType, versionId: version.versionId, reviewStatus: '', error: 'not requested: the run was cancelled', notRequested: true })
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

/** Changes Boomi did not accept: refused outright, or answered REJECTED or CANCELLED. */
export function unswitched(results: readonly SwitchResult[]): SwitchResult[] {
  return results.filter(r => r.error || r.reviewStatus === 'REJECTED' || r.reviewStatus === 'CANCELLED')
}
