// What each phase of a run hands back, and the one record that collects them.
// Outputs and the job summary are pure functions of this record.
import type { MatchKind } from './changelog.js'
import type { ApiContact } from './contact.js'
import type { PlannedVersion } from './plan.js'
import type { ConnectorVersion, ReviewStatus } from './versions.js'

export interface ArchiveResult {
  /** Absolute path, for reading. */
  path: string
  /** Relative to the workspace, for outputs and messages. */
  shownPath: string
  fileName: string
  size: number
  sha256: string
  contentSha256: string
  connector: { className?: string; sdkApiVersion?: string }
  layoutWarnings: string[]
}

export interface ChangeLogResult {
  /** The user's text (or the file's section, or the line made from the run), before the trailer. */
  text: string
  source: 'input' | 'file' | 'workflow-run'
  /** The heading of the section taken from change-log-file. */
  section?: string
}

export interface PruneFailure {
  version: ConnectorVersion
  error: string
}

/** What a round of deletions did. */
export interface PruneOutcome {
  deleted: PlannedVersion[]
  /** The plan's skips, then the deletions Boomi refused, with Boomi's reason. */
  skipped: PlannedVersion[]
  failed: PruneFailure[]
  /** Deletions not started: credentials failed on an earlier one, or the run was cancelled. */
  notTried: ConnectorVersion[]
}

/** The upload phase's one answer. */
export type UploadResult =
  | { kind: 'reused'; version: ConnectorVersion; match: MatchKind; dryRun: boolean }
  | { kind: 'refused-duplicate'; versions: ConnectorVersion[]; match: MatchKind; error: Error }
  | { kind: 'would-upload'; changeLog: string }
  | {
      kind: 'uploaded'
      version: ConnectorVersion
      changeLog: string
      /** The group as the upload last saw it, the new version in it. */
      listing: readonly ConnectorVersion[]
      /** Deletions made to get under the account's version limit before the upload could succeed. */
      earlyPrune?: PruneOutcome
      /** Second copies an attempt whose answer was lost left behind and that could not be deleted. */
      strayTwins: ConnectorVersion[]
      seconds: number
    }
  | { kind: 'failed'; changeLog: string; error: Error; earlyPrune?: PruneOutcome }

export interface SwitchResult {
  classificationType: string
  versionId: string
  /** Boomi's answer; '' in a dry run or when the change failed. */
  reviewStatus: ReviewStatus | ''
  error?: string
}

export interface PruneResult {
  keepLatest: number
  minAgeDays?: number
  kept: number
  outcome: PruneOutcome
}

export interface ThrottleStats {
  throttled: number
  waitedMs: number
  lowestRate?: number
}

export interface RunRecord {
  groupType: string
  dryRun: boolean
  archive?: ArchiveResult
  changeLog?: ChangeLogResult
  /** The run's version when it was given by version-id. */
  given?: ConnectorVersion
  upload?: UploadResult
  switches?: SwitchResult[]
  prune?: PruneResult
  throttling?: ThrottleStats
  /** Which API root answered, and notices from Boomi's answer headers. */
  api?: ApiContact
  /** Set when the run was cancelled (SIGINT/SIGTERM). */
  cancelled?: boolean
  error?: string
}

/** The version this run stands for: uploaded, reused, or given by version-id. */
export function runVersion(r: RunRecord): ConnectorVersion | undefined {
  if (r.given) return r.given
  if (r.upload?.kind === 'uploaded' || r.upload?.kind === 'reused') return r.upload.version
  return undefined
}

/** Early deletions (version limit) and the prune phase's, as one outcome: for a version in both, the later word counts. */
export function allPruning(r: RunRecord): PruneOutcome | undefined {
  const early = r.upload && 'earlyPrune' in r.upload ? r.upload.earlyPrune : undefined
  const late = r.prune?.outcome
  if (!early) return late
  if (!late) return early
  const seenLate = new Set([...late.deleted, ...late.skipped].map(x => x.version.versionId))
  for (const f of late.failed) seenLate.add(f.version.versionId)
  for (const v of late.notTried) seenLate.add(v.versionId)
  const notLate = (id: string): boolean => !seenLate.has(id)
  return {
    deleted: [...early.deleted.filter(d => notLate(d.version.versionId)), ...late.deleted],
    skipped: [...early.skipped.filter(s => notLate(s.version.versionId)), ...late.skipped],
    failed: [...early.failed.filter(f => notLate(f.version.versionId)), ...late.failed],
    notTried: [...early.notTried.filter(v => notLate(v.versionId)), ...late.notTried]
  }
}

/**
 * What the run has done so far, written as it happens. The record proper is
 * written phase by phase; the journal serves only a run stopped before its
 * phases returned (a cancel whose requests did not finish in time).
 */
export interface Journal {
  deleted: PlannedVersion[]
  uploaded?: { version: ConnectorVersion; changeLog: string }
  switches: SwitchResult[]
}

export function newJournal(): Journal {
  return { deleted: [], switches: [] }
}

/** The record completed from the journal: what phases that never returned had already done. */
export function withJournal(r: RunRecord, j: Journal, keepLatest: number | undefined): RunRecord {
  const out: RunRecord = { ...r }
  if (!out.upload && j.uploaded) out.upload = { kind: 'uploaded', ...j.uploaded, listing: [], strayTwins: [], seconds: 0 }
  if (!out.switches && j.switches.length) out.switches = [...j.switches]
  if (!out.prune) {
    const known = new Set(allPruning(out)?.deleted.map(d => d.version.versionId) ?? [])
    const more = j.deleted.filter(d => !known.has(d.version.versionId))
    if (more.length) out.prune = { keepLatest: keepLatest ?? 0, kept: 0, outcome: { deleted: more, skipped: [], failed: [], notTried: [] } }
  }
  return out
}
