// What happened in a run, reported once as events, and the record folded from
// them. Phases return values to the phases after them and report what they
// did as it happens; the record, the outputs (after a forced cancel too) and
// the job summary are pure functions of the events, so nothing is journaled
// twice and no record is shared and edited (docs/behaviour.md, "Report" and
// "Cancellation").
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

/** How the record keeps the upload phase's outcome. */
export type UploadRecord =
  | { kind: 'reused'; version: ConnectorVersion; match: MatchKind; dryRun: boolean }
  | { kind: 'refused-duplicate'; versions: ConnectorVersion[]; match: MatchKind }
  | { kind: 'would-upload'; changeLog: string }
  | {
      kind: 'uploaded'
      version: ConnectorVersion
      changeLog: string
      /** Second copies an attempt whose answer was lost left behind, deleted by the run. */
      removedTwins: ConnectorVersion[]
      /** Second copies an attempt whose answer was lost left behind and that could not be deleted. */
      strayTwins: ConnectorVersion[]
    }
  /** `mayBeStored`: an attempt lost its answer and its version was never seen: Boomi may still have stored it. */
  | { kind: 'failed'; changeLog: string; error: string; mayBeStored: boolean }
  /** Sent, and the run was stopped before any answer: only the Developer tab can tell. */
  | { kind: 'unknown'; changeLog: string }

export interface SwitchResult {
  classificationType: string
  versionId: string
  /** Boomi's answer; '' in a dry run, when the change failed, or when its outcome is not known. */
  reviewStatus: ReviewStatus | ''
  /** Boomi's reason for its review status, when it gave one (made safe to show by the client). */
  reviewReason?: string
  error?: string
  /**
   * Sent, and whether Boomi made the change is not known: the run was stopped before the
   * answer came, or the request failed in a way that may have made it (`error` says how).
   */
  outcomeUnknown?: true
  /** Never sent: the run was cancelled before its turn. Not in the output, which lists changes requested. */
  notRequested?: true
}

export interface PruneResult {
  keepLatest: number
  minAgeDays?: number
  kept: number
}

export interface ThrottleStats {
  throttled: number
  waitedMs: number
  lowestRate?: number
}

/** Which deletions a deletion belongs to: making room at the version limit, the prune phase, or removing a twin of this run's upload. */
export type DeleteRound = 'room' | 'prune' | 'twin'

/** A request that changes something, as journaled just before it is sent. */
export type SentRequest =
  | { operation: 'upload'; changeLog: string }
  | { operation: 'delete'; round: DeleteRound; version: ConnectorVersion }
  | { operation: 'change'; classificationType: string; versionId: string }

export type RunEvent =
  | { type: 'archive'; archive: ArchiveResult }
  | { type: 'change-log'; changeLog: ChangeLogResult }
  | { type: 'given'; version: ConnectorVersion }
  /** The group's listing held no version at all, deleted ones included: Boomi lists a group that does not exist the same way. */
  | { type: 'empty-group' }
  /** Journaled before the request leaves; `answered` closes it. One never closed has an outcome nobody knows. */
  | { type: 'sent'; id: number; request: SentRequest }
  | { type: 'answered'; id: number }
  /** The upload phase's outcome, once known; it settles every upload attempt sent before it. */
  | { type: 'upload'; upload: Exclude<UploadRecord, { kind: 'unknown' }> }
  | { type: 'twin-deleted'; version: ConnectorVersion }
  | { type: 'twin-left'; version: ConnectorVersion }
  /** A round of deletions planned: the plan's skips, and the deletions to make, newest first. */
  | { type: 'prune-plan'; round: 'room' | 'prune'; plan: PruneResult; skip: PlannedVersion[]; delete: PlannedVersion[] }
  | { type: 'deleted'; item: PlannedVersion }
  | { type: 'refused'; item: PlannedVersion }
  | { type: 'delete-failed'; version: ConnectorVersion; error: string }
  | { type: 'not-tried'; version: ConnectorVersion }
  /** The release notes the version changes carry (or, in a dry run, would carry). */
  | { type: 'release-notes'; text: string }
  | { type: 'switched'; change: SwitchResult }
  | { type: 'throttling'; stats: ThrottleStats }
  /** Which API root answered and what Boomi said about its API, read from the client when the run ends. */
  | { type: 'api'; contact: ApiContact }
  | { type: 'failed'; error: string }
  | { type: 'cancelled' }

/** Every deletion decision of the run, the rounds merged: for a version in two rounds, the later word counts. */
export interface PruningRecord extends PruneOutcome {
  /** Deletions sent whose answer never came (a forced cancel). */
  unknown: ConnectorVersion[]
}

export interface RunRecord {
  groupType: string
  dryRun: boolean
  /** Whether the inputs named an archive; absent when the inputs could not be read. */
  archiveGiven?: boolean
  archive?: ArchiveResult
  changeLog?: ChangeLogResult
  /** The run's version when it was given by version-id. */
  given?: ConnectorVersion
  /** The listing held no version: a first upload, or a group that does not exist. */
  emptyGroup?: boolean
  upload?: UploadRecord
  switches?: SwitchResult[]
  /** The release notes sent with the version changes, whether the run uploaded, reused or was given its version. */
  releaseNotes?: string
  /** The prune phase's plan; absent when only room was made for the upload. */
  prune?: PruneResult
  pruning?: PruningRecord
  /** Requests that change something, sent and never answered: what to check by hand (the fold always sets it). */
  unknown?: SentRequest[]
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

type DeletionState =
  | { status: 'planned'; item: PlannedVersion }
  | { status: 'deleted' | 'skipped'; item: PlannedVersion }
  | { status: 'failed'; item: PlannedVersion; error: string }
  | { status: 'not-tried'; item: PlannedVersion }

/** The record: one pass over what the run reported, in order. */
export function foldRun(base: Pick<RunRecord, 'groupType' | 'dryRun' | 'archiveGiven'>, events: readonly RunEvent[]): RunRecord {
  const r: RunRecord = { ...base, unknown: [] }
  const open = new Map<number, SentRequest>()
  const deletions = new Map<string, DeletionState>()
  const switches = new Map<string, SwitchResult>()
  let pruned = false
  const track = (version: ConnectorVersion, next: (item: PlannedVersion) => DeletionState): void => {
    const known = deletions.get(version.versionId)
    deletions.set(version.versionId, next(known?.item ?? { version, reason: '' }))
  }
  for (const e of events) {
    switch (e.type) {
      case 'archive':
        r.archive = e.archive
        break
      case 'change-log':
        r.changeLog = e.changeLog
        break
      case 'given':
        r.given = e.version
        break
      case 'empty-group':
        r.emptyGroup = true
        break
      case 'sent':
        open.set(e.id, e.request)
        break
      case 'answered':
        open.delete(e.id)
        break
      case 'upload':
        r.upload = e.upload.kind === 'uploaded' ? { ...e.upload, removedTwins: [...e.upload.removedTwins], strayTwins: [...e.upload.strayTwins] } : e.upload
        for (const [id, q] of open) if (q.operation === 'upload') open.delete(id)
        break
      case 'twin-deleted':
        if (r.upload?.kind === 'uploaded') r.upload.removedTwins.push(e.version)
        break
      case 'twin-left':
        if (r.upload?.kind === 'uploaded') r.upload.strayTwins.push(e.version)
        break
      case 'prune-plan':
        pruned = true
        if (e.round === 'prune') r.prune = e.plan
        for (const item of e.skip) deletions.set(item.version.versionId, { status: 'skipped', item })
        for (const item of e.delete) deletions.set(item.version.versionId, { status: 'planned', item })
        break
      case 'deleted':
        track(e.item.version, () => ({ status: 'deleted', item: e.item }))
        break
      case 'refused':
        track(e.item.version, () => ({ status: 'skipped', item: e.item }))
        break
      case 'delete-failed':
        track(e.version, item => ({ status: 'failed', item, error: e.error }))
        break
      case 'not-tried':
        track(e.version, item => ({ status: 'not-tried', item }))
        break
      case 'release-notes':
        r.releaseNotes = e.text
        break
      case 'switched':
        switches.set(e.change.classificationType, e.change)
        break
      case 'throttling':
        r.throttling = e.stats
        break
      case 'api':
        r.api = e.contact
        break
      case 'failed':
        r.error ??= e.error
        break
      case 'cancelled':
        r.cancelled = true
        break
    }
  }
  const unknown = (r.unknown = [...open.values()])
  for (const q of unknown) {
    if (q.operation === 'upload' && !r.upload) r.upload = { kind: 'unknown', changeLog: q.changeLog }
    if (q.operation === 'change' && !switches.has(q.classificationType)) {
      switches.set(q.classificationType, { classificationType: q.classificationType, versionId: q.versionId, reviewStatus: '', outcomeUnknown: true })
    }
  }
  if (switches.size) r.switches = [...switches.values()]
  if (pruned) r.pruning = pruningOf(deletions, unknown)
  return r
}

function pruningOf(deletions: ReadonlyMap<string, DeletionState>, unknown: readonly SentRequest[]): PruningRecord {
  const out: PruningRecord = { deleted: [], skipped: [], failed: [], notTried: [], unknown: [] }
  const inFlight = new Set(unknown.flatMap(q => (q.operation === 'delete' ? [q.version.versionId] : [])))
  for (const [id, d] of deletions) {
    if (d.status === 'deleted') out.deleted.push(d.item)
    else if (d.status === 'skipped') out.skipped.push(d.item)
    else if (d.status === 'failed') out.failed.push({ version: d.item.version, error: d.error })
    else if (inFlight.has(id)) out.unknown.push(d.item.version)
    // Planned and never sent: a round reports every deletion, so only a forced record has these.
    else out.notTried.push(d.item.version)
  }
  return out
}

/** The run's one journal: events appended as they happen, never edited. */
export class EventLog {
  private readonly list: RunEvent[] = []

  readonly report = (event: RunEvent): void => {
    this.list.push(event)
  }

  get all(): readonly RunEvent[] {
    return this.list
  }
}
