import { Readable } from 'node:stream'
import { createInflateRaw, inflateRawSync } from 'node:zlib'
import type { Entry, ZipFile } from 'yauzl'
import { ZipDefect, causeText } from './zip-errors.js'

const STORED = 0
const DEFLATED = 8
// yauzl's own inflation passes 16 KiB at a time through the thread pool; under load
// each round trip waits its turn, and a 40 MB connector took ten times its sha256.
// Small entries (a jar's classes) inflate in one synchronous call, large ones in a
// stream with 1 MiB chunks.
const SYNC_MAX_COMPRESSED = 512 * 1024
const SYNC_MAX_INFLATED = 8 * 1024 * 1024
const STREAM_CHUNK = 1024 * 1024

/**
 * An entry's uncompressed bytes, chunk by chunk, never more than the size its
 * central directory declares (yauzl checks the compressed range; the inflated
 * size is checked here, so a bomb stops at its declared size).
 */
export async function* entryContent(zip: ZipFile, entry: Entry, label: string, source?: Buffer): AsyncGenerator<Buffer> {
  if (entry.isEncrypted()) throw new ZipDefect(`entry ${label} is encrypted`)
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    throw new ZipDefect(`entry ${label} uses compression method ${entry.compressionMethod}, which is not supported (only stored and deflate)`)
  }
  if (source) {
    yield* inMemory(zip, entry, label, source)
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
 * A nested zip is already in memory: its entries are slices of it, inflated in
 * place. yauzl still finds where each entry's data starts (its local header);
 * a stream per entry would cost more than the work on a jar's small classes.
 */
async function* inMemory(zip: ZipFile, entry: Entry, label: string, source: Buffer): AsyncGenerator<Buffer> {
  let start: number
  try {
    start = (await zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart
  } catch (err) {
    throw new ZipDefect(`entry ${label} cannot be read (${causeText(err)})`)
  }
  const end = start + entry.compressedSize
  if (end > source.length) throw new ZipDefect(`entry ${label} runs past the end of its zip`)
  const raw = source.subarray(start, end)
  if (entry.compressionMethod === STORED) yield raw
  else if (entry.uncompressedSize <= SYNC_MAX_INFLATED) yield inflateWhole(raw, entry.uncompressedSize, label)
  else yield* guarded(Readable.from([raw]).pipe(createInflateRaw({ chunkSize: STREAM_CHUNK })), label, 'does not inflate', entry.uncompressedSize)
}

async function* guarded(stream: Readable, label: string, failure: string, limit = Infinity): AsyncGenerator<Buffer> {
  let total = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length
      if (total > limit) throw new ZipDefect(`entry ${label} inflates past the ${limit} bytes it declares`)
      yield chunk
    }
  } catch (err) {
    if (err instanceof ZipDefect) throw err
    throw new ZipDefect(`entry ${label} ${failure} (${causeText(err)})`)
  } finally {
    stream.destroy()
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
