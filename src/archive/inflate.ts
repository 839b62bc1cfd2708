import { type InflateRaw, constants, createInflateRaw, inflateRawSync } from 'node:zlib'
import { types } from 'node:util'
import { ZipDefect, causeText } from './zip-errors.js'

// Up to this declared size an entry inflates in one synchronous call into one
// buffer of its declared size: a jar's classes (5 kB on average) would pay zlib's
// thread pool (~50 µs a call) and chunk concatenation otherwise. Larger ones
// stream in 1 MiB pieces, so memory stays bounded whatever an entry declares.
export const SYNC_MAX_INFLATED = 8 * 1024 * 1024
const STREAM_CHUNK = 1024 * 1024
export const MIN_CHUNK = 64 // zlib's smallest output chunk
const EMPTY = Buffer.alloc(0)

/** An entry's name for a message, or how to make it (only a refusal needs it). */
type Label = string | (() => string)
const nameOf = (label: Label): string => (typeof label === 'string' ? label : label())

// The three ways an entry fails to inflate, worded alike whichever way it was inflated
// (whole, in pieces, on zlib's threads): the check's refusal must not depend on the path.
const pastDeclared = (label: Label, declared: number): ZipDefect => new ZipDefect(`entry ${nameOf(label)} inflates past the ${declared} bytes it declares`)
export const shortOfDeclared = (label: Label, held: number, declared: number): ZipDefect =>
  new ZipDefect(`entry ${nameOf(label)} holds ${held} bytes, not the ${declared} it declares`)
const notDeflate = (label: Label, cause: unknown): ZipDefect => new ZipDefect(`entry ${nameOf(label)} does not inflate (${causeText(cause)})`)

/**
 * `raw` inflated in one call. The output chunk is the declared size plus one
 * byte, so zlib writes into one buffer of that size (no concatenation) and one
 * byte past the declared size tells "too long" from "exactly right".
 */
function inflateWhole(raw: Buffer, declared: number, label: Label): Buffer {
  let out: Buffer
  try {
    // More than the declared size stops zlib at once (ERR_BUFFER_TOO_LARGE), as Inflater.inflate stops.
    out = inflateRawSync(raw, { chunkSize: Math.max(MIN_CHUNK, declared + 1), maxOutputLength: Math.max(1, declared) })
  } catch (err) {
    const code = (err as { code?: unknown }).code
    if (code === 'ERR_BUFFER_TOO_LARGE') throw pastDeclared(label, declared)
    throw notDeflate(label, err)
  }
  if (out.length > declared) throw pastDeclared(label, declared)
  if (out.length !== declared) throw shortOfDeclared(label, out.length, declared)
  return out
}

/**
 * What node:zlib's own synchronous calls use under `inflateRawSync`: the native
 * stream behind an InflateRaw, its last call's leftovers in `_writeState`
 * ([output left, input left]) and an `onerror` it calls during `writeSync`. Not a
 * public API: `Inflater` checks for it and falls back to `inflateRawSync`
 * (docs/benchmarks.md, "One zlib stream for every entry").
 */
interface NativeInflate {
  writeSync(flush: number, input: Buffer, inputOffset: number, inputLength: number, output: Buffer, outputOffset: number, outputLength: number): void
  reset(): void
  onerror: (message: string, errno: number) => void
}

/**
 * Whole entries inflated one after another through one zlib stream, reset
 * between them, into buffers the caller reuses. `inflateRawSync` builds a stream
 * object and an output buffer per call: for a jar's ~27,000 classes that garbage
 * held Node 24's peak at 145–170 MB, past the 120 MB bound.
 */
export class Inflater {
  private engine: InflateRaw | undefined
  private native: NativeInflate | undefined
  private state: Uint32Array | undefined
  private failure: string | undefined

  /** `reuse` false: every call goes through inflateRawSync (what a Node without the native stream gets; tests compare the two). */
  constructor(private readonly reuse = true) {}

  /** False where this Node does not offer the native stream: every call then goes through inflateRawSync. */
  get reusing(): boolean {
    return this.open() !== undefined
  }

  /**
   * The `length` compressed bytes at `start` in `source` inflated into `out`, which
   * must hold at least `declared + 1` bytes (one byte past the declared size tells
   * "too long" from "exactly right"); a view of its first `declared` bytes. The
   * only view made: a jar's thousands of classes would pay for one per argument.
   */
  inflate(source: Buffer, start: number, length: number, declared: number, out: Buffer, label: Label): Buffer {
    if (out.length <= declared) throw new RangeError(`an output of ${out.length} bytes cannot hold ${declared} + 1`)
    if (start < 0 || start + length > source.length) throw new RangeError(`bytes ${start}–${start + length} lie outside a source of ${source.length}`)
    const native = this.open()
    if (!native) {
      const whole = inflateWhole(source.subarray(start, start + length), declared, label)
      whole.copy(out)
      return out.subarray(0, declared)
    }
    native.reset()
    const written = this.write(native, constants.Z_FINISH, source, start, length, out, 0, declared, label)
    if (written !== declared) throw shortOfDeclared(label, written, declared)
    return out.subarray(0, declared)
  }

  /**
   * As `inflate`, with the compressed bytes taken as they come (each piece may be a
   * view into a reused buffer): they are never gathered in one buffer.
   */
  async inflateFrom(input: AsyncIterable<Buffer>, declared: number, out: Buffer, label: string): Promise<Buffer> {
    if (out.length <= declared) throw new RangeError(`an output of ${out.length} bytes cannot hold ${declared} + 1`)
    const native = this.open()
    if (!native) {
      // Streamed, so that a header declaring far fewer bytes than it stores cannot make us gather them.
      let filled = 0
      await inflateStream(input, declared, label, piece => void (filled += piece.copy(out, filled)))
      return out.subarray(0, declared)
    }
    native.reset()
    let written = 0
    // Every piece is read to its end even after the deflate stream ended: what follows it is ignored, as inflateRawSync does.
    for await (const piece of input) written = this.write(native, constants.Z_NO_FLUSH, piece, 0, piece.length, out, written, declared, label)
    written = this.write(native, constants.Z_FINISH, EMPTY, 0, 0, out, written, declared, label)
    if (written !== declared) throw shortOfDeclared(label, written, declared)
    return out.subarray(0, declared)
  }

  /**
   * One call into the native stream: the `length` bytes at `start` in `input`
   * inflated into `out` from `written` up to one byte past the declared size; the
   * bytes written in all. A failed stream is not reused: the next entry gets a fresh one.
   */
  private write(
    native: NativeInflate,
    flush: number,
    input: Buffer,
    start: number,
    length: number,
    out: Buffer,
    written: number,
    declared: number,
    label: Label
  ): number {
    this.failure = undefined
    native.writeSync(flush, input, start, length, out, written, declared + 1 - written)
    if (this.failure !== undefined) {
      const problem = this.failure
      this.close()
      throw notDeflate(label, new Error(problem))
    }
    const now = declared + 1 - this.state![0]
    if (now > declared) throw pastDeclared(label, declared)
    return now
  }

  /** Frees the native stream now rather than at the next garbage collection. */
  close(): void {
    this.engine?.close()
    this.engine = undefined
    this.native = undefined
    this.state = undefined
  }

  private open(): NativeInflate | undefined {
    if (this.native) return this.native
    if (this.engine || !this.reuse) return undefined
    const engine = createInflateRaw()
    this.engine = engine
    const inner = engine as unknown as { _handle?: Partial<NativeInflate>; _writeState?: unknown }
    const handle = inner._handle
    if (typeof handle?.writeSync !== 'function' || typeof handle.reset !== 'function' || !types.isUint32Array(inner._writeState)) return undefined
    // Our handler instead of the stream's, which would destroy the stream and emit 'error' later.
    handle.onerror = (message: string) => void (this.failure = message)
    this.native = handle as NativeInflate
    this.state = inner._writeState as Uint32Array
    return this.native
  }
}

/**
 * `raw` inflated on one of zlib's threads into a buffer of its own, of the
 * declared size, refused as `Inflater.inflate` refuses (for a declared size of at
 * least MIN_CHUNK - 1: below it zlib's smaller piece cannot stop it one byte past,
 * so the caller inflates such an entry on its own thread). The whole input goes in
 * one write with Z_FINISH, so the inflating is one job on that thread and its
 * answer the only wait for this one. The output is one buffer of the declared
 * size plus one byte; a piece longer than the declared size stops it there.
 */
export function inflateAsync(raw: Buffer, declared: number, label: string): Promise<Buffer> {
  const engine = createInflateRaw({ chunkSize: Math.max(MIN_CHUNK, declared + 1), flush: constants.Z_FINISH })
  return new Promise<Buffer>((resolve, reject) => {
    let body: Buffer | undefined
    const fail = (defect: ZipDefect): void => {
      engine.destroy()
      reject(defect)
    }
    engine.on('data', (piece: Buffer) => {
      // Stopped at the first byte past the declared size, as Inflater.inflate stops, before zlib reads on.
      if (body || piece.length > declared) return fail(pastDeclared(label, declared))
      body = piece
    })
    engine.on('error', err => fail(notDeflate(label, err)))
    engine.write(raw, err => {
      if (err) return fail(notDeflate(label, err))
      const out = body ?? EMPTY
      engine.destroy()
      if (out.length !== declared) return fail(shortOfDeclared(label, out.length, declared))
      resolve(out)
    })
  })
}

/**
 * Inflates compressed pieces as they come, handing each inflated piece to
 * `onOutput` before the next compressed piece is asked for (so a piece may be a
 * view into a reused buffer). Stops at the declared size plus one byte.
 */
export async function inflateStream(input: AsyncIterable<Buffer>, declared: number, label: string, onOutput: (piece: Buffer) => void): Promise<void> {
  // No larger than one byte past the declared size: zlib stops there, as the other paths do, before it reads on.
  const inflate = createInflateRaw({ chunkSize: Math.max(MIN_CHUNK, Math.min(STREAM_CHUNK, declared + 1)) })
  let total = 0
  let failure: Error | undefined
  inflate.on('data', (piece: Buffer) => {
    total += piece.length
    if (total > declared) {
      failure ??= pastDeclared(label, declared)
      inflate.destroy()
      return
    }
    if (!failure) onOutput(piece)
  })
  const done = new Promise<void>((resolve, reject) => {
    inflate.once('end', resolve)
    inflate.once('close', () => (failure ? reject(failure) : resolve()))
    inflate.once('error', err => {
      failure ??= notDeflate(label, err)
      reject(failure)
    })
  })
  done.catch(() => undefined)
  try {
    for await (const piece of input) {
      if (failure) break
      // The piece may be reused once asked past: wait until zlib has taken it.
      await Promise.race([new Promise<void>(resolve => inflate.write(piece, () => resolve())), done])
    }
    if (!failure) inflate.end()
    await done
  } finally {
    inflate.destroy()
  }
  if (failure) throw failure
  if (total !== declared) throw shortOfDeclared(label, total, declared)
}
