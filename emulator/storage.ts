/**
 * The account's versions: insertion order (= query order), account-wide IDs, per-group display
 * counters, and the paging cursors handed out as query tokens.
 */
import { randomBytes } from 'node:crypto'
import type { SeedVersion, VersionRecord } from './types.js'

interface Cursor {
  items: VersionRecord[]
  offset: number
  groupType: string
}

const FIRST_ID = 1001

export class VersionStore {
  private list: VersionRecord[] = []
  private byId = new Map<string, VersionRecord>()
  private nextId = FIRST_ID
  private counters = new Map<string, number>()
  private cursors = new Map<string, Cursor>()

  constructor(
    private readonly accountId: string,
    private readonly defaultUploader: string
  ) {}

  /** Stores a version; IDs continue the account-wide sequence unless given (a given numeric one moves it on). */
  insert(v: SeedVersion): VersionRecord {
    const versionId = this.claimId(v.versionId)
    const rec: VersionRecord = {
      versionId,
      groupType: v.groupType,
      displayVersion: this.claimDisplayVersion(v.groupType, v.displayVersion),
      changeLog: v.changeLog ?? '',
      uploadedDate: v.uploadedDate,
      uploadedBy: v.uploadedBy ?? this.defaultUploader,
      deleted: v.deleted ?? false,
      releaseVersion: v.releaseVersion ?? false,
      carLink: v.carLink ?? this.carLink(v.groupType, versionId)
    }
    if (rec.deleted) {
      rec.deletedDate = v.deletedDate ?? v.uploadedDate
      rec.deletedBy = v.deletedBy ?? rec.uploadedBy
    }
    if (v.reviewStatus !== undefined) rec.reviewStatus = v.reviewStatus
    if (v.archiveSha256 !== undefined) rec.archiveSha256 = v.archiveSha256
    if (v.archiveSize !== undefined) rec.archiveSize = v.archiveSize
    this.list.push(rec)
    this.byId.set(versionId, rec)
    return rec
  }

  get(versionId: string): VersionRecord | undefined {
    return this.byId.get(versionId)
  }

  /** The stored records themselves (not copies), in query order. */
  all(groupType?: string): VersionRecord[] {
    return groupType === undefined ? [...this.list] : this.list.filter(v => v.groupType === groupType)
  }

  liveCount(): number {
    return this.list.reduce((n, v) => (v.deleted ? n : n + 1), 0)
  }

  /** Opens a cursor over `items` from `offset`; the token is opaque standard base64 ('+' and '/' included). */
  openCursor(items: VersionRecord[], offset: number, groupType: string): string {
    const token = randomBytes(48).toString('base64')
    this.cursors.set(token, { items, offset, groupType })
    return token
  }

  /** A token is good for one use only. */
  takeCursor(token: string): Cursor | undefined {
    const cursor = this.cursors.get(token)
    this.cursors.delete(token)
    return cursor
  }

  peekCursor(token: string): Cursor | undefined {
    return this.cursors.get(token)
  }

  reset(): void {
    this.list = []
    this.byId.clear()
    this.nextId = FIRST_ID
    this.counters.clear()
    this.cursors.clear()
  }

  private claimId(given: string | undefined): string {
    if (given === undefined) return String(this.nextId++)
    if (this.byId.has(given)) throw new Error(`emulator: duplicate versionId ${given}`)
    if (/^\d+$/.test(given)) this.nextId = Math.max(this.nextId, Number(given) + 1)
    return given
  }

  /** A per-group counter; an explicit numeric value moves the counter up to it. */
  private claimDisplayVersion(groupType: string, given: string | undefined): string {
    const last = this.counters.get(groupType) ?? 0
    if (given === undefined) {
      this.counters.set(groupType, last + 1)
      return String(last + 1)
    }
    this.counters.set(groupType, Math.max(last, Number(given) || 0))
    return given
  }

  private carLink(groupType: string, versionId: string): string {
    return `https://connector-archives.boomi.example/${encodeURIComponent(this.accountId)}/${encodeURIComponent(groupType)}/${versionId}/connector.car.zip`
  }
}
