/**
 * A connector version as the client hands it on, after `src/boomi/answers.ts`
 * checked and normalised Boomi's answer. The fields that decide whether a
 * version may be deleted are read two ways on purpose: tolerantly where a
 * spelling could mean "protected" (so it protects), strictly where a wrong
 * reading would delete (so an unknown spelling stops the run instead).
 */
export interface ConnectorVersion {
  /** Non-empty, bounded, no control characters; an integer from Boomi becomes its decimal text. */
  versionId: string
  groupType?: string
  displayVersion?: string
  changeLog?: string
  /**
   * Strict: as Boomi gave it, but only an ISO 8601 date-time with a zone gets
   * here (anything else stops the run); absent when Boomi gave none, and the
   * planner leaves such a version alone. It orders pruning.
   */
  uploadedDate?: string
  /** Describes only: the user object's `email`, or the text Boomi gave; raw, escaped where shown. */
  uploadedBy?: string
  /**
   * Strict: true, "true" (any case), 1 or "1" mean deleted; false, "false", 0, "0",
   * null or absent mean live. Any other value makes the listing not understood.
   * Read strictly because a version wrongly taken as deleted loses its protection
   * and frees a keep place for a version that must go.
   */
  deleted: boolean
  deletedDate?: string
  /**
   * Trimmed and upper-cased; unknown values are kept, so the planner can protect
   * any non-empty status it does not know. Absent when Boomi gave none (or only blanks).
   */
  reviewStatus?: string
  /**
   * Tolerant: true, "true", "yes", 1 (any case) → true; false, "false", 0,
   * null or absent → false; anything else → 'unclear', which protects.
   */
  releaseVersion: boolean | 'unclear'
  /** Describes only, like `displayVersion`, `deletedDate` and `carLink`: absent when not text. */
  carLink?: string
}

/** Boomi's answer to switching a classification to a version (docs/boomi-api.md, "Answers"; docs/behaviour.md, "Switching classifications"). */
export type ReviewStatus = 'APPROVED' | 'PENDING' | 'REJECTED' | 'CANCELLED'

export interface VersionChange {
  /** The group type, `-`, the label: `acme-Q7XK2P-sample-uat`. */
  classificationType: string
  versionId: string
  /** APPROVED: switched; PENDING: awaiting approval or a scheduled release. */
  reviewStatus: ReviewStatus
  /** Boomi's `reviewReason`, when it gave one as text: it only describes. */
  reviewReason?: string
}
