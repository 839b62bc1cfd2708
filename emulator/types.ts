/**
 * The emulator's vocabulary: what it stores, what it records, what a test can script.
 * Exported again from `server.ts`, which stays the one import for tests and scripts.
 */

export type ReviewStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'CANCELLED'

export interface VersionRecord {
  versionId: string
  groupType: string
  displayVersion: string
  changeLog: string
  uploadedDate: string
  /** The uploader's email; answers write it as Boomi's user object (see shape.ts). */
  uploadedBy: string
  deleted: boolean
  deletedDate?: string
  /** The email of who deleted it (answers write it as a user object). */
  deletedBy?: string
  reviewStatus?: ReviewStatus
  releaseVersion: boolean
  carLink: string
  /**
   * A classification label that uses this version or has it pending (e.g. 'prod'). Derived from
   * the classifications when a record is read; given in `seed()`, it creates that classification
   * (PRIVATE unless the label already exists). Never in answers.
   */
  inUse?: string
  archiveSha256?: string // not in answers
  archiveSize?: number // not in answers
}

/** Shape accepted by `seed()`: anything not given gets a default. */
export type SeedVersion = Partial<VersionRecord> & { groupType: string; uploadedDate: string }

export type Visibility = 'PRIVATE' | 'PUBLIC'

/** One classification of a group (`uat`, `prod`, …): the version it points at, and any approval request. */
export interface Classification {
  versionId?: string
  visibility: Visibility
  pending?: { versionId: string; releaseNotes: string }
  /** When it was created and last changed (set by the first version change when not given). */
  dateCreated?: string
  lastModifiedDate?: string
}

/** A ConnectorVersionChange that reached the operation (admitted, not faulted), whatever it answered. */
export interface VersionChangeRecord {
  classificationType: string
  versionId: string
  releaseNotes: string
  status: number
  answer: object
}

export type Operation = 'create' | 'query' | 'queryMore' | 'delete' | 'versionChange' | 'unknown'

export interface RecordedRequest {
  operation: Operation
  method: string
  path: string // pathname, without query string
  status: number // status actually answered; 0 if the connection was dropped (either side)
  arrivedAt: number // performance.now() when the request's headers arrived
  headers: Record<string, string | string[] | undefined>
  body?: string // raw body for non-multipart requests (first 1 MiB)
  fields?: Record<string, string> // multipart text parts
  fileName?: string
  fileSize?: number
  fileSha256?: string
  partOrder?: string[] // names of the multipart parts in order
  rateLimited?: boolean
  versionId?: string // the version this request created or deleted (even if the answer was lost)
  groupType?: string // the connector group the request names, when it names one (for per-group counts)
}

export type Fault =
  | { status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  | { dropAfterCreate: true }
  | { dropBeforeBody: true }
  | { hangMs: number }

/** Seconds-precision ISO 8601, like the platform API ("2024-05-01T10:00:00Z"). */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
