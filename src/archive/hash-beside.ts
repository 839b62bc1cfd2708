import { Worker } from 'node:worker_threads'
import { sha256File } from './hash.js'

// The worker's code travels as a string (`eval: true`) so that it runs the same
// from ts-jest, from tsc's output and from the single file @vercel/ncc bundles:
// a worker given as a file path would need that file beside the bundle. It uses
// only Node's own modules and repeats sha256File's loop (two reused 4 MiB buffers,
// the next read in flight while the last is hashed), which it must match.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { open } = require('node:fs/promises')
const { createHash } = require('node:crypto')
const CHUNK = 2 * 1024 * 1024
async function sha256(file) {
  const hash = createHash('sha256')
  const handle = await open(file, 'r')
  try {
    const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)]
    let position = 0
    let current = 0
    let reading = handle.read(buffers[current], 0, CHUNK, position)
    for (;;) {
      const { bytesRead } = await reading
      if (bytesRead === 0) break
      position += bytesRead
      const done = buffers[current]
      current ^= 1
      reading = handle.read(buffers[current], 0, CHUNK, position)
      hash.update(done.subarray(0, bytesRead))
    }
  } finally {
    await handle.close()
  }
  return hash.digest('hex')
}
sha256(workerData.file).then(
  hex => parentPort.postMessage({ hex }),
  err => parentPort.postMessage({ error: String((err && err.message) || err), code: err && err.code })
)
`

// Below this size a worker's start-up (30–80 ms in a fresh process) costs more
// than it saves and the file is hashed in this thread. Above it the worker runs
// on the other core while this thread inflates the jars: a realistic 40 MB
// connector keeps this thread busy for about a second (see scripts/bench/archive.ts).
/** The worker only hashes Buffers (kept off its heap): a small heap keeps the release under its 120 MB RSS target. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 16 }

export const WORKER_MIN_BYTES = 8 * 1024 * 1024

export interface Hashing {
  /** The file's sha256, lower-case hex. */
  hex: Promise<string>
  /** Ends the worker early (the zip checks failed); safe to call after it finished. */
  stop(): void
}

/**
 * sha256 of `file` on another core while this thread reads the zip: the two runs
 * read the same bytes side by side, so the disk is read once and the second
 * reader is served from the page cache. Falls back to hashing in this thread if
 * a worker cannot start.
 */
export function hashBeside(file: string, size: number, workerMinBytes = WORKER_MIN_BYTES): Hashing {
  if (size < workerMinBytes) return { hex: sha256File(file), stop: () => undefined }
  let worker: Worker
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file }, resourceLimits: WORKER_LIMITS })
  } catch {
    return { hex: sha256File(file), stop: () => undefined }
  }
  let settled = false
  const hex = new Promise<string>((resolve, reject) => {
    worker.once('message', (m: { hex?: string; error?: string; code?: string }) => {
      settled = true
      if (typeof m.hex === 'string') resolve(m.hex)
      else reject(Object.assign(new Error(m.error ?? 'hashing failed'), { code: m.code }))
      void worker.terminate()
    })
    // A worker that could not run at all (no threads, a sandbox) leaves the work to this thread.
    const inThisThread = (): void => {
      if (settled) return
      settled = true
      sha256File(file).then(resolve, reject)
    }
    worker.once('error', inThisThread)
    worker.once('exit', inThisThread)
  })
  return {
    hex,
    stop: () => {
      settled = true
      void worker.terminate()
    }
  }
}
