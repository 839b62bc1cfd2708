import type { FileHandle } from 'node:fs/promises'
import { Readable } from 'node:stream'
import yauzl from 'yauzl'

// 1 MiB reads: yauzl's own fd reader reads a stream's default 16 KiB at a time,
// which costs a thread-pool round trip per 16 KiB and halves throughput on a 1 GiB archive.
const READ_CHUNK = 1024 * 1024
// Stored entries are read into two reused buffers: a fresh one per read left a
// 1 GiB archive's garbage for the collector and peaked at 165 MB RSS.
const STORED_CHUNK = 2 * 1024 * 1024

/**
 * yauzl's random access over a file, in large reads. yauzl asks for the central
 * directory and each entry's byte range; nothing else of the file is read.
 * Nothing is held beyond the chunks in flight, whatever the archive's size.
 */
export class FileRangeReader extends yauzl.RandomAccessReader {
  // The handle is the caller's to close: yauzl closes a reader only on paths it
  // completes, and a failed read must not leave a descriptor open.
  constructor(private readonly handle: FileHandle) {
    super()
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const handle = this.handle
    let position = start
    return new Readable({
      highWaterMark: READ_CHUNK,
      read(): void {
        const length = Math.min(READ_CHUNK, end - position)
        if (length <= 0) {
          this.push(null)
          return
        }
        // A fresh buffer per read: the consumer (inflate, or our hashing) may still hold the last one.
        handle.read(Buffer.allocUnsafe(length), 0, length, position).then(
          ({ bytesRead, buffer }) => {
            if (bytesRead === 0) return this.destroy(new Error(`unexpected end of file at byte ${position}`))
            position += bytesRead
            this.push(buffer.subarray(0, bytesRead))
          },
          (err: Error) => this.destroy(err)
        )
      }
    })
  }

  /**
   * `length` bytes from `start`, the next read in flight while the last chunk is
   * used. A chunk's memory is reused: the consumer must be done with it before
   * asking for the next.
   */
  async *chunks(start: number, length: number): AsyncGenerator<Buffer> {
    const buffers = [Buffer.allocUnsafe(Math.min(STORED_CHUNK, length)), Buffer.allocUnsafe(Math.min(STORED_CHUNK, length))]
    const end = start + length
    let position = start
    let current = 0
    const next = (): Promise<{ bytesRead: number }> => this.handle.read(buffers[current], 0, Math.min(buffers[current].length, end - position), position)
    let reading = position < end ? next() : undefined
    try {
      while (reading) {
        const { bytesRead } = await reading
        if (bytesRead === 0) throw new Error(`unexpected end of file at byte ${position}`)
        position += bytesRead
        const done = buffers[current].subarray(0, bytesRead)
        current ^= 1
        reading = position < end ? next() : undefined
        yield done
      }
    } finally {
      // Abandoned mid-way (a bad CRC): the read in flight may fail once the handle closes.
      void reading?.catch(() => undefined)
    }
  }

  // The central directory and local headers are read through here: one pread each, no stream.
  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    this.handle.read(buffer, offset, length, position).then(
      ({ bytesRead }) => callback(bytesRead === length ? null : new Error(`unexpected end of file at byte ${position + bytesRead}`)),
      (err: Error) => callback(err)
    )
  }
}
