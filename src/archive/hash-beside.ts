import { Worker } from 'node:worker_threads'
import type { LaneSum } from '../lane-sum.js'

/** The file's bytes in order, a chunk at a time: the walk's one source (file-pass.ts). */
export interface Chunks {
  /** The chunk after the last one given: a view valid until it is given back with release(). */
  next(): Promise<Buffer>
  /** The CRC-32 of the oldest chunk still held, when the reading thread took it; undefined: this thread sums it. */
  crc(): number | undefined
  /** Gives back the oldest chunk still held: its memory may be read into again. */
  release(): void
  /** The walk has stopped: no read may then fail unobserved. */
  abandon(): void
}

// The reading thread's code travels as a string (`eval: true`) so that it runs the
// same from Jest, from tsc's output and from the single file a bundler makes: a
// worker given as a file path would need that file beside the bundle. It reads the
// archive's own descriptor (descriptors belong to the process, so the number is
// valid in every thread) at explicit positions: no path is opened again.
//
// It reads the file front to back into SLOTS chunks of shared memory (the start of
// the memory the walk's LaneSum sums in, src/lane-sum.ts), takes the
// file's sha256 of each chunk, and publishes each as soon as it is read: this thread
// walks the zip in the same bytes. A slot is read into again only once this thread
// has given it back (and the reading thread hashed it, which it did before reading
// on). When it is ahead of the walk (three of the four chunks read and not yet
// given back: the walk is the slower), it also takes the chunk's CRC-32 after its
// sha256, which the walk's thread would otherwise take: the two threads share that
// work by how busy each is. A chunk's CRC-32 is used only if it is ready when the
// walk leaves the chunk; if not, this thread sums the chunk, and the file's CRC-32
// is the same either way. (Every other chunk, whatever the pace, made the reading
// thread the slower one: docs/benchmarks.md, "One read of a large archive, and the
// quiet second's pair (issue 22)".)
// Control words: [PUBLISHED] chunks read, [RELEASED] chunks given back, [STOP] this
// thread stopped listening, [FAILED] the read failed; then for each slot its length,
// its chunk's CRC-32, and which chunk (its number + 1) that CRC-32 belongs to.
const PUBLISHED = 0
const RELEASED = 1
const STOP = 2
const FAILED = 3
const LENGTHS = 4
const SLOTS = 4
const CRCS = LENGTHS + SLOTS
const SUMMED = CRCS + SLOTS

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { readSync } = require('node:fs')
const { createHash } = require('node:crypto')
const { crc32 } = require('node:zlib')
const { fd, size, memory, control, slots, chunk } = workerData
const ctl = new Int32Array(control)
function run() {
  const hash = createHash('sha256')
  let position = 0
  for (let k = 0; position < size; k++) {
    for (;;) {
      if (Atomics.load(ctl, ${STOP})) return undefined
      const released = Atomics.load(ctl, ${RELEASED})
      if (k - released < slots) break
      Atomics.wait(ctl, ${RELEASED}, released, 1000)
    }
    const slot = k % slots
    const view = Buffer.from(memory, slot * chunk, Math.min(chunk, size - position))
    const n = readSync(fd, view, 0, view.length, position)
    if (n === 0) throw new Error('unexpected end of file at byte ' + position)
    ctl[${LENGTHS} + slot] = n
    position += n
    Atomics.store(ctl, ${PUBLISHED}, k + 1)
    Atomics.notify(ctl, ${PUBLISHED})
    hash.update(view.subarray(0, n))
    if (k + 1 - Atomics.load(ctl, ${RELEASED}) >= ${SLOTS - 1}) {
      ctl[${CRCS} + slot] = crc32(view.subarray(0, n)) | 0
      Atomics.store(ctl, ${SUMMED} + slot, k + 1)
    }
  }
  return hash.digest('hex')
}
try {
  const sha256 = run()
  parentPort.postMessage(sha256 === undefined ? { stopped: true } : { result: { sha256 } })
} catch (err) {
  Atomics.store(ctl, ${FAILED}, 1)
  Atomics.notify(ctl, ${PUBLISHED})
  parentPort.postMessage({ error: String((err && err.message) || err) })
}
`

/** The worker only hashes Buffers (kept off its heap): a small heap keeps the release under its 120 MB RSS target. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 16 }

// 2 MiB reads: sha256 runs near openssl's speed from 1 MiB up (64 KiB reads run at about half).
// 1 MiB chunks checked a 1 GiB archive as fast, with half the memory, yet the release then
// peaked 3–4 MB higher (docs/benchmarks.md, "The upload's lane sum (issue 22)").
export const CHUNK = 2 * 1024 * 1024
// The reading thread runs up to SLOTS chunks ahead of the walk; four ran faster
// than eight in the measurements (docs/benchmarks.md, "One read of a large archive,
// and the quiet second's pair (issue 22)").

// From this size the file is read and its sha256 taken on the other core while this
// thread walks the zip in the same bytes: the two hash about as much (the archive's
// bytes; the entries' bytes), so a 1 GiB archive is checked in about half the time
// on 2 cores. Below it a worker's start (30–80 ms in a fresh process) costs more
// than the hashing it would move (a 40 MB archive's takes about 25 ms), so this
// thread reads and hashes alone (docs/benchmarks.md, "Checking the archive, second
// pass (issue 22)"). The file's CRC-32 is taken once per byte either way, and a
// stored entry's is worked out from it (file-pass.ts, takeSummed).
export const WORKER_MIN_BYTES = 64 * 1024 * 1024

export interface ReadBeside {
  /** The file's sha256, once the reading thread has read it all. */
  sha256: Promise<string>
  /** Its bytes, as the reading thread reads them. */
  chunks: Chunks
  /** Ends the reading thread (safe once it finished); resolves when it no longer reads the descriptor. */
  stop(): Promise<void>
}

/** The shared memory the reading thread reads into, for a file of `size` bytes: room for SLOTS chunks. */
export function besideBytes(size: number): number {
  return SLOTS * Math.max(1, Math.min(CHUNK, size))
}

/**
 * Reads the file behind descriptor `fd`, of `size` bytes, in a worker thread that
 * also takes its sha256, into the first besideBytes(size) bytes of `sum`'s region:
 * the chunks it gives are summed where they lie.
 */
export function readBeside(fd: number, size: number, sum: LaneSum): ReadBeside {
  const chunk = besideBytes(size) / SLOTS
  sum.region(0, SLOTS * chunk) // throws unless the region has room for every slot
  const memory = sum.memory
  const control = new Int32Array(new SharedArrayBuffer((SUMMED + SLOTS) * Int32Array.BYTES_PER_ELEMENT))
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { fd, size, memory, control: control.buffer, slots: SLOTS, chunk },
    resourceLimits: WORKER_LIMITS
  })
  const sha256 = new Promise<string>((resolve, reject) => {
    worker.once('message', (m: { result?: { sha256: string }; error?: string }) =>
      m.result ? resolve(m.result.sha256) : reject(new Error(m.error ?? 'the reading thread stopped before the end of the file'))
    )
    worker.once('error', reject)
    worker.once('exit', code => reject(new Error(`the reading thread stopped (exit code ${code})`)))
  })
  sha256.catch(() => undefined)
  // What a wait for the next chunk races against: the thread's failure (its success publishes every chunk first).
  const failed = sha256.then(() => new Promise<never>(() => undefined))
  failed.catch(() => undefined)
  const stopReading = (): void => {
    Atomics.store(control, STOP, 1)
    Atomics.notify(control, RELEASED)
  }
  let given = 0
  let released = 0
  const chunks: Chunks = {
    async next() {
      const k = given
      for (let published = Atomics.load(control, PUBLISHED); published <= k; published = Atomics.load(control, PUBLISHED)) {
        if (Atomics.load(control, FAILED)) await failed
        const wait = Atomics.waitAsync(control, PUBLISHED, published)
        if (wait.async) await Promise.race([wait.value, failed])
      }
      given++
      const slot = k % SLOTS
      return Buffer.from(memory, slot * chunk, control[LENGTHS + slot])
    },
    crc() {
      const slot = released % SLOTS
      return Atomics.load(control, SUMMED + slot) === released + 1 ? control[CRCS + slot] >>> 0 : undefined
    },
    release() {
      released++
      Atomics.store(control, RELEASED, released)
      Atomics.notify(control, RELEASED)
    },
    abandon: stopReading
  }
  return {
    sha256,
    chunks,
    stop: async () => {
      stopReading()
      await worker.terminate()
    }
  }
}
