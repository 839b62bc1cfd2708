import { createHash } from 'node:crypto'
import { crc32 } from 'node:zlib'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { type Source, entryContent, inMemoryContent } from './entry-content.js'
import type { FileRangeReader } from './file-reader.js'
import { type ZipLimits, formatBytes } from './limits.js'
import { ZipDefect, ZipLimitExceeded, causeText, isControl } from './zip-errors.js'

/** What the walk over one archive has left to spend, and what it noticed on the way. */
export interface WalkState {
  limits: ZipLimits
  inflatedLeft: number
  entriesLeft: number
  /** Nested archives that looked like zips by name but did not read as one. */
  unreadableNested: { label: string; problem: string }[]
}

export function newWalkState(limits: ZipLimits): WalkState {
  return { limits, inflatedLeft: limits.maxInflatedBytes, entriesLeft: limits.maxEntriesTotal, unreadableNested: [] }
}

/** Where a zip sits: '' and 0 for the archive, 'lib/a.jar!/' and 1 for a jar in it. */
export interface Place {
  prefix: string
  depth: number
  /**
   * Bytes its nested zips may buffer: limits.maxNestedBufferBytes less what its
   * ancestors hold. It depends on the path alone, never on what else is in flight,
   * so a nested jar reads as a zip (or as bytes) the same way on every run.
   */
  budget: number
  source: Source
  /** The archive's nested jars are read into recycled buffers (see BodyPool). */
  pool?: BodyPool
}

export function archivePlace(file: FileRangeReader, limits: ZipLimits): Place {
  return { prefix: '', depth: 0, budget: limits.maxNestedBufferBytes, source: { file }, pool: new BodyPool() }
}

/**
 * Two buffers, one for the jar being digested and one for the jar read ahead,
 * reused from jar to jar. A fresh buffer per jar is freed only when the garbage
 * collector notices some 64 MB of them: a 1 GiB archive of 16 MiB jars peaked
 * 30 MB higher.
 */
class BodyPool {
  private readonly free: Buffer[] = []
  /** What was lent, by the view handed out: only those come back. */
  private readonly lent = new Map<Buffer, Buffer>()

  take(size: number): Buffer {
    const i = this.free.findIndex(b => b.length >= size)
    const whole = i >= 0 ? this.free.splice(i, 1)[0] : Buffer.allocUnsafeSlow(size)
    const body = whole.subarray(0, size)
    this.lent.set(body, whole)
    return body
  }

  give(body: Buffer): void {
    const whole = this.lent.get(body)
    if (!whole) return
    this.lent.delete(body)
    if (this.free.length < 2) this.free.push(whole)
  }
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
// The archive's next nested jar is read (and inflated, in zlib's thread pool)
// while this thread digests the last one: both cores work. Up to this size only,
// so read-ahead adds at most this much to the nested buffers' bound.
const READ_AHEAD_MAX = 8 * 1024 * 1024

/** One entry on its way: its nested zip's bytes may be on their way already. */
interface Step {
  entry: Entry
  label: string
  keep: boolean
  nested: boolean
  body?: Promise<Buffer>
}

/**
 * Checks every entry of `zip` (it inflates, its size and CRC-32 match) and computes
 * its content digest, reading nested zips as zips down to limits.maxNestingDepth.
 * Entries are read in the order they lie in the file, so reads move forward only.
 */
export async function digestZip(zip: ZipFile, state: WalkState, at: Place, capture?: (name: string) => boolean): Promise<ZipDigest> {
  const entries = await listEntries(zip, state, at)
  const lines: { name: Buffer; line: Buffer }[] = []
  const captured = new Map<string, Buffer>()
  const inFileOrder = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader)
  const plan = (entry: Entry): Step => {
    const keep = capture?.(entry.fileName) === true && entry.uncompressedSize <= state.limits.maxConfigBytes
    const nested = NESTED.test(entry.fileName) && at.depth < state.limits.maxNestingDepth && entry.uncompressedSize <= at.budget
    return { entry, label: at.prefix + entry.fileName, keep, nested }
  }
  let next = inFileOrder.length > 0 ? plan(inFileOrder[0]) : undefined
  try {
    for (let i = 0; next; i++) {
      const step = next
      next = i + 1 < inFileOrder.length ? plan(inFileOrder[i + 1]) : undefined
      if (step.nested) step.body ??= readWhole(zip, step, at)
      if (next?.nested && at.source.file && next.entry.uncompressedSize <= READ_AHEAD_MAX) next.body = readWhole(zip, next, at)
      const { digest, body } = await digestEntry(zip, step, state, at)
      if (step.keep && body) captured.set(step.entry.fileName, body)
      else if (step.nested && body) at.pool?.give(body)
      const name = Buffer.from(step.entry.fileName, 'utf8')
      lines.push({ name, line: Buffer.concat([name, Buffer.from(`\t${digest}\n`, 'latin1')]) })
    }
  } finally {
    // Stopped by a defect: the read ahead may still fail, once nobody waits for it.
    void next?.body?.catch(() => undefined)
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
async function digestEntry(zip: ZipFile, step: Step, state: WalkState, at: Place): Promise<{ digest: string; body?: Buffer }> {
  const { entry, label } = step
  if (!step.body) {
    const body = step.keep ? Buffer.allocUnsafe(entry.uncompressedSize) : undefined
    const whole = at.source.memory ? inMemoryContent(entry, label, at.source.memory) : undefined
    const digest = whole ? checkWhole(entry, label, whole, body) : await streamEntry(zip, entry, label, at.source, body)
    return { digest, body }
  }
  const body = await step.body
  const below: Place = { prefix: `${label}!/`, depth: at.depth + 1, budget: at.budget - body.length, source: { memory: body } }
  const inner = await nestedDigest(body, label, state, below)
  return { digest: inner ?? createHash('sha256').update(body).digest('hex'), body }
}

/** A nested zip's bytes, whole and checked like any entry's; not hashed: they are digested only when they do not read as a zip. */
async function readWhole(zip: ZipFile, step: Step, at: Place): Promise<Buffer> {
  const { entry, label } = step
  const whole = at.source.memory ? inMemoryContent(entry, label, at.source.memory) : undefined
  if (whole) {
    checkWhole(entry, label, whole, undefined, false)
    return whole
  }
  const body = at.pool?.take(entry.uncompressedSize) ?? Buffer.allocUnsafe(entry.uncompressedSize)
  await streamEntry(zip, entry, label, at.source, body, false)
  return body
}

async function nestedDigest(body: Buffer, label: string, state: WalkState, at: Place): Promise<string | undefined> {
  let inner: ZipFile
  try {
    inner = await yauzl.fromBufferPromise(body, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true })
  } catch (err) {
    state.unreadableNested.push({ label, problem: causeText(err) })
    return undefined
  }
  try {
    return (await digestZip(inner, state, at)).digest
  } catch (err) {
    if (!(err instanceof ZipDefect)) throw err
    state.unreadableNested.push({ label, problem: err.problem })
    return undefined
  } finally {
    inner.close()
  }
}

/** An entry already whole in memory: size and CRC-32 checked, copied into `body` when given. Its hex sha256 ('' when not `hashing`). */
function checkWhole(entry: Entry, label: string, whole: Buffer, body: Buffer | undefined, hashing = true): string {
  if (whole.length !== entry.uncompressedSize) throw new ZipDefect(`entry ${label} holds ${whole.length} bytes, not the ${entry.uncompressedSize} it declares`)
  if (crc32(whole) >>> 0 !== entry.crc32 >>> 0) throw new ZipDefect(`entry ${label} fails its CRC check`)
  body?.set(whole)
  return hashing ? createHash('sha256').update(whole).digest('hex') : ''
}

/**
 * Streams one entry through sha256 and CRC-32 (yauzl does not check CRCs),
 * copying it into `body` when given. Returns the hex sha256 of its bytes ('' when not `hashing`).
 */
async function streamEntry(zip: ZipFile, entry: Entry, label: string, source: Source, body: Buffer | undefined, hashing = true): Promise<string> {
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
