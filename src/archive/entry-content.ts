import { Readable } from 'node:stream'
import { createInflateRaw, inflateRawSync } from 'node:zlib'
import type { Entry, ZipFile } from 'yauzl'
import type { FileRangeReader } from './file-reader.js'
import { ZipDefect, causeText } from './zip-errors.js'

const STORED = 0
const DEFLATED = 8
// Small entries (a jar's classes, 5 kB on average) inflate in one synchronous
// call: zlib's thread pool costs ~50 µs a call, and a 40 MB connector holds about
// 20 000 of them (measured: twice as slow as inflating them here). Large ones
// stream with 1 MiB chunks; yauzl's own 16 KiB ones cost a round trip each.
const SYNC_MAX_COMPRESSED = 512 * 1024
const SYNC_MAX_INFLATED = 8 * 1024 * 1024
const STREAM_CHUNK = 1024 * 1024
const LOCAL_HEADER = 30
const LOCAL_SIGNATURE = 0x04034b50

/** Where an entry's bytes are read from: the archive on disk or a nested zip in memory. */
export interface Source {
  file?: FileRangeReader
  memory?: Buffer
}

function checkMethod(entry: Entry, label: string): void {
  if (entry.isEncrypted()) throw new ZipDefect(`entry ${label} is encrypted`)
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    throw new ZipDefect(`entry ${label} uses compression method ${entry.compressionMethod}, which is not supported (only stored and deflate)`)
  }
}

/**
 * An entry's uncompressed bytes, chunk by chunk, never more than the size its
 * central directory declares (yauzl checks the compressed range; the inflated
 * size is checked here, so a bomb stops at its declared size). A chunk may be
 * reused once the next one is asked for: use or copy it before.
 */
export async function* entryContent(zip: ZipFile, entry: Entry, label: string, source: Source): AsyncGenerator<Buffer> {
  checkMethod(entry, label)
  if (source.memory) {
    const whole = inMemoryContent(entry, label, source.memory)
    if (whole) yield whole
    else
      yield* guarded(
        Readable.from([rawInMemory(entry, label, source.memory)]).pipe(createInflateRaw({ chunkSize: STREAM_CHUNK })),
        label,
        'does not inflate',
        entry.uncompressedSize
      )
    return
  }
  if (entry.compressionMethod === STORED && source.file) {
    // Stored bytes need no stream: read straight into two reused buffers.
    const start = await dataStart(zip, entry, label)
    yield* guarded(source.file.chunks(start, entry.compressedSize), label, 'cannot be read')
    return
  }
  let raw: Readable
  try {
    raw = await zip.openReadStreamPromise(entry, { decodeFileData: false })
  } catch (err) {
    throw new ZipDefect(`entry ${label} cannot be read (${causeText(err)})`)
  }
  if (entry.compressionMethod === STORED) {
    yield* guarded(raw, label, 'cannot be read')
  } else if (entry.compressedSize <= SYNC_MAX_COMPRESSED && entry.uncompressedSize <= SYNC_MAX_INFLATED) {
    yield inflateWhole(await collect(raw, label), entry.uncompressedSize, label)
  } else {
    const inflate = createInflateRaw({ chunkSize: STREAM_CHUNK })
    raw.on('error', err => inflate.destroy(err))
    yield* guarded(raw.pipe(inflate), label, 'does not inflate', entry.uncompressedSize)
  }
}

/**
 * A small entry of a nested zip already in memory, whole, synchronously: a
 * slice when stored, inflated in one call when deflated. `undefined` when it is
 * too large for one call (entryContent then streams it).
 */
export function inMemoryContent(entry: Entry, label: string, memory: Buffer): Buffer | undefined {
  checkMethod(entry, label)
  if (entry.compressionMethod !== STORED && entry.uncompressedSize > SYNC_MAX_INFLATED) return undefined
  const raw = rawInMemory(entry, label, memory)
  return entry.compressionMethod === STORED ? raw : inflateWhole(raw, entry.uncompressedSize, label)
}

/**
 * The entry's compressed bytes inside its zip. The local header is read here, as
 * yauzl reads it (signature, then name and extra lengths): a promise per entry
 * through yauzl cost more than the work on a jar's small classes.
 */
export function rawInMemory(entry: Entry, label: string, memory: Buffer): Buffer {
  const at = entry.relativeOffsetOfLocalHeader
  if (at + LOCAL_HEADER > memory.length) throw new ZipDefect(`entry ${label} cannot be read (its local header runs past the end of its zip)`)
  if (memory.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new ZipDefect(`entry ${label} cannot be read (invalid local file header signature)`)
  const start = at + LOCAL_HEADER + memory.readUInt16LE(at + 26) + memory.readUInt16LE(at + 28)
  const end = start + entry.compressedSize
  if (end > memory.length) throw new ZipDefect(`entry ${label} runs past the end of its zip`)
  return memory.subarray(start, end)
}

async function dataStart(zip: ZipFile, entry: Entry, label: string): Promise<number> {
  try {
    return (await zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart
  } catch (err) {
    throw new ZipDefect(`entry ${label} cannot be read (${causeText(err)})`)
  }
}

async function* guarded(stream: AsyncIterable<Buffer> & { destroy?: () => void }, label: string, failure: string, limit = Infinity): AsyncGenerator<Buffer> {
  let total = 0
  try {
    for await (const chunk of stream) {
      total += chunk.length
      if (total > limit) throw new ZipDefect(`entry ${label} inflates past the ${limit} bytes it declares`)
      yield chunk
    }
  } catch (err) {
    if (err instanceof ZipDefect) throw err
    throw new ZipDefect(`entry ${label} ${failure} (${causeText(err)})`)
  } finally {
    stream.destroy?.()
  }
}

async function collect(raw: Readable, label: string): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of guarded(raw, label, 'cannot be read')) chunks.push(chunk)
  return Buffer.concat(chunks)
}

function inflateWhole(raw: Buffer, declared: number, label: string): Buffer {
  try {
    // One byte of room past the declared size tells "too long" from "exactly right".
    return inflateRawSync(raw, { maxOutputLength: declared + 1 })
  } catch (err) {
    const code = (err as { code?: unknown }).code
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new ZipDefect(`entry ${label} inflates past the ${declared} bytes it declares`)
    throw new ZipDefect(`entry ${label} does not inflate (${causeText(err)})`)
  }
}
