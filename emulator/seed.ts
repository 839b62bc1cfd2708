/**
 * Realistic, deterministic connector-group histories for the emulator.
 *
 * `seedGroup` builds `count` versions in chronological order (oldest first), then inserts them
 * in shuffled order, so versionIds (assigned at insertion) do not follow upload dates: a client
 * that orders by versionId instead of uploadedDate gets caught. Everything comes from one
 * seeded PRNG, so the same options give the same records on a fresh emulator.
 */
import { isoSeconds, type Emulator, type ReviewStatus, type SeedVersion, type VersionRecord } from './server.js'

export interface SeedGroupOptions {
  groupType: string
  count: number
  seed?: number // PRNG seed, default 1
  startDate?: Date // date of the oldest version, default 2023-01-02T09:00:00Z
  spacingHours?: number // time between consecutive versions, default 24
  protectedKinds?: boolean // include deleted, every review status, release versions, and classifications uat (PRIVATE) and prod (PUBLIC) on older versions
  shuffle?: boolean // insert in shuffled order, default true
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SUBJECTS = [
  'fix paging in ListOrders',
  'add Invoice object type',
  'retry on HTTP 429 from the vendor API',
  'upgrade vendor SDK',
  'support OAuth 2.0 client credentials',
  'better error messages for bad credentials',
  'browse custom fields',
  'performance: stream large documents'
]
const HUMANS = ['jane.doe@acme.example', 'raj.patel@acme.example']
const REVIEW_STATUSES: ReviewStatus[] = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED']
const IN_USE = ['prod', 'uat']
const NEWEST_LEFT_PLAIN = 3 // the newest versions are never protected (the tie sits among them)

export function seedGroup(emu: Emulator, opts: SeedGroupOptions): VersionRecord[] {
  const rnd = prng(opts.seed ?? 1)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('')
  const { count, groupType } = opts
  const spacingMs = (opts.spacingHours ?? 24) * 3_600_000
  const start = (opts.startDate ?? new Date('2023-01-02T09:00:00Z')).getTime()
  if (!(spacingMs > 0)) throw new Error('seedGroup: spacingHours must be > 0')

  const fmt = (ms: number): string => (ms % 1000 === 0 ? isoSeconds(new Date(ms)) : new Date(ms).toISOString())
  const drafts: SeedVersion[] = []
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    // Jitter in whole seconds, below half the spacing: dates stay distinct and in order.
    const jitter = spacingMs >= 2000 ? Math.floor((rnd() * spacingMs) / 2 / 1000) * 1000 : 0
    const t = start + i * spacingMs + jitter
    times.push(t)
    const sha = hex(64)
    const fromCi = rnd() < 0.75 // CI uploads carry the action's checksum line
    const subject = `Release 1.${Math.floor(i / 10)}.${i % 10}: ${pick(SUBJECTS)}`
    drafts.push({
      groupType,
      uploadedDate: fmt(t),
      displayVersion: String(i + 1),
      changeLog: fromCi ? `${subject}\n\nsha256: ${sha}` : rnd() < 0.3 ? '' : subject,
      uploadedBy: fromCi ? emu.username : pick(HUMANS),
      archiveSha256: sha,
      archiveSize: 20_000 + Math.floor(rnd() * 3_000_000)
    })
  }
  // A tie: the 2nd and 3rd newest share an upload date (tie-break is the larger versionId).
  if (count >= 3) drafts[count - 3].uploadedDate = drafts[count - 2].uploadedDate

  if (opts.protectedKinds) {
    const nDeleted = Math.max(2, Math.floor(count * 0.15))
    const nRelease = Math.max(2, Math.floor(count * 0.02))
    const needed = nDeleted + REVIEW_STATUSES.length + nRelease + IN_USE.length
    const pool = shuffled(
      Array.from({ length: Math.max(0, count - NEWEST_LEFT_PLAIN) }, (_, i) => i),
      rnd
    )
    if (pool.length < needed) {
      throw new Error(`seedGroup: protectedKinds needs count >= ${needed + NEWEST_LEFT_PLAIN}`)
    }
    let k = 0
    for (let n = 0; n < nDeleted; n++) {
      const i = pool[k++]
      drafts[i].deleted = true
      // Deleted some time after upload, never after the newest upload.
      const later = Math.min(times[i] + Math.ceil(rnd() * 10) * spacingMs, times[count - 1])
      drafts[i].deletedDate = fmt(Math.max(later, times[i]))
    }
    for (const status of REVIEW_STATUSES) drafts[pool[k++]].reviewStatus = status
    for (let n = 0; n < nRelease; n++) drafts[pool[k++]].releaseVersion = true
    for (const classification of IN_USE) drafts[pool[k++]].inUse = classification
  }

  const stored = emu.seed(opts.shuffle === false ? drafts : shuffled(drafts, rnd))
  // uat is the developers' own (PRIVATE: switches at once); prod is what customers use (PUBLIC:
  // a switch waits for Boomi's approval).
  const prod = stored.find(v => v.inUse === 'prod')
  if (prod) emu.setClassification(groupType, 'prod', { versionId: prod.versionId, visibility: 'PUBLIC' })
  return stored
}

/**
 * What the CLI's `--group … --seed N` does: each group gets N versions, one a day, ending about
 * a day before `now`, every protected kind included when N >= 13. The first group gets PRNG
 * seed 1, as it always has (benchmarks reproduce it in-process); the next ones 2, 3, …
 */
export function seedGroups(emu: Emulator, groups: string[], count: number, now = new Date()): void {
  if (count === 0) return
  const spacingHours = 24
  const startDate = new Date(now.getTime() - count * spacingHours * 3_600_000)
  startDate.setUTCHours(9, 0, 0, 0)
  groups.forEach((groupType, i) => seedGroup(emu, { groupType, count, seed: i + 1, startDate, spacingHours, protectedKinds: count >= 13 }))
}

/** Fisher–Yates on a copy. */
function shuffled<T>(xs: T[], rnd: () => number): T[] {
  const a = [...xs]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a
}
