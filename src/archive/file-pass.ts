import { createHash } from 'node:crypto'
import { crc32 } from 'node:zlib'
import { crc32Combine } from './crc-combine.js'
import type { Chunks } from './hash-beside.js'
import type { LaneSum } from '../lane-sum.js'
import type { ArchiveFile } from './open.js'

/** The whole file's sha256 (what is announced) and lane sum (what the upload checks its bytes against, cheaply: src/lane-sum.ts). */
export interface FileSums {
  sha256: string
  laneSum: string
}

/** What one pass yields: the lane sum and the CRC-32 always, the sha256 unless another thread takes it. */
export type PassSums = Pick<FileSums, 'laneSum'> & Partial<Pick<FileSums, 'sha256'>> & { crc32: number }

/**
 * One read of the archive, front to back. The walk takes the entries' bytes from
 * its chunks, and the file's sha256 is taken from the same chunks: here, as each
 * one arrives, or by the thread that reads them (hash-beside.ts, a large archive).
 * Either way the file is read once for both (docs/behaviour.md, "Checksum").
 * The file's CRC-32 is taken once per byte, here or (for a chunk it summed while
 * ahead of the walk) by the reading thread, and the CRC-32 of a stored entry, which
 * the walk checks, is worked out from the file's (`takeSummed`): its bytes are not
 * summed again. The file's lane sum is taken here, of each chunk where it lies (the
 * chunks are read into the sum's own memory). Memory stays at a few chunks whatever
 * the archive's size.
 */
export class FilePass {
  private readonly chunks: Chunks
  /** The file's sha256, when no other thread takes it. */
  private readonly hash = createHash('sha256')
  private readonly hashing: boolean
  /** The CRC-32 of the file's bytes before `crcAt`; `crcAt` lies in the current chunk, or at its start. */
  private crc = 0
  private crcAt = 0
  /** The range taken with takeSummed, until summed() gives its CRC-32: where it began, and the file's CRC-32 up to there. */
  private range: { from: number; crc: number } | undefined
  /** The chunk being consumed, its start in the file, and how much of it is used. */
  private chunk: Buffer = Buffer.alloc(0)
  private chunkStart = 0
  private used = 0

  /**
   * `beside`: the chunks of a thread that reads the file and takes its sha256 (a
   * large archive) into `sum`'s region, with the CRC-32 of those it summed; without
   * it this thread reads (into that region too), hashes and sums.
   */
  constructor(
    private readonly file: ArchiveFile,
    private readonly sum: LaneSum,
    beside?: Chunks
  ) {
    this.hashing = !beside
    this.chunks = beside ?? new OwnReads(file, sum)
  }

  /** The file position of the next byte not yet consumed. */
  get position(): number {
    return this.chunkStart + this.used
  }

  /**
   * The next `length` bytes, as views into the chunks: each view is valid until
   * the next one is asked for. Fails if the file ends first.
   */
  async *take(length: number): AsyncGenerator<Buffer> {
    let left = length
    while (left > 0) {
      if (this.used === this.chunk.length) await this.advance()
      const n = Math.min(left, this.chunk.length - this.used)
      const view = this.chunk.subarray(this.used, this.used + n)
      this.used += n
      left -= n
      yield view
    }
  }

  /**
   * The next `length` bytes whole: a view into the chunk when they lie in it
   * (valid until more is asked for), else copied into `scratch`'s buffer (they
   * straddle chunks).
   */
  async bytes(length: number, scratch: { get(size: number): Buffer }): Promise<Buffer> {
    if (this.used === this.chunk.length && length > 0) await this.advance()
    if (this.used + length <= this.chunk.length) {
      const view = this.chunk.subarray(this.used, this.used + length)
      this.used += length
      return view
    }
    const out = scratch.get(length)
    let at = 0
    for await (const view of this.take(length)) at += view.copy(out, at)
    return out
  }

  /**
   * As `take`, for a stored entry whose CRC-32 the walk checks: summed() then
   * gives it, worked out from the file's CRC-32 before and after the range (the
   * arithmetic of zlib's `crc32_combine`, crc-combine.ts), so its bytes are
   * summed once, as part of the file.
   */
  takeSummed(length: number): AsyncGenerator<Buffer> {
    if (this.range) throw new Error('a range taken with takeSummed() was never summed')
    this.catchUp(this.position)
    this.range = { from: this.position, crc: this.crc }
    return this.take(length)
  }

  /** The CRC-32 of every byte `takeSummed` just gave. */
  summed(): number {
    if (!this.range) throw new Error('summed() without takeSummed()')
    this.catchUp(this.position)
    // crc(A) joined with crc(B) is crc(A) moved past B's length, XOR crc(B): so crc(B) is that XOR undone.
    const crc = (this.crc ^ crc32Combine(this.range.crc, 0, this.position - this.range.from)) >>> 0
    this.range = undefined
    return crc
  }

  /** Consumes bytes up to `position` (never backwards): they still count in the file's sums. */
  async skipTo(position: number): Promise<void> {
    while (this.position < position) {
      if (this.used === this.chunk.length) await this.advance()
      this.used += Math.min(position - this.position, this.chunk.length - this.used)
    }
  }

  /** Reads to the end of the file; its CRC-32, and its sha256 unless another thread takes it. */
  async finish(): Promise<PassSums> {
    if (this.range) throw new Error('a range taken with takeSummed() was never summed')
    await this.skipTo(this.file.size)
    this.catchUp(this.file.size)
    // Whatever the file holds past the size it had when opened is not ours: the upload refuses a file that grew.
    return { sha256: this.hashing ? this.hash.digest('hex') : undefined, laneSum: this.sum.digest(), crc32: this.crc >>> 0 }
  }

  /** Stops the reading once the walk has given up, and any read in flight from failing unobserved. */
  abandon(): void {
    this.chunks.abandon()
  }

  private async advance(): Promise<void> {
    const start = this.chunkStart + this.chunk.length
    if (start >= this.file.size) throw new Error(`unexpected end of file at byte ${start}`)
    const next = await this.chunks.next()
    // The chunk given up is summed before its memory is read into again (the views into it were given
    // up when this one was asked for): by joining the reading thread's sum when it took one and none of
    // the chunk was summed here, else here.
    if (this.chunk.length > 0) {
      const beside = this.crcAt === this.chunkStart ? this.chunks.crc() : undefined
      if (beside === undefined) this.catchUp(start)
      else {
        this.crc = crc32Combine(this.crc, beside, this.chunk.length)
        this.crcAt = start
      }
      this.chunks.release()
    }
    this.chunk = next
    this.chunkStart = start
    this.used = 0
    if (this.hashing) this.hash.update(this.chunk)
    this.sum.update(this.chunk)
  }

  /** Sums the current chunk's bytes from `crcAt` up to `position`. */
  private catchUp(position: number): void {
    if (position <= this.crcAt) return
    this.crc = crc32(this.chunk.subarray(this.crcAt - this.chunkStart, position - this.chunkStart), this.crc)
    this.crcAt = position
  }
}

/**
 * This thread's reads, below the reading thread's size (hash-beside.ts): 1 MiB, half its chunk.
 * A 40 MB release checked as fast and peaked 2–4 MB lower than with 2 MiB reads
 * (docs/benchmarks.md, "The upload's lane sum (issue 22)").
 */
export const OWN_CHUNK = 1024 * 1024

/** Room OwnReads needs in the sum's region, for a file of `size` bytes. */
export function ownReadsBytes(size: number): number {
  return 2 * Math.max(1, Math.min(OWN_CHUNK, size))
}

/** The file read by this thread through two reused buffers (in the sum's memory): the next chunk is read while the last is used. */
class OwnReads implements Chunks {
  private readonly free: Buffer[]
  private readonly held: Buffer[] = []
  private position = 0
  private ahead: { buffer: Buffer; read: Promise<number> } | undefined

  constructor(
    private readonly file: ArchiveFile,
    sum: LaneSum
  ) {
    const size = ownReadsBytes(file.size) / 2
    this.free = [sum.region(0, size), sum.region(size, size)]
    this.readAhead()
  }

  async next(): Promise<Buffer> {
    const ahead = this.ahead
    if (!ahead) throw new Error(`unexpected end of file at byte ${this.position}`)
    const start = this.position
    const n = await ahead.read
    if (n === 0) throw new Error(`unexpected end of file at byte ${start}`)
    this.ahead = undefined
    this.position += n
    const chunk = ahead.buffer.subarray(0, n)
    this.held.push(ahead.buffer)
    this.readAhead()
    return chunk
  }

  crc(): undefined {
    return undefined
  }

  release(): void {
    const buffer = this.held.shift()
    if (buffer) this.free.push(buffer)
    this.readAhead()
  }

  abandon(): void {
    void this.ahead?.read.catch(() => undefined)
  }

  /** Starts reading the next chunk into a free buffer, when one is free and none is being read. */
  private readAhead(): void {
    if (this.ahead || this.position >= this.file.size || this.free.length === 0) return
    const buffer = this.free.pop()!
    this.ahead = { buffer, read: this.file.read(buffer, this.position, Math.min(buffer.length, this.file.size - this.position)) }
  }
}
