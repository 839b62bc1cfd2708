// The archive, opened once for the whole run (docs/behaviour.md, "Validation" and
// "Upload"): the check, its sha256 and the upload read this one descriptor at
// explicit positions, so no path is opened twice. A path reopened later could
// name another file by then (a swap stores B's bytes under A's checksums) or a
// FIFO (whose blocking open() never returns).
import { constants } from 'node:fs'
import { type FileHandle, open, stat } from 'node:fs/promises'
import type { Stats } from 'node:fs'

/** What identifies the file's content without reading it: where it lives, how long it is, when it was written. */
interface Identity {
  dev: number
  ino: number
  size: number
  mtimeMs: number
  ctimeMs: number
}

const identityOf = (s: Stats): Identity => ({ dev: s.dev, ino: s.ino, size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs })

/** Why the archive cannot be opened for reading; the caller words it for the user. */
export class NotARegularFile extends Error {}

export class ArchiveFile {
  private closed = false
  private sums?: { sha256: string; laneSum: string }

  private constructor(
    /** The path it was opened by, for messages and for the swap check. */
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly opened: Identity
  ) {}

  /**
   * Opens `path` for reading without blocking (a FIFO or a device opens at once
   * instead of waiting for a writer) and keeps it only if fstat says it is a
   * regular file.
   */
  static async open(path: string): Promise<ArchiveFile> {
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
    try {
      const s = await handle.stat()
      if (!s.isFile()) throw new NotARegularFile('it is not a regular file')
      return new ArchiveFile(path, handle, identityOf(s))
    } catch (err) {
      await handle.close()
      throw err
    }
  }

  get size(): number {
    return this.opened.size
  }

  /** The descriptor's number, for a thread that reads it beside this one. */
  get fd(): number {
    return this.handle.fd
  }

  /** Records the sums the check took of these bytes: what the upload proves its bytes against. */
  checked(sums: { sha256: string; laneSum: string }): void {
    this.sums = sums
  }

  /** The lane sum of the bytes as checked (src/lane-sum.ts): the upload verifies what it sends against it (far cheaper than a second sha256). */
  get laneSum(): string {
    if (!this.sums) throw new Error('the archive was not checked')
    return this.sums.laneSum
  }

  /** Reads at `position` into `into`; the bytes read (fewer only at the end of the file). */
  async read(into: Buffer, position: number, length = into.length): Promise<number> {
    const { bytesRead } = await this.handle.read(into, 0, length, position)
    return bytesRead
  }

  /** `length` bytes at `position`, exactly, or an error naming where the file ended. */
  async readExact(position: number, length: number): Promise<Buffer> {
    const into = Buffer.allocUnsafe(length)
    let done = 0
    while (done < length) {
      const n = await this.read(into.subarray(done), position + done, length - done)
      if (n === 0) throw new Error(`unexpected end of file at byte ${position + done}`)
      done += n
    }
    return into
  }

  /**
   * Undefined while the file is the one opened: the same size and times behind
   * the descriptor, and the path still naming it. Otherwise what changed, as the
   * end of "it changed since it was checked: …".
   */
  async changed(): Promise<string | undefined> {
    const now = identityOf(await this.handle.stat())
    const was = this.opened
    if (now.size !== was.size) return `it is now ${now.size} bytes, not the ${was.size} checked`
    let named: Stats
    try {
      named = await stat(this.path)
    } catch (err) {
      return `its path no longer names it (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`
    }
    if (named.dev !== was.dev || named.ino !== was.ino) return 'its path now names another file'
    // ctime too: a writer can set the mtime back, never the ctime.
    if (now.mtimeMs !== was.mtimeMs || now.ctimeMs !== was.ctimeMs) return 'it was written to (its modification or change time moved)'
    return undefined
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.handle.close()
  }
}
