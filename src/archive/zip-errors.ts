// Two ways reading a zip can fail, kept apart because they are handled apart:
// a defect in a nested jar makes it digest as bytes, a defect in the archive is a
// bad input, and a limit is a bad input wherever it is hit (a hostile archive must
// not get around a bound by nesting).

/** The zip cannot be read: its central directory, an entry's name, inflation or CRC. */
export class ZipDefect extends Error {
  constructor(
    /** What is wrong, as the end of "… is not a readable zip: <problem>". */
    readonly problem: string
  ) {
    super(problem)
    this.name = 'ZipDefect'
  }
}

/** A bound of ZipLimits was reached. */
export class ZipLimitExceeded extends Error {
  constructor(
    /** The bound and where it was hit, as the end of "… is refused: <problem>". */
    readonly problem: string
  ) {
    super(problem)
    this.name = 'ZipLimitExceeded'
  }
}

/** The file system's and zlib's own words, bounded: they end up in a user-facing message. */
export function causeText(err: unknown): string {
  const text = (err instanceof Error ? err.message : String(err)).replace(/^Error: /, '')
  const oneLine = Array.from(text, c => (isControl(c) ? ' ' : c))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim()
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine
}

/** C0 controls and DEL: a tab or new line in a name could forge a line of the digest text or of the log. */
export function isControl(c: string): boolean {
  const code = c.charCodeAt(0)
  return code < 0x20 || code === 0x7f
}
