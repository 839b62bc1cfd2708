// Two ways reading a zip can fail, kept apart because they are handled apart:
// a defect in a nested jar makes it digest as bytes, a defect in the archive is a
// bad input, and a limit is a bad input wherever it is hit (a hostile archive must
// not get around a bound by nesting).
import { cut } from '../domain/untrusted.js'
import { hasByteControl } from '../text.js'

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
  const oneLine = Array.from(text, c => (hasByteControl(c) ? ' ' : c))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim()
  return cut(oneLine, 200)
}
