import { Worker } from 'node:worker_threads'

// The worker's code travels as a string (`eval: true`) so that it runs the same
// from Jest, from tsc's output and from the single file a bundler makes:
// a worker given as a file path would need that file beside the bundle. It reads
// the archive's own descriptor (descriptors belong to the process, so the number
// is valid in every thread) at explicit positions: no path is opened again.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { read } = require('node:fs')
const { createHash } = require('node:crypto')
const CHUNK = 2 * 1024 * 1024
const readAt = (fd, buffer, position, length) =>
  new Promise((resolve, reject) => read(fd, buffer, 0, length, position, (err, n) => (err ? reject(err) : resolve(n))))
async function sha256({ fd, size }) {
  const hash = createHash('sha256')
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
  }
  return { sha256: hash.digest('hex') }
}
sha256(workerData).then(
  result => parentPort.postMessage({ result }),
  err => parentPort.postMessage({ error: String((err && err.message) || err) })
)
`

/** The worker only hashes Buffers (kept off its heap): a small heap keeps the release under its 120 MB RSS target. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 16 }

// From this size the file's sha256 runs on the other core while this thread walks
// the zip: both hash about as much (the archive's bytes; the entries' bytes), so a
// 1 GiB archive is checked in about half the time on 2 cores. Below it a worker's
// start (30–80 ms in a fresh process) costs more than the hashing it would move
// (a 40 MB archive's takes about 25 ms), so this thread takes it from the read
// the walk makes anyway (docs/benchmarks.md, "Checking the archive, second pass (issue 22)").
// The file's CRC-32 stays on this thread either way: the walk sums every stored
// entry to check it, and the file's CRC-32 is joined from those sums rather than
// taken over the same bytes again (file-pass.ts, takeSummed).
export const WORKER_MIN_BYTES = 64 * 1024 * 1024

export interface Hashing {
  sha256: Promise<string>
  /** Ends the worker (safe once it finished); resolves when it no longer reads the descriptor. */
  stop(): Promise<void>
}

/** The sha256 of the file behind descriptor `fd`, of `size` bytes, in a worker thread. */
export function sha256Beside(fd: number, size: number): Hashing {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { fd, size }, resourceLimits: WORKER_LIMITS })
  const sha256 = new Promise<string>((resolve, reject) => {
    worker.once('message', (m: { result?: { sha256: string }; error?: string }) =>
      m.result ? resolve(m.result.sha256) : reject(new Error(m.error ?? 'hashing failed'))
    )
    worker.once('error', reject)
    worker.once('exit', code => reject(new Error(`the hashing thread stopped (exit code ${code})`)))
  })
  sha256.catch(() => undefined)
  return {
    sha256,
    stop: async () => {
      await worker.terminate()
    }
  }
}
