// Bounds on what an archive may make us do. The archive is untrusted input: a
// small hostile file could otherwise ask for terabytes of inflation, millions of
// entries or unbounded nesting. Each bound is named in the error it causes.

export interface ZipLimits {
  /** Bytes inflated in all, the outer zip's entries and every nested zip's entries counted. */
  maxInflatedBytes: number
  /** Entries in any one zip (outer or nested). */
  maxEntriesPerZip: number
  /** Entries across the outer zip and every nested zip read. */
  maxEntriesTotal: number
  /** Nested zips are read as zips this many levels below the archive; deeper ones are digested as bytes. */
  maxNestingDepth: number
  /**
   * Bytes of nested zips held in memory at once. A nested jar sits inside a
   * compressed stream and reading a zip needs random access, so it is buffered;
   * one that would not fit is digested as plain bytes instead of failing (docs/behaviour.md, "Identity"
   * reads "reads as a zip" as "reads as a zip within this bound"). The archive's jars inflated
   * ahead of the walk are bounded apart (digest.ts, AHEAD_BYTES).
   */
  maxNestedBufferBytes: number
  /** Largest META-INF/connector-config.xml that is read for the layout check. */
  maxConfigBytes: number
  /** Largest central directory read into memory (one zip's; a real connector's is a few hundred kB). */
  maxDirectoryBytes: number
}

const MiB = 1024 * 1024

export const ZIP_LIMITS: ZipLimits = {
  // 4 GiB: four times a real 1 GiB archive, a hundred times Boomi's 40 MB guidance.
  maxInflatedBytes: 4 * 1024 * MiB,
  // The classic zip format's own ceiling; a connector has hundreds.
  maxEntriesPerZip: 65_535,
  maxEntriesTotal: 262_144,
  maxNestingDepth: 2,
  // Two levels of 48 MiB at most in all keeps a release within its 120 MB RSS target.
  maxNestedBufferBytes: 48 * MiB,
  maxConfigBytes: 1 * MiB,
  // 65,535 entries with names of 250 bytes: far past any connector, far below the RSS target.
  maxDirectoryBytes: 20 * MiB
}
