import { createHash } from 'node:crypto'
import { crc32 } from 'node:zlib'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { entryContent } from './entry-content.js'
import { type ZipLimits, formatBytes } from './limits.js'
import { ZipDefect, ZipLimitExceeded, causeText, isControl } from './zip-errors.js'

/** What the walk over one archive has left to spend, and what it noticed on the way. */
export interface WalkState {
  limits: ZipLimits
  inflatedLeft: number
  entriesLeft: number
  bufferLeft: number
  /** Nested archives that looked like zips by name but did not read as one. */
  unreadableNested: { label: string; problem: string }[]
}

export function newWalkState(limits: ZipLimits): WalkState {
  return { limits, inflatedLeft: limits.maxInflatedBytes, entriesLeft: limits.maxEntriesTotal, bufferLeft: limits.maxNestedBufferBytes, unreadableNested: [] }
}

/** Where a zip sits: '' and 0 for the archive, 'lib/a.jar!/' and 1 for a jar in it. */
interface Place {
  prefix: string
  depth: number
  /** The nested zip's bytes, when it was read from memory. */
  source?: Buffer
}

export interface ZipDigest {
  /** SPEC §3.3's content digest, lower-case hex. */
  digest: string
  /** File entries (directories left out), in central directory order. */
  names: string[]
  /** Bytes of the entries `capture` asked for, when no larger than limits.maxConfigBytes. */
  captured: Map<string, Buffer>
}

const NESTED = /\.(jar|zip|car)$/i

/**
 * Checks every entry of `zip` (it inflates, its size and CRC-32 match) and computes
 * its content digest, reading nested zips as zips down to limits.maxNestingDepth.
 * Entries are read in the order they lie in the file, so reads move forward only.
 */
export async function digestZip(zip: ZipFile, state: WalkState, capture?: (name: string) => boolean, at: Place = { prefix: '', depth: 0 }): Promise<ZipDigest> {
  const entries = await listEntries(zip, state, at)
  const lines: { name: Buffer; line: Buffer }[] = []
  const captured = new Map<string, Buffer>()
  const inFileOrder = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader)
  for (const entry of inFileOrder) {
    const keep = capture?.(entry.fileName) === true && entry.uncompressedSize <= state.limits.maxConfigBytes
    const { digest, body } = await digestEntry(zip, entry, state, at, keep)
    if (keep && body) captured.set(entry.fileName, body)
    const name = Buffer.from(entry.fileName, 'utf8')
    lines.push({ name, line: Buffer.concat([name, Buffer.from(`\t${digest}\n`, 'latin1')]) })
  }
  lines.sort((a, b) => Buffer.compare(a.name, b.name))
  const hash = createHash('sha256')
  for (const { line } of lines) hash.update(line)
  return { digest: hash.digest('hex'), names: entries.map(e => e.fileName), captured }
}

/** The file entries of the central directory, after the bounds and name checks; nothing is inflated yet. */
async function listEntries(zip: ZipFile, state: WalkState, at: Place): Promise<Entry[]> {
  const { limits } = state
  const where = at.depth === 0 ? 'the archive' : `${at.prefix.slice(0, -2)}`
  if (zip.entryCount > limits.maxEntriesPerZip) {
    throw new ZipLimitExceeded(
      `${where} holds ${zip.entryCount.toLocaleString('en-US')} entries, more than the limit of ${limits.maxEntriesPerZip.toLocaleString('en-US')} per zip`
    )
  }
  state.entriesLeft -= zip.entryCount
  if (state.entriesLeft < 0) {
    throw new ZipLimitExceeded(
      `it holds more than ${limits.maxEntriesTotal.toLocaleString('en-US')} entries in all, nested archives counted (the limit), at ${where}`
    )
  }
  const files: Entry[] = []
  const seen = new Set<string>()
  let declared = 0
  try {
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName
      if (Array.from(name).some(isControl)) throw new ZipDefect(`entry ${JSON.stringify(at.prefix + name)} has a control character in its name`)
      if (seen.has(name)) throw new ZipDefect(`entry ${at.prefix}${name} appears twice (tools disagree on which copy counts)`)
      seen.add(name)
      if (name.endsWith('/')) continue
      declared += entry.uncompressedSize
      files.push(entry)
    }
  } catch (err) {
    if (err instanceof ZipDefect) throw err
    throw new ZipDefect(`${at.depth === 0 ? 'its' : `${where}'s`} central directory cannot be read (${causeText(err)})`)
  }
  // yauzl holds every entry to its declared size while inflating, so the declared
  // sum is what inflating will cost: a bomb is refused here, before any work.
  if (declared > state.inflatedLeft) {
    throw new ZipLimitExceeded(
      `${where} would inflate to more than the limit of ${formatBytes(limits.maxInflatedBytes)} in all, nested archives counted (${formatBytes(declared)} declared by its entries)`
    )
  }
  state.inflatedLeft -= declared
  return files
}

/** One entry's digest: its nested zip's content digest when it reads as one, else the sha256 of its bytes. */
async function digestEntry(zip: ZipFile, entry: Entry, state: WalkState, at: Place, keep: boolean): Promise<{ digest: string; body?: Buffer }> {
  const label = at.prefix + entry.fileName
  const size = entry.uncompressedSize
  const nested = NESTED.test(entry.fileName) && at.depth < state.limits.maxNestingDepth && size <= state.bufferLeft
  if (!nested) {
    const body = keep ? Buffer.allocUnsafe(size) : undefined
    return { digest: await streamEntry(zip, entry, label, body, at.source), body }
  }
  const body = Buffer.allocUnsafe(size)
  state.bufferLeft -= size
  try {
    // Not hashed while streaming: a nested zip's bytes are digested only when it does not read as one.
    await streamEntry(zip, entry, label, body, at.source, false)
    const inner = await nestedDigest(body, label, state, at.depth + 1)
    return { digest: inner ?? createHash('sha256').update(body).digest('hex'), body }
  } finally {
    state.bufferLeft += size
  }
}

async function nestedDigest(body: Buffer, label: string, state: WalkState, depth: number): Promise<string | undefined> {
  let inner: ZipFile
  try {
    inner = await yauzl.fromBufferPromise(body, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true })
  } catch (err) {
    state.unreadableNested.push({ label, problem: causeText(err) })
    return undefined
  }
  try {
    return (await digestZip(inner, state, undefined, { prefix: `${label}!/`, depth, source: body })).digest
  } catch (err) {
    if (!(err instanceof ZipDefect)) throw err
    state.unreadableNested.push({ label, problem: err.problem })
    return undefined
  } finally {
    inner.close()
  }
}

/**
 * Streams one entry through sha256 and CRC-32 (yauzl does not check CRCs),
 * copying it into `body` when given. Returns the hex sha256 of its bytes ('' when not `hashing`).
 */
async function streamEntry(zip: ZipFile, entry: Entry, label: string, body: Buffer | undefined, source: Buffer | undefined, hashing = true): Promise<string> {
  const hash = hashing ? createHash('sha256') : undefined
  let crc = 0
  let filled = 0
  for await (const chunk of entryContent(zip, entry, label, source)) {
    hash?.update(chunk)
    crc = crc32(chunk, crc)
    if (body) {
      if (filled + chunk.length > body.length) throw new ZipDefect(`entry ${label} holds more than the ${body.length} bytes it declares`)
      chunk.copy(body, filled)
    }
    filled += chunk.length
  }
  if (filled !== entry.uncompressedSize) throw new ZipDefect(`entry ${label} holds ${filled} bytes, not the ${entry.uncompressedSize} it declares`)
  if (crc >>> 0 !== entry.crc32 >>> 0) throw new ZipDefect(`entry ${label} fails its CRC check`)
  return hash?.digest('hex') ?? ''
}
