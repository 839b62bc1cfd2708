// The checked archive (docs/behaviour.md, "Validation") and its content digest
// ("Identity"), from one open descriptor read once from the front: the zip's
// checks, its content digest and the file's sha256 come from that read (for a
// large archive, the sha256 from a worker reading the same descriptor beside it).
// Nothing is written to disk.
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { CONFIG_ENTRY, type ConnectorInfo, checkLayout } from './connector-config.js'
import { AHEAD_BYTES, ASYNC_MIN_BYTES, digestArchive, newWalkState } from './digest.js'
import { FilePass, ownReadsBytes } from './file-pass.js'
import { type ReadBeside, WORKER_MIN_BYTES, besideBytes, readBeside } from './hash-beside.js'
import { LaneSum } from '../lane-sum.js'
import { ZIP_LIMITS, type ZipLimits } from './limits.js'
import { ArchiveFile, NotARegularFile } from './open.js'
import { ZipDefect, ZipLimitExceeded, causeText } from './zip-errors.js'

export { ArchiveFile } from './open.js'

export interface ArchiveFacts {
  /** Lower-case hex sha256 of the file's bytes. */
  sha256: string
  /** The content digest, lower-case hex. */
  contentSha256: string
  connector: ConnectorInfo
  /** Plain sentences, one per deviation from the known layout; never a reason to refuse. */
  layoutWarnings: string[]
  /** File entries in the outer zip (directories left out). */
  entries: number
  /**
   * The archive, still open: the upload reads these same bytes through it. The
   * caller closes it when the run ends.
   */
  file: ArchiveFile
}

// A hostile archive could name thousands of broken jars; the log lists a few.
const MAX_LISTED = 5

/** How the check goes about its work; the defaults are what a release uses, the others are for tests. */
export interface InspectOptions {
  limits?: ZipLimits
  /** From this size the file is read, and its sha256 taken, on a worker (hash-beside.ts). */
  workerMinBytes?: number
  /** Bytes of jars inflated ahead of the walk (digest.ts, AHEAD_BYTES); 0 reads and walks each in turn. */
  aheadBytes?: number
  /** Compressed bytes from which a jar held ahead inflates on zlib's threads (digest.ts, ASYNC_MIN_BYTES). */
  asyncMinBytes?: number
}

/**
 * Opens `path` once and reads it as a zip — central directory, every entry
 * inflated and its CRC-32 checked — computing its content digest, the file's
 * lane sum and its sha256 from that one read: made by this thread or, from
 * `workerMinBytes`, by another thread that takes the sha256 while this one walks
 * the same bytes. The descriptor's size and times are compared once the check is
 * done. `shownName` is how the caller names the file to the user (relative to the
 * workspace). A defect or a hostile bound is an InputError naming `archive`, and
 * the file is closed again.
 */
export async function inspectArchive(path: string, shownName: string, options: InspectOptions = {}): Promise<ArchiveFacts> {
  const { limits = ZIP_LIMITS, workerMinBytes = WORKER_MIN_BYTES, aheadBytes = AHEAD_BYTES, asyncMinBytes = ASYNC_MIN_BYTES } = options
  const file = await openArchive(path, shownName)
  let beside: ReadBeside | undefined
  try {
    const large = file.size >= workerMinBytes
    // The reads land in the lane sum's memory: it sums each chunk where it lies (src/lane-sum.ts).
    const sum = new LaneSum(large ? besideBytes(file.size) : ownReadsBytes(file.size))
    beside = large ? startBeside(file, sum) : undefined
    const state = newWalkState(limits, aheadBytes, asyncMinBytes)
    const [content, besideSha256] = await Promise.all([
      digestArchive(file, new FilePass(file, sum, beside?.chunks), state, CONFIG_ENTRY),
      beside?.sha256
    ]).catch((err: unknown) => {
      throw asInputError(err, shownName)
    })
    const sums = { sha256: content.sums.sha256 ?? besideSha256!, laneSum: content.sums.laneSum }
    file.checked(sums)
    const changed = await file.changed()
    if (changed) throw new InputError(Input.archive, `${Input.archive} ${shownName} changed while it was being checked (${changed}). ${NO_WRITERS}`)
    const layout = checkLayout(content.keys, content.captured, limits.maxConfigBytes)
    return {
      sha256: sums.sha256,
      contentSha256: content.digest,
      connector: layout.connector,
      layoutWarnings: [...layout.warnings, ...listed(state.backslashed.map(backslashWarning), backslashMore), ...nestedWarnings(state.unreadableNested)],
      entries: content.keys.length,
      file
    }
  } catch (err) {
    await beside?.stop()
    await file.close()
    throw err
  } finally {
    void beside?.stop()
  }
}

/** The file read and hashed by a worker, or undefined (this thread reads and hashes) when no worker can start. */
function startBeside(file: ArchiveFile, sum: LaneSum): ReadBeside | undefined {
  try {
    return readBeside(file.fd, file.size, sum)
  } catch {
    return undefined
  }
}

const NO_WRITERS = 'Make sure nothing else writes the archive during the release.'

async function openArchive(path: string, shownName: string): Promise<ArchiveFile> {
  try {
    return await ArchiveFile.open(path)
  } catch (err) {
    const why = err instanceof NotARegularFile ? err.message : `it cannot be opened: ${(err as NodeJS.ErrnoException).code ?? causeText(err)}`
    throw new InputError(
      Input.archive,
      `${Input.archive} ${shownName} cannot be read (${why}). Point ${Input.archive} at the connector zip itself. ${NO_WRITERS}`,
      {
        cause: err
      }
    )
  }
}

function asInputError(err: unknown, shownName: string): unknown {
  const file = `${Input.archive} ${shownName}`
  if (err instanceof ZipDefect) {
    return new InputError(
      Input.archive,
      `${file} is not a readable zip: ${err.problem}. Rebuild the archive (e.g. ./gradlew build) and check that nothing truncated or altered it on the way.`
    )
  }
  if (err instanceof ZipLimitExceeded) {
    return new InputError(
      Input.archive,
      `${file} is refused as a possible zip bomb: ${err.problem}. A connector archive stays far below these bounds; check that ${Input.archive} names the connector zip.`
    )
  }
  if (err instanceof InputError) return err
  // The descriptor failed mid-read (EIO, a file cut short under us): the archive cannot be trusted.
  return new InputError(Input.archive, `${file} could not be read to its end (${causeText(err)}). ${NO_WRITERS}`, { cause: err })
}

const backslashWarning = (label: string): string =>
  `${label} has a backslash in its name; Java does not read \\ as a separator, so it will not find this class or resource (rebuild the archive with / in entry names).`
const backslashMore = (more: number): string => `${more} more entries have a backslash in their names.`

function nestedWarnings(unreadable: { label: string; problem: string }[]): string[] {
  return listed(
    unreadable.map(({ label, problem }) => `${label} is named like a zip but does not read as one (${problem}); its content digest uses its bytes.`),
    more => `${more} more nested archives do not read as zips; their content digests use their bytes.`
  )
}

function listed(lines: string[], more: (n: number) => string): string[] {
  const shown = lines.slice(0, MAX_LISTED)
  if (lines.length > MAX_LISTED) shown.push(more(lines.length - MAX_LISTED))
  return shown
}
