// Writes the archive into an upload and proves on the way that it is the file
// that was hashed. The bytes come from the descriptor the archive was checked
// through (no path is opened again: a swap or a FIFO in its place cannot reach
// the upload), and the last chunk is held back until the size, the lane sum the
// check took and the descriptor's times still match, so a file that
// changed, grew or shrank since it was hashed never yields a complete request
// body: Boomi cannot store what it never fully received, and the checksum we
// announce matches what we send. A lane sum (src/lane-sum.ts), not a second
// sha256: it catches any accidental change (a writer must also move the file's
// ctime, which is checked too) at memory speed, an eighth of a CRC-32's cost, so
// the check adds almost nothing beside the send (docs/behaviour.md, "Checksum").
import type { Writable } from 'node:stream'
import { LaneSum } from '../lane-sum.js'
import { ArchiveChangedError } from '../errors.js'

/** The archive's open descriptor, read at explicit positions (src/archive/open.ts). */
export interface PositionalFile {
  readonly path: string
  /** The lane sum of the whole file as it was checked and hashed. */
  readonly laneSum: string
  read(into: Buffer, position: number, length?: number): Promise<number>
  /** Undefined while the file is the one opened; otherwise what changed. */
  changed(): Promise<string | undefined>
}

export interface ExpectedFile {
  file: PositionalFile
  size: number
}

// Large reads keep the upload close to the disk's and socket's pace (64 KiB default chunks cost a lot of time).
export const READ_CHUNK = 1024 * 1024
// One buffer being read, one held back, one on its way to the socket. Reused, so
// a 1 GiB upload leaves no garbage behind: a fresh buffer per read piled up some
// 30 MB for the collector and set the release's peak RSS. They lie in the lane
// sum's memory, so their bytes are summed where they were read.
const BUFFERS = 3

/**
 * Writes the file's bytes to `sink` and resolves once the socket has taken
 * them all; rejects with an ArchiveChangedError before the last chunk if they
 * are not the expected ones, or with the sink's own error if it fails or closes.
 * Never ends the sink.
 */
export async function writeVerifiedFile(expected: ExpectedFile, sink: Writable, onBytes?: (passed: number) => void): Promise<void> {
  await unchanged(expected)
  const out = new FlushedWrites(sink, BUFFERS, onBytes)
  try {
    const size = Math.max(1, Math.min(READ_CHUNK, expected.size))
    const sum = new LaneSum(BUFFERS * size)
    const buffers = Array.from({ length: BUFFERS }, (_, i) => sum.region(i * size, size))
    let held: { slot: number; chunk: Buffer } | undefined
    let bytesRead = 0
    for (let slot = 0; ; slot = (slot + 1) % BUFFERS) {
      await out.free(slot)
      const chunk = await readAt(buffers[slot], bytesRead, expected)
      if (chunk.length === 0) break
      bytesRead += chunk.length
      if (bytesRead > expected.size) throw changed(expected, `it grew beyond the ${expected.size} bytes hashed`)
      sum.update(chunk)
      if (held) out.write(held.slot, held.chunk)
      held = { slot, chunk }
    }
    if (bytesRead !== expected.size) throw changed(expected, `it is now ${bytesRead} bytes, not the ${expected.size} hashed`)
    const now = sum.digest()
    if (now !== expected.file.laneSum)
      throw changed(expected, `its lane sum is now ${now.slice(0, 16)}…, not the ${expected.file.laneSum.slice(0, 16)}… of the bytes hashed`)
    await unchanged(expected)
    if (held) out.write(held.slot, held.chunk)
    await out.drained()
  } finally {
    out.stop()
  }
}

/** The descriptor still holds the file that was checked, and its path still names it. */
async function unchanged(expected: ExpectedFile): Promise<void> {
  let what: string | undefined
  try {
    what = await expected.file.changed()
  } catch (err) {
    throw unreadable(expected, err)
  }
  if (what) throw changed(expected, what)
}

async function readAt(into: Buffer, position: number, expected: ExpectedFile): Promise<Buffer> {
  try {
    const bytesRead = await expected.file.read(into, position, into.length)
    return into.subarray(0, bytesRead)
  } catch (err) {
    throw unreadable(expected, err)
  }
}

/**
 * Chunks handed to the sink, one per buffer slot, each tracked until its write
 * callback: the socket has taken the bytes and the slot may be read into again.
 * A sink that closes first (the request failed or was cut) ends every wait.
 */
class FlushedWrites {
  private readonly inFlight: (Promise<void> | undefined)[]
  private readonly closed: Promise<never>
  private readonly onClose: () => void
  private passed = 0

  constructor(
    private readonly sink: Writable,
    slots: number,
    private readonly onBytes?: (passed: number) => void
  ) {
    this.inFlight = new Array<Promise<void> | undefined>(slots)
    let fail: (err: Error) => void = () => undefined
    this.closed = new Promise<never>((_, reject) => (fail = reject))
    this.closed.catch(() => undefined) // nobody may be waiting when it closes
    this.onClose = () => fail(closedEarly())
    sink.once('close', this.onClose)
  }

  write(slot: number, chunk: Buffer): void {
    const passed = (this.passed += chunk.length)
    const flushed = new Promise<void>((resolve, reject) => {
      // Closed or closing: one error whichever way the sink notices it.
      if (this.sink.destroyed) return reject(closedEarly())
      this.sink.write(chunk, err => {
        if (err) return reject(this.sink.destroyed ? closedEarly() : err)
        this.onBytes?.(passed)
        resolve()
      })
    })
    flushed.catch(() => undefined) // awaited by free() or drained(), or moot once the sink failed
    this.inFlight[slot] = flushed
  }

  async free(slot: number): Promise<void> {
    const flushed = this.inFlight[slot]
    if (flushed) await Promise.race([flushed, this.closed])
    this.inFlight[slot] = undefined
  }

  async drained(): Promise<void> {
    await Promise.race([Promise.all(this.inFlight), this.closed])
  }

  stop(): void {
    this.sink.off('close', this.onClose)
  }
}

function closedEarly(): Error {
  return new Error('the request closed before its body was written')
}

function unreadable(expected: ExpectedFile, err: unknown): ArchiveChangedError {
  return changed(expected, `it could not be read again: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, err)
}

function changed(expected: ExpectedFile, detail: string, cause?: unknown): ArchiveChangedError {
  return new ArchiveChangedError(expected.file.path, detail, cause === undefined ? undefined : { cause })
}
