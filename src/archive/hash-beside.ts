import { Worker } from 'node:worker_threads'
import type { FileSums } from './file-pass.js'

// The worker's code travels as a string (`eval: true`) so that it runs the same
// from Jest, from tsc's output and from the single file a bundler makes:
// a worker given as a file path would need that file beside the bundle. It reads
// the archive's own descriptor (descriptors belong to the process, so the number
// is valid in every thread) at explicit positions: no path is opened again.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { read } = require('node:fs')
const { createHash } = require('node:crypto')
const { crc32 } = require('node:zlib')
const CHUNK = 2 * 1024 * 1024
const readAt = (fd, buffer, position, length) =>
  new Promise((resolve, reject) => read(fd, buffer, 0, length, position, (err, n) => (err ? reject(err) : resolve(n))))
async function sums({ fd, size }) {
  const hash = createHash('sha256')
  let crc = 0
  const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)]
  let position = 0
  let current = 0
  let reading = size > 0 ? readAt(fd, buffers[0], 0, Math.min(CHUNK, size)) : undefined
  while (reading) {
    const n = await reading
    if (n === 0) throw new Error('unexpected end of file at byte ' + position)
    const done = buffers[current].subarray(0, n)
    position += n
    current ^= 1
    reading = position < size ? readAt(fd, buffers[current], position, Math.min(CHUNK, size - position)) : undefined
    hash.update(done)
    crc = crc32(done, crc)
  }
  return { sha256: hash.digest('hex'), crc32: crc >>> 0 }
}
sums(workerData).then(
  result => parentPort.postMessage({ result }),
  err => parentPort.postMessage({ error: String((err && err.message) || err) })
)
`

/** The worker only hashes Buffers (kept off its heap): a small heap keeps the release under its 120 MB RSS target. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 16 }

// From this size the file's sums run on the other core while this thread walks
// the zip: both hash about as much (the archive's bytes; the entries' bytes), so a
// 1 GiB archive is checked in about half the time on 2 cores. Below it a worker's
// start (30–80 ms in a fresh process) costs more than the sums it would move
// (a 40 MB archive's take about 40 ms), so this thread takes them from the read
// the walk makes anyway (docs/benchmarks.md, "Checking the archive, second pass (issue 22)").
export const WORKER_MIN_BYTES = 64 * 1024 * 1024

export interface Summing {
  sums: Promise<FileSums>
  /** Ends the worker (safe once it finished); resolves when it no longer reads the descriptor. */
  stop(): Promise<void>
}

/** The sums of the file behind descriptor `fd`, of `size` bytes, in a worker thread. */
export function sumsBeside(fd: number, size: number): Summing {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { fd, size }, resourceLimits: WORKER_LIMITS })
  const sums = new Promise<FileSums>((resolve, reject) => {
    worker.once('message', (m: { result?: FileSums; error?: string }) => (m.result ? resolve(m.result) : reject(new Error(m.error ?? 'hashing failed'))))
    worker.once('error', reject)
    worker.once('exit', code => reject(new Error(`the hashing thread stopped (exit code ${code})`)))
  })
  sums.catch(() => undefined)
  return {
    sums,
    stop: async () => {
      await worker.terminate()
    }
  }
}
