// The step's outputs, computed from the run record alone (SPEC §2).
import { Output } from '../constants.js'
import { storedSha256 } from './changelog.js'
import { allPruning, type RunRecord, runVersion } from './record.js'

export function outputsOf(r: RunRecord): Record<string, string> {
  const version = runVersion(r)
  const pruning = allPruning(r)
  return {
    [Output.versionId]: version?.versionId ?? '',
    [Output.displayVersion]: version?.displayVersion ?? '',
    [Output.uploadedDate]: version?.uploadedDate ?? '',
    [Output.sha256]: r.archive?.sha256 ?? '',
    [Output.contentSha256]: r.archive?.contentSha256 ?? '',
    [Output.versionSha256]: versionSha256(r) ?? '',
    [Output.archivePath]: r.archive?.shownPath ?? '',
    [Output.uploaded]: String(r.upload?.kind === 'uploaded'),
    [Output.deletedVersionIds]: JSON.stringify(pruning?.deleted.map(d => d.version.versionId) ?? []),
    [Output.skippedVersionIds]: JSON.stringify(pruning?.skipped.map(s => s.version.versionId) ?? []),
    [Output.classificationChanges]: JSON.stringify(
      (r.switches ?? []).map(s => ({ classificationType: s.classificationType, versionId: s.versionId, reviewStatus: s.reviewStatus }))
    )
  }
}

/**
 * Which bytes Boomi holds in the run's version: its trailer's `sha256`. After
 * a content match this is the earlier build's, not `sha256`; an upload whose
 * answer carried no change log is known by the one this run sent.
 */
export function versionSha256(r: RunRecord): string | undefined {
  const version = runVersion(r)
  const stored = storedSha256(version?.changeLog)
  if (stored || r.upload?.kind !== 'uploaded') return stored
  return storedSha256(r.upload.changeLog)
}
