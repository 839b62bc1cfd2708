// Pure decisions about a group's versions: which one an archive duplicates, and
// what pruning keeps, deletes and leaves alone. No I/O; the clock is an argument.
import { PROTECTED_REVIEW_STATUSES, RELEASE_VERSION_IS_PROTECTED } from '../boomi/contract.js'
import { type ArchiveIds, type MatchKind, carriesUploadId, matchKind } from './changelog.js'
import type { ConnectorVersion } from './versions.js'
import { plural } from '../text.js'

const DAY_MS = 86_400_000

function uploadedAt(v: ConnectorVersion): number {
  return v.uploadedDate ? Date.parse(v.uploadedDate) : NaN
}

function compareIdsDescending(a: string, b: string): number {
  const numeric = /^\d+$/
  if (numeric.test(a) && numeric.test(b)) {
    const x = BigInt(a)
    const y = BigInt(b)
    return x === y ? 0 : x > y ? -1 : 1
  }
  return a === b ? 0 : a > b ? -1 : 1
}

/** Newest first by `uploadedDate`; ties go to the larger numeric `versionId`. */
export function newestFirst(a: ConnectorVersion, b: ConnectorVersion): number {
  const byDate = uploadedAt(b) - uploadedAt(a)
  return byDate !== 0 && !Number.isNaN(byDate) ? byDate : compareIdsDescending(a.versionId, b.versionId)
}

export function liveVersions(listing: readonly ConnectorVersion[]): ConnectorVersion[] {
  return listing.filter(v => v.deleted !== true)
}

export interface Duplicates {
  /** Newest first. */
  versions: ConnectorVersion[]
  /** How the newest one matched. */
  match: MatchKind
}

/** Live versions whose change log carries this archive's `sha256` or `content-sha256` line, newest first. */
export function findDuplicates(listing: readonly ConnectorVersion[], ids: ArchiveIds): Duplicates | undefined {
  const matched = liveVersions(listing)
    .map(v => ({ v, match: matchKind(v.changeLog, ids) }))
    .filter((m): m is { v: ConnectorVersion; match: MatchKind } => m.match !== undefined)
    .sort((a, b) => newestFirst(a.v, b.v))
  return matched.length ? { versions: matched.map(m => m.v), match: matched[0].match } : undefined
}

/**
 * After an upload whose answer was lost: a live version carrying this exact
 * archive's checksum line and this run's upload ID is this run's upload. A
 * rebuild's content line alone does not prove it, nor the checksum without
 * the ID: another run may have uploaded the same archive meanwhile, and its
 * version is its own; and no version from before the run carries the ID,
 * drawn afresh for it.
 */
export function findLostUpload(listing: readonly ConnectorVersion[], sha256: string, uploadId: string): ConnectorVersion[] {
  return liveVersions(listing)
    .filter(v => carriesUploadId(v.changeLog, uploadId) && matchKind(v.changeLog, { sha256 }) === 'sha256')
    .sort(newestFirst)
}

export interface PlannedVersion {
  version: ConnectorVersion
  reason: string
}

export interface PrunePlan {
  keep: PlannedVersion[]
  delete: PlannedVersion[]
  /** Candidates left alone because Boomi would refuse, or we cannot order them. */
  skip: PlannedVersion[]
}

export interface PruneRequest {
  listing: readonly ConnectorVersion[]
  keepLatest: number
  minAgeDays?: number
  now: number
  /** The version this run uploaded or reused: never touched. */
  runVersionId?: string
  /** True when the run's version was uploaded by it: it is the newest, whatever its date says. */
  runVersionUploaded?: boolean
  /** A dry run that would upload: the archive takes the first place. */
  pendingUpload?: boolean
}

/**
 * Read to protect: a review status Boomi protects, or one we do not know (only
 * CANCELLED is known to allow deletion), and a release flag that is set or unclear.
 */
export function protectionReason(v: ConnectorVersion): string | undefined {
  if (v.reviewStatus && PROTECTED_REVIEW_STATUSES.has(v.reviewStatus)) return `review status ${v.reviewStatus}`
  if (v.reviewStatus && v.reviewStatus !== 'CANCELLED') return `review status ${v.reviewStatus} (not understood, so left alone)`
  if (RELEASE_VERSION_IS_PROTECTED && v.releaseVersion === true) return 'release version'
  if (v.releaseVersion === 'unclear') return 'release version flag not understood, so left alone'
  return undefined
}

/**
 * Left alone only because a field that decides was not understood, not
 * because Boomi would refuse: on first contact, the sign that Boomi writes a
 * value this release does not read (pruning can never delete such a version).
 */
export function unreadDecidingField(v: ConnectorVersion): boolean {
  const status = v.reviewStatus
  // Protected for a reason understood: Boomi would refuse its deletion whatever else is unclear.
  if ((status && PROTECTED_REVIEW_STATUSES.has(status)) || (RELEASE_VERSION_IS_PROTECTED && v.releaseVersion === true)) return false
  const unknownStatus = !!status && status !== 'CANCELLED'
  return unknownStatus || v.releaseVersion === 'unclear' || Number.isNaN(uploadedAt(v))
}

export function planPrune(req: PruneRequest): PrunePlan {
  const plan: PrunePlan = { keep: [], delete: [], skip: [] }
  const live = liveVersions(req.listing)
  const dated = live.filter(v => !Number.isNaN(uploadedAt(v)))
  for (const v of live) {
    if (!dated.includes(v) && v.versionId !== req.runVersionId) plan.skip.push({ version: v, reason: 'upload date missing or unreadable' })
  }
  // Only dated versions are sorted: one without a date compared by ID to them all would make
  // the order depend on the listing's wherever IDs and dates disagree.
  dated.sort(newestFirst)
  const run = live.find(v => v.versionId === req.runVersionId)
  if (run && req.runVersionUploaded) {
    // Uploaded by this run: the newest, whatever its date says.
    if (dated.includes(run)) dated.splice(dated.indexOf(run), 1)
    dated.unshift(run)
  } else if (run && !dated.includes(run)) {
    // Reused, with no date to place it by: kept, after the others, so it takes none of their places.
    dated.push(run)
  }

  const places = Math.max(0, req.keepLatest - (req.pendingUpload ? 1 : 0))
  const minAge = req.minAgeDays === undefined ? undefined : { ms: req.minAgeDays * DAY_MS, days: plural(req.minAgeDays, 'day') }
  dated.forEach((v, index) => {
    if (v.versionId === req.runVersionId) {
      plan.keep.push({ version: v, reason: req.runVersionUploaded ? 'uploaded by this run' : 'reused by this run' })
    } else if (index < places) {
      plan.keep.push({ version: v, reason: `among the newest ${req.keepLatest}` })
    } else if (minAge !== undefined && req.now - uploadedAt(v) < minAge.ms) {
      plan.keep.push({ version: v, reason: `younger than ${minAge.days}` })
    } else {
      const protectedBy = protectionReason(v)
      if (protectedBy) plan.skip.push({ version: v, reason: protectedBy })
      else plan.delete.push({ version: v, reason: `older than the newest ${req.keepLatest}${minAge !== undefined ? ` and ${minAge.days}` : ''}` })
    }
  })
  return plan
}
