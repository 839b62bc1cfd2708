// The content digest (docs/behaviour.md, "Identity"): one line per file entry,
// `<name>\t<digest>\n`, sorted by the name's raw bytes, where a nested zip's digest
// is `zip:` and its own content digest, and any other entry's is the sha256 of its bytes.
// Every entry is also checked (it inflates to its declared size, its CRC-32
// matches), and every bound of ZipLimits holds before the work it bounds.
import { createHash, hash as hashOnce } from 'node:crypto'
import { crc32 } from 'node:zlib'
import { exactBytes, hasByteControl } from '../text.js'
import type { FilePass, PassSums } from './file-pass.js'
import { Inflater, MIN_CHUNK, SYNC_MAX_INFLATED, inflateAsync, inflateStream, shortOfDeclared } from './inflate.js'
import type { ZipLimits } from './limits.js'
import { type CentralEntry, LOCAL_LENGTH, type ReadAt, localHeaderLength, parseCentral, readEnd, shownKey } from './zip-directory.js'
import { ZipDefect, ZipLimitExceeded, causeText } from './zip-errors.js'

/** What the walk over one archive has left to spend, and what it noticed on the way. */
export interface WalkState {
  limits: ZipLimits
  inflatedLeft: number
  entriesLeft: number
  /** Nested archives that looked like zips by name but did not read as one. */
  unreadableNested: { label: string; problem: string }[]
  /** Entries whose name holds a backslash, which Java does not read as a separator. */
  backslashed: string[]
  pool: BodyPool
  /** Where a local header that straddles two reads of the file is gathered, reused. */
  scratch: Scratch
  /** Where an entry that is only hashed inflates, reused. */
  out: Scratch
  inflater: Inflater
  /** Bytes of the archive's jars (compressed and inflated) that may be held ahead of the walk; 0: none, each is read and walked in turn. */
  aheadBytes: number
  /** Compressed bytes from which a jar held ahead inflates on zlib's threads (ASYNC_MIN_BYTES); smaller ones inflate here. */
  asyncMinBytes: number
}

/**
 * The archive's jars inflate on zlib's threads while this thread walks the ones
 * before them, the oldest walked at once while more than this many bytes are held
 * ahead (compressed and inflated): a 40 MB connector's check spends about 0.1 s
 * less on this thread (docs/benchmarks.md, "Jars inflated ahead of the walk
 * (issue 22)"). A jar declaring more inflates on this thread as it is read, as
 * every jar did before; so the walk holds at most three times this ahead (the
 * window, and one jar's compressed and inflated bytes).
 */
export const AHEAD_BYTES = 8 * 1024 * 1024

/**
 * A jar stored in fewer compressed bytes inflates on this thread: a job on zlib's
 * threads costs this one about 0.15 ms, what inflating some 45 kB costs. An archive
 * of 1,500 jars of 2 kB was checked in 0.18 s that way against 0.07 s in turn.
 */
export const ASYNC_MIN_BYTES = 64 * 1024

export function newWalkState(limits: ZipLimits, aheadBytes = AHEAD_BYTES, asyncMinBytes = ASYNC_MIN_BYTES): WalkState {
  return {
    limits,
    inflatedLeft: limits.maxInflatedBytes,
    entriesLeft: limits.maxEntriesTotal,
    unreadableNested: [],
    backslashed: [],
    pool: new BodyPool(),
    scratch: new Scratch(),
    out: new Scratch(),
    inflater: new Inflater(),
    aheadBytes,
    asyncMinBytes
  }
}

/** Where a zip sits: '' and 0 for the archive, 'lib/a.jar!/' and 1 for a jar in it. */
interface Place {
  prefix: string
  depth: number
  /**
   * Bytes its nested zips may hold: limits.maxNestedBufferBytes less what its
   * ancestors hold. It depends on the path alone, never on what else is in flight,
   * so a nested jar reads as a zip (or as bytes) the same way on every run.
   */
  budget: number
}

/**
 * Buffers for the archive's nested jars, reused from jar to jar. A fresh buffer
 * per jar is freed only when the garbage collector notices some 64 MB of them:
 * a 1 GiB archive of 16 MiB jars peaked 30 MB higher.
 */
class BodyPool {
  private readonly free: Buffer[] = []

  take(size: number): Buffer {
    const i = this.free.findIndex(b => b.length >= size)
    return (i >= 0 ? this.free.splice(i, 1)[0] : Buffer.allocUnsafeSlow(size)).subarray(0, size)
  }

  /** Only for what take() lent: the whole buffer behind the view goes back. */
  give(body: Buffer): void {
    if (this.free.length < 2) this.free.push(Buffer.from(body.buffer, body.byteOffset, body.buffer.byteLength - body.byteOffset))
  }
}

/**
 * The archive's deflated jars, inflating on zlib's threads, that this thread has
 * read past. Each is walked in file order, as soon as it is inflated or when the
 * bytes held ahead pass the window: a walk spends the archive's bounds, so a
 * refusal names the same entry whatever the timing, and the warnings come in
 * file order. Once one jar's walk fails, no later one is walked: the refusal
 * names the first broken jar, never one after it.
 */
export class JarsAhead {
  private readonly queue: { bytes: number; inflated: boolean; inflating: Promise<Buffer>; walk: (body: Buffer) => Promise<void> }[] = []
  private bytes = 0
  private failed = false

  constructor(private readonly window: number) {}

  /**
   * Whether `entry`, a nested jar, goes ahead: deflated, declaring no more than the
   * window, and no more compressed than deflate can make it (a header that
   * understates its size must not make the walk gather what it stores).
   */
  takes(entry: CentralEntry): boolean {
    const size = entry.uncompressedSize
    return entry.method === DEFLATED && !(entry.flags & ENCRYPTED) && size <= this.window && entry.compressedSize <= deflateBound(size)
  }

  /** Whether any jar is held ahead: a jar after it must then wait its turn. */
  get holding(): boolean {
    return this.queue.length > 0
  }

  add(entry: CentralEntry, inflating: Promise<Buffer>, walk: (body: Buffer) => Promise<void>): void {
    const item = { bytes: entry.compressedSize + entry.uncompressedSize, inflated: false, inflating, walk }
    void inflating.then(
      () => (item.inflated = true),
      () => (item.inflated = true)
    )
    this.queue.push(item)
    this.bytes += item.bytes
  }

  /**
   * Walks the jars at the front that are inflated, and the oldest while past the
   * window; with `all`, every one. After a jar failed, nothing: the jars left lie
   * after it (their inflating settles on its own, and nothing waits for it).
   */
  async walk(all: boolean): Promise<void> {
    while (!this.failed && this.queue.length > 0 && (all || this.queue[0].inflated || this.bytes > this.window)) {
      const item = this.queue.shift()!
      this.bytes -= item.bytes
      try {
        await item.walk(await item.inflating)
      } catch (err) {
        this.failed = true
        throw err
      }
    }
  }
}

/** The most a deflate stream of `size` bytes can take, with room to spare (stored blocks cost 5 bytes per 16 KiB or more). */
export const deflateBound = (size: number): number => size + Math.ceil(size / 1024) + 64

/**
 * Frees the memory of a buffer nothing else holds, now: the garbage collector
 * would free it only once some tens of MB of such buffers piled up
 * (docs/benchmarks.md, "Jars inflated ahead of the walk (issue 22)"). Only when
 * the buffer is the whole of its memory (zlib's output keeps one spare byte): a
 * small one shares Node's pool with others and is left to the collector. Node 20
 * (where the command-line tool still runs) has no ArrayBuffer transfer: there the
 * collector frees it, as it did before.
 */
export function release(buffer: Buffer): void {
  const memory = buffer.buffer as ArrayBufferLike & { transfer?: (length: number) => ArrayBuffer }
  // An empty buffer holds no memory worth freeing, and may be one that is shared (zlib's empty answer).
  if (buffer.length === 0) return
  if (memory instanceof ArrayBuffer && typeof memory.transfer === 'function' && buffer.byteOffset === 0 && memory.byteLength <= buffer.length + 1) {
    memory.transfer(0)
  }
}

/** One buffer grown to the largest request and reused. */
export class Scratch {
  private buffer = Buffer.alloc(0)

  get(size: number): Buffer {
    return this.atLeast(size).subarray(0, size)
  }

  /** The buffer itself, of `size` bytes or more: no view made. */
  atLeast(size: number): Buffer {
    if (this.buffer.length < size) this.buffer = Buffer.allocUnsafeSlow(Math.max(size, 64 * 1024))
    return this.buffer
  }
}

export interface ArchiveDigest {
  /** The content digest, lower-case hex. */
  digest: string
  /** The file's CRC-32 from the same read, and its sha256 unless another thread takes it. */
  sums: PassSums
  /** The archive's file entries (directories left out), as their name's bytes in latin1. */
  keys: string[]
  /** Bytes of the entry `capture` names, when no larger than limits.maxConfigBytes. */
  captured?: Buffer
}

const NESTED = /\.(jar|zip|car)$/i
const ABSOLUTE = /^([/\\]|[A-Za-z]:)/
const PARENT = /(^|[/\\])\.\.([/\\]|$)/
const STORED = 0
const DEFLATED = 8
const ENCRYPTED = 0x1

/** One digest line before sorting. */
interface Line {
  key: string
  hex: string
}

// One call per entry: cheaper than a Hash object for a jar's small classes.
const sha256Hex = (b: Buffer): string => hashOnce('sha256', b, 'hex')

/** The content digest of lines: a directory's left out, sorted by the names' bytes (latin1 keys compare as bytes). */
function digestOf(lines: Line[]): string {
  const files = lines.filter(({ key }) => !isDirectory(key))
  files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return sha256Hex(Buffer.from(files.map(({ key, hex }) => `${key}\t${hex}\n`).join(''), 'latin1'))
}

/**
 * The archive, read once from the front through `pass`: its central directory
 * (read first, from the end), then every entry in the order it lies in the file.
 * `capture` names the one entry whose bytes are kept (connector-config.xml).
 */
export async function digestArchive(file: { size: number; readExact: ReadAt }, pass: FilePass, state: WalkState, capture: string): Promise<ArchiveDigest> {
  const at: Place = { prefix: '', depth: 0, budget: state.limits.maxNestedBufferBytes }
  const entries = await directory((position, length) => file.readExact(position, length), file.size, state, at)
  const walked = admit(entries, state, at)
  const lines: Line[] = []
  let captured: Buffer | undefined
  const ahead = new JarsAhead(state.aheadBytes)
  try {
    for (const entry of walked) {
      try {
        if (entry.localHeaderOffset < pass.position) throw new ZipDefect(`entry ${labelOf(at, entry)} overlaps the entry before it`)
        // A defect of the directory, not a file cut short while it is read (which the pass would report).
        if (entry.localHeaderOffset + LOCAL_LENGTH > file.size) {
          throw new ZipDefect(
            `the central directory places entry ${labelOf(at, entry)} past the end of the file (its local header at byte ${entry.localHeaderOffset}, in a file of ${file.size} bytes)`
          )
        }
        await pass.skipTo(entry.localHeaderOffset)
        const header = await pass.bytes(LOCAL_LENGTH, state.scratch)
        const start = entry.localHeaderOffset + localHeaderLength(header, 0, entry)
        if (start + entry.compressedSize > file.size) throw new ZipDefect(`entry ${labelOf(at, entry)} runs past the end of the file`)
        await pass.skipTo(start)
        const nested = isNested(entry, state, at)
        // Below zlib's smallest output chunk its threads would inflate past the declared size before a
        // refusal could stop them: such a jar (never one of 64 KiB compressed) inflates here too.
        const small = entry.compressedSize < state.asyncMinBytes || entry.uncompressedSize < MIN_CHUNK
        // A small jar goes ahead only to keep its turn behind the jars held ahead of it.
        if (nested && ahead.takes(entry) && (!small || ahead.holding)) {
          const label = labelOf(at, entry)
          const compressed = Buffer.allocUnsafeSlow(entry.compressedSize)
          let filled = 0
          for await (const piece of pass.take(entry.compressedSize)) filled += piece.copy(compressed, filled)
          const declared = entry.uncompressedSize
          const inflating = small
            ? new Promise<Buffer>(resolve => resolve(state.inflater.inflate(compressed, 0, filled, declared, Buffer.allocUnsafeSlow(declared + 1), label)))
            : inflateAsync(compressed, declared, label)
          void inflating.then(
            () => release(compressed),
            () => undefined
          )
          ahead.add(entry, inflating, async body => {
            checkCrc(crc32(body), entry, label)
            lines.push({ key: entry.key, hex: await nestedDigest(body, label, state, at) })
            release(body)
          })
          await ahead.walk(false)
          continue
        }
        // A jar's walk spends the archive's bounds: in file order, after the jars ahead of it.
        if (nested) await ahead.walk(true)
        const keep = entry.key === capture && entry.uncompressedSize <= state.limits.maxConfigBytes
        const { hex, body } = await fileEntry(pass, entry, state, at, keep)
        if (keep) captured = body
        lines.push({ key: entry.key, hex })
      } catch (err) {
        // A jar ahead of this entry lies before it: what the walk finds there comes first.
        await ahead.walk(true)
        throw err
      }
    }
    await ahead.walk(true)
  } catch (err) {
    // Only a walk that gave up stops the reading: a finished one reads on to the end of the file (finish).
    pass.abandon()
    throw err
  } finally {
    state.inflater.close()
  }
  return { digest: digestOf(lines), sums: await pass.finish(), keys: walked.filter(e => !isDirectory(e.key)).map(e => e.key), captured }
}

/** An entry of the archive on disk, its bytes taken from the pass as they come. */
async function fileEntry(pass: FilePass, entry: CentralEntry, state: WalkState, at: Place, keep: boolean): Promise<{ hex: string; body?: Buffer }> {
  const label = labelOf(at, entry)
  checkMethod(entry, label)
  const declared = entry.uncompressedSize
  const nested = isNested(entry, state, at)
  if (nested || keep) {
    // A nested jar's body is lent by the pool and given back once digested; the kept entry's is its own.
    // A deflated one inflates through the reused stream from the file's reads as they come.
    const space = nested ? state.pool.take(declared + 1) : Buffer.allocUnsafe(declared + 1)
    let body: Buffer
    let crc: number
    if (entry.method === DEFLATED) {
      body = await state.inflater.inflateFrom(pass.take(entry.compressedSize), declared, space, label)
      crc = crc32(body)
    } else {
      // Stored: its declared size is its size in the file (checkMethod leaves no third method), and its
      // CRC-32 is worked out from the file's (file-pass.ts, takeSummed).
      body = space.subarray(0, declared)
      let filled = 0
      for await (const piece of pass.takeSummed(entry.compressedSize)) filled += piece.copy(body, filled)
      crc = pass.summed()
    }
    checkCrc(crc, entry, label)
    if (!nested) return { hex: sha256Hex(body), body }
    const hex = await nestedDigest(body, label, state, at)
    state.pool.give(body)
    return { hex }
  }
  const hash = createHash('sha256')
  let crc = 0
  let total = 0
  const digest = (piece: Buffer): void => {
    hash.update(piece)
    crc = crc32(piece, crc)
    total += piece.length
  }
  if (entry.method === STORED) {
    for await (const piece of pass.takeSummed(entry.compressedSize)) {
      hash.update(piece)
      total += piece.length
    }
    crc = pass.summed()
  } else if (declared <= SYNC_MAX_INFLATED) {
    digest(await state.inflater.inflateFrom(pass.take(entry.compressedSize), declared, state.out.get(declared + 1), label))
  } else {
    await inflateStream(pass.take(entry.compressedSize), declared, label, digest)
  }
  if (total !== declared) throw shortOfDeclared(label, total, declared)
  checkCrc(crc, entry, label)
  return { hex: hash.digest('hex') }
}

/** Before a nested zip's content digest in its line; a bytes' sha256 is bare hex. */
export const NESTED_MARK = 'zip:'

/**
 * The digest of a nested zip whose bytes are `body`, lying at `label` in the zip at
 * `parent`: its content digest, or its bytes' sha256 (and a warning) when it does
 * not read as a zip.
 */
async function nestedDigest(body: Buffer, label: string, state: WalkState, parent: Place): Promise<string> {
  try {
    // Marked apart from a bytes' digest: a plain file holding exactly a jar's lines must not pass for that jar.
    return NESTED_MARK + (await memoryDigest(body, state, { prefix: `${label}!/`, depth: parent.depth + 1, budget: parent.budget - body.length }))
  } catch (err) {
    if (!(err instanceof ZipDefect)) throw err
    state.unreadableNested.push({ label, problem: err.problem })
    return sha256Hex(body)
  }
}

/** A zip held whole in memory: every entry is a view or one inflate away. */
async function memoryDigest(zip: Buffer, state: WalkState, at: Place): Promise<string> {
  const readAt = (position: number, length: number): Buffer => {
    within(zip, position, length)
    return zip.subarray(position, position + length)
  }
  const entries = await directory(readAt, zip.length, state, at)
  const walked = admit(entries, state, at)
  const lines: Line[] = new Array<Line>(walked.length)
  let reached = 0
  for (let i = 0; i < walked.length; i++) {
    const entry = walked[i]
    const label = (): string => labelOf(at, entry)
    if (entry.localHeaderOffset < reached) throw new ZipDefect(`entry ${label()} overlaps the entry before it`)
    checkMethod(entry, label)
    const start = entry.localHeaderOffset + localHeaderLength(zip, entry.localHeaderOffset, entry)
    within(zip, start, entry.compressedSize)
    reached = start + entry.compressedSize
    // A class or a resource (most entries) without an await: a jar's thousands would each pay for one.
    const leaf = !isNested(entry, state, at) && !(entry.method === DEFLATED && entry.uncompressedSize > SYNC_MAX_INFLATED)
    lines[i] = { key: entry.key, hex: leaf ? leafDigest(zip, start, entry, state, label) : await memoryEntry(zip, start, entry, state, at, label) }
  }
  return digestOf(lines)
}

/** An entry read as bytes, held whole: a view when stored, else inflated into the reused buffer. */
function leafDigest(zip: Buffer, start: number, entry: CentralEntry, state: WalkState, label: () => string): string {
  const bytes =
    entry.method === STORED
      ? zip.subarray(start, start + entry.compressedSize)
      : state.inflater.inflate(zip, start, entry.compressedSize, entry.uncompressedSize, state.out.atLeast(entry.uncompressedSize + 1), label)
  checkCrc(crc32(bytes), entry, label)
  return sha256Hex(bytes)
}

/** A zip in memory holds the `length` bytes at `position`, or it is a defect. */
function within(zip: Buffer, position: number, length: number): void {
  if (position + length > zip.length) throw new ZipDefect(`it points past its own end (byte ${position + length} of ${zip.length})`)
}

/** The entry whose data is the `entry.compressedSize` bytes at `start` in `zip`: a nested zip, or one too large to inflate whole. */
async function memoryEntry(zip: Buffer, start: number, entry: CentralEntry, state: WalkState, at: Place, label: () => string): Promise<string> {
  const declared = entry.uncompressedSize
  if (entry.method === DEFLATED && declared > SYNC_MAX_INFLATED) {
    const raw = zip.subarray(start, start + entry.compressedSize)
    // Too large for one buffer of its own: hashed as it inflates (it cannot be a nested zip: those are read whole).
    const hash = createHash('sha256')
    let crc = 0
    await inflateStream(once(raw), declared, label(), piece => {
      hash.update(piece)
      crc = crc32(piece, crc)
    })
    checkCrc(crc, entry, label)
    return hash.digest('hex')
  }
  // A nested jar's body is lent by the pool (it is digested while this zip's other entries wait).
  const space = entry.method === STORED ? undefined : state.pool.take(declared + 1)
  const bytes = space ? state.inflater.inflate(zip, start, entry.compressedSize, declared, space, label) : zip.subarray(start, start + entry.compressedSize)
  checkCrc(crc32(bytes), entry, label)
  const hex = await nestedDigest(bytes, label(), state, at)
  if (space) state.pool.give(bytes)
  return hex
}

/** The central directory's entries, after the bounds on their number. */
async function directory(read: ReadAt, size: number, state: WalkState, at: Place): Promise<CentralEntry[]> {
  const { limits } = state
  let end
  try {
    end = await readEnd(read, size)
  } catch (err) {
    throw directoryDefect(err, at)
  }
  const where = whereOf(at)
  if (end.count > limits.maxEntriesPerZip) {
    throw new ZipLimitExceeded(
      `${where} holds ${end.count.toLocaleString('en-US')} entries, more than the limit of ${limits.maxEntriesPerZip.toLocaleString('en-US')} per zip`
    )
  }
  state.entriesLeft -= end.count
  if (state.entriesLeft < 0) {
    throw new ZipLimitExceeded(
      `it holds more than ${limits.maxEntriesTotal.toLocaleString('en-US')} entries in all, nested archives counted (the limit), at ${where}`
    )
  }
  if (end.size > limits.maxDirectoryBytes) {
    throw new ZipLimitExceeded(`${where}'s central directory is ${exactBytes(end.size)}, more than the limit of ${exactBytes(limits.maxDirectoryBytes)}`)
  }
  try {
    return parseCentral(await read(end.offset, end.size), end.count)
  } catch (err) {
    throw directoryDefect(err, at)
  }
}

function directoryDefect(err: unknown, at: Place): unknown {
  if (err instanceof ZipLimitExceeded) return err
  const problem = err instanceof ZipDefect ? err.problem : causeText(err)
  return new ZipDefect(`${at.depth === 0 ? 'its' : `${whereOf(at)}'s`} central directory cannot be read (${problem})`)
}

/**
 * One pass over the names: refuses a control character, an absolute path, a
 * '..' segment, a name seen twice and a directory that declares data; notes
 * backslashes; and refuses a zip whose declared sizes would pass the inflation
 * bound. The entries come back in the order they lie in the zip, directories
 * too: each is walked like a file (it inflates to nothing and passes its CRC)
 * but has no line in the digest.
 */
function admit(entries: CentralEntry[], state: WalkState, at: Place): CentralEntry[] {
  const seen = new Set<string>()
  let declared = 0
  for (const entry of entries) {
    const key = entry.key
    if (hasByteControl(key)) throw new ZipDefect(`entry ${labelOf(at, entry)} has a control character in its name`)
    if (ABSOLUTE.test(key)) throw new ZipDefect(`entry ${labelOf(at, entry)} has an absolute path as its name`)
    if (PARENT.test(key)) throw new ZipDefect(`entry ${labelOf(at, entry)} has a '..' segment in its name`)
    if (seen.has(key)) throw new ZipDefect(`entry ${labelOf(at, entry)} appears twice (tools disagree on which copy counts)`)
    seen.add(key)
    if (isDirectory(key)) {
      // Its compressed size may not be 0: Java writes a directory as an empty deflate stream, 2 bytes that inflate to none.
      if (entry.uncompressedSize !== 0) {
        throw new ZipDefect(`entry ${labelOf(at, entry)} is a directory (its name ends in /) but declares ${exactBytes(entry.uncompressedSize)} of data`)
      }
    } else if (key.includes('\\')) state.backslashed.push(labelOf(at, entry))
    declared += entry.uncompressedSize
  }
  // Every entry is inflated to at most its declared size, so the declared sum is
  // what inflating will cost: a bomb is refused here, before any work.
  if (declared > state.inflatedLeft) {
    throw new ZipLimitExceeded(
      `${whereOf(at)} would inflate to more than the limit of ${exactBytes(state.limits.maxInflatedBytes)} in all, nested archives counted (${exactBytes(declared)} declared by its entries)`
    )
  }
  state.inflatedLeft -= declared
  return entries.sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)
}

const isDirectory = (key: string): boolean => key.endsWith('/')

function isNested(entry: CentralEntry, state: WalkState, at: Place): boolean {
  return NESTED.test(entry.key) && at.depth < state.limits.maxNestingDepth && entry.uncompressedSize <= at.budget
}

function checkMethod(entry: CentralEntry, label: string | (() => string)): void {
  const name = (): string => (typeof label === 'string' ? label : label())
  if (entry.flags & ENCRYPTED) throw new ZipDefect(`entry ${name()} is encrypted`)
  if (entry.method !== STORED && entry.method !== DEFLATED) {
    throw new ZipDefect(`entry ${name()} uses compression method ${entry.method}, which is not supported (only stored and deflate)`)
  }
}

function checkCrc(crc: number, entry: CentralEntry, label: string | (() => string)): void {
  if (crc >>> 0 !== entry.crc32 >>> 0) throw new ZipDefect(`entry ${typeof label === 'string' ? label : label()} fails its CRC check`)
}

async function* once(piece: Buffer): AsyncGenerator<Buffer> {
  yield piece
}

const labelOf = (at: Place, entry: CentralEntry): string => at.prefix + shownKey(entry.key)
const whereOf = (at: Place): string => (at.depth === 0 ? 'the archive' : at.prefix.slice(0, -2))
