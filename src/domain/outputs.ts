// The step's outputs, computed from the run record alone (SPEC §2). A request
// sent and never answered is no success: an upload whose outcome is not known
// gives `uploaded: unknown` and no version-id, a version change whose outcome
// is not known carries `outcome: "unknown"` (docs/behaviour.md, "Cancellation").
import { Output } from '../constants.js'
import { type RunRecord, runVersion } from './record.js'

export function outputsOf(r: RunRecord): Record<string, string> {
  const version = runVersion(r)
  const pruning = r.pruning
  return {
    [Output.versionId]: version?.versionId ?? '',
    [Output.displayVersion]: version?.displayVersion ?? '',
    [Output.uploadedDate]: version?.uploadedDate ?? '',
    [Output.sha256]: r.archive?.sha256 ?? '',
    [Output.contentSha256]: r.archive?.contentSha256 ?? '',
    [Output.archivePath]: r.archive?.shownPath ?? '',
    [Output.uploaded]: uploaded(r),
    [Output.deletedVersionIds]: JSON.stringify(pruning?.deleted.map(d => d.version.versionId) ?? []),
    [Output.skippedVersionIds]: JSON.stringify(pruning?.skipped.map(s => s.version.versionId) ?? []),
    [Output.classificationChanges]: JSON.stringify(
      (r.switches ?? []).map(s => ({
        classificationType: s.classificationType,
        versionId: s.versionId,
        reviewStatus: s.reviewStatus,
        ...(s.outcomeUnknown ? { outcome: 'unknown' } : {})
      }))
    )
  }
}

/** `true` when this run created a version; `unknown` when an attempt may have and the run never learnt whether. */
function uploaded(r: RunRecord): string {
  if (r.upload?.kind === 'uploaded') return 'true'
  if (r.upload?.kind === 'unknown' || (r.upload?.kind === 'failed' && r.upload.mayBeStored)) return 'unknown'
  return 'false'
}
