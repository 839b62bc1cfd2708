// The checked archive (SPEC §3.1) and its content digest (SPEC §3.3).
//
// yauzl, not fflate: yauzl reads the central directory by random access and
// streams one entry at a time, so memory stays bounded whatever the archive's
// size; fflate is faster on small files but its simple API holds the whole
// archive (and each inflated entry) in memory. Nothing is written to disk.
import { open } from 'node:fs/promises'
import yauzl, { type ZipFile } from 'yauzl'
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { CONFIG_ENTRY, type ConnectorInfo, checkLayout } from './connector-config.js'
import { type ZipDigest, archivePlace, digestZip, newWalkState } from './digest.js'
import { FileRangeReader } from './file-reader.js'
import { WORKER_MIN_BYTES, hashBeside } from './hash-beside.js'
import { ZIP_LIMITS, type ZipLimits } from './limits.js'
import { ZipDefect, ZipLimitExceeded, causeText } from './zip-errors.js'

export interface ArchiveFacts {
  /** Lower-case hex sha256 of the file's bytes. */
  sha256: string
  /** SPEC §3.3 content digest, lower-case hex. */
  contentSha256: string
  connector: ConnectorInfo
  /** Plain sentences, one per deviation from the known layout (SPEC §1); never a reason to refuse. */
  layoutWarnings: string[]
  /** File entries in the outer zip (directories left out). */
  entries: number
}

// A hostile archive could name thousands of broken jars; the log lists a few.
const MAX_LISTED_NESTED = 5

/**
 * Reads `file` as a zip — central directory, every entry inflated and its CRC-32
 * checked — and digests its content, while its sha256 is computed beside it.
 * `shownName` is how the caller names the file to the user (relative to the
 * workspace). A defect or a hostile bound is an InputError naming `archive`.
 */
export async function inspectArchive(
  file: string,
  shownName: string,
  limits: ZipLimits = ZIP_LIMITS,
  workerMinBytes = WORKER_MIN_BYTES
): Promise<ArchiveFacts> {
  const handle = await open(file, 'r')
  let hashing: ReturnType<typeof hashBeside> | undefined
  try {
    const { size } = await handle.stat()
    hashing = hashBeside(file, size, workerMinBytes)
    const [content, sha256] = await Promise.all([readZip(new FileRangeReader(handle), size, shownName, limits), hashing.hex])
    const layout = checkLayout(content.names, content.captured.get(CONFIG_ENTRY), limits.maxConfigBytes)
    return {
      sha256,
      contentSha256: content.digest,
      connector: layout.connector,
      layoutWarnings: [...layout.warnings, ...content.warnings],
      entries: content.names.length
    }
  } finally {
    hashing?.stop()
    await handle.close()
  }
}

async function readZip(reader: FileRangeReader, size: number, shownName: string, limits: ZipLimits): Promise<ZipDigest & { warnings: string[] }> {
  const state = newWalkState(limits)
  let zip: ZipFile | undefined
  try {
    try {
      zip = await yauzl.fromRandomAccessReaderPromise(reader, size, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true })
    } catch (err) {
      throw new ZipDefect(`its central directory cannot be read (${causeText(err)})`)
    }
    const digest = await digestZip(zip, state, archivePlace(reader, limits), name => name === CONFIG_ENTRY)
    return { ...digest, warnings: nestedWarnings(state.unreadableNested) }
  } catch (err) {
    throw asInputError(err, shownName)
  } finally {
    zip?.close()
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
  return err
}

function nestedWarnings(unreadable: { label: string; problem: string }[]): string[] {
  const listed = unreadable
    .slice(0, MAX_LISTED_NESTED)
    .map(({ label, problem }) => `${label} is named like a zip but does not read as one (${problem}); its content digest uses its bytes.`)
  const more = unreadable.length - MAX_LISTED_NESTED
  if (more > 0) listed.push(`${more} more nested archives do not read as zips; their content digests use their bytes.`)
  return listed
}
