// Reads the archive for an upload and proves on the way that it is the file
// that was hashed. The last chunk is held back until the size and digest
// match, so a file that changed, grew, shrank or vanished since it was hashed
// never yields a complete request body: Boomi cannot store what it never
// fully received, and the checksum we announce always matches what we send.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { Transform, type Readable, type TransformCallback } from 'node:stream'
import { ArchiveChangedError } from '../errors.js'

export interface ExpectedFile {
  path: string
  size: number
  /** Lower-case hex. */
  sha256: string
}

// Large reads keep the upload close to the disk's and socket's pace (64 KiB default chunks cost a lot of time).
export const READ_CHUNK = 1024 * 1024

/** The file's bytes, verified; fails with an ArchiveChangedError before its last chunk if they are not the expected ones. */
export function verifiedFileStream(expected: ExpectedFile, onBytes?: (passed: number) => void): Readable {
  const file = createReadStream(expected.path, { highWaterMark: READ_CHUNK })
  const verify = new Verifier(expected, onBytes)
  file.on('error', err => verify.destroy(changed(expected, `it could not be read again: ${(err as NodeJS.ErrnoException).code ?? err.message}`, err)))
  // An error downstream must not leave the file open.
  verify.on('close', () => file.destroy())
  return file.pipe(verify)
}

function changed(expected: ExpectedFile, detail: string, cause?: unknown): ArchiveChangedError {
  return new ArchiveChangedError(expected.path, detail, cause === undefined ? undefined : { cause })
}

class Verifier extends Transform {
  private readonly hash = createHash('sha256')
  private held?: Buffer
  private bytesRead = 0
  private passed = 0

  constructor(
    private readonly expected: ExpectedFile,
    private readonly onBytes?: (passed: number) => void
  ) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytesRead += chunk.length
    if (this.bytesRead > this.expected.size) return done(changed(this.expected, `it grew beyond the ${this.expected.size} bytes hashed`))
    this.hash.update(chunk)
    if (this.held) this.pass(this.held)
    this.held = chunk
    done()
  }

  override _flush(done: TransformCallback): void {
    if (this.bytesRead !== this.expected.size) return done(changed(this.expected, `it is now ${this.bytesRead} bytes, not the ${this.expected.size} hashed`))
    const digest = this.hash.digest('hex')
    if (digest !== this.expected.sha256.toLowerCase()) return done(changed(this.expected, `its sha256 is now ${digest}, not ${this.expected.sha256}`))
    if (this.held) this.pass(this.held)
    this.held = undefined
    done()
  }

  private pass(chunk: Buffer): void {
    this.push(chunk)
    this.passed += chunk.length
    this.onBytes?.(this.passed)
  }
}
