// One measurement in a fresh process, as a release makes it once: `inspect` runs
// inspectArchive, `sha256` runs today's sha256File, `floor` times the least work
// the content digest asks (docs/behaviour.md, "Identity"; see leastWork). Prints one JSON line with the time of
// the call alone (start-up excluded) and the result.
import { createHash, hash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { crc32, inflateRawSync } from 'node:zlib'
import { sha256File } from '../../src/archive/hash.js'
import { Inflater } from '../../src/archive/inflate.js'
import { type CentralEntry, localHeaderLength, parseCentral, readEnd } from '../../src/archive/zip-directory.js'
import { inspectArchive } from '../../src/archive/zip.js'

async function main(): Promise<void> {
  const [what, file] = process.argv.slice(2)
  const started = performance.now()
  const cpu = process.cpuUsage()
  // CPU time of this process beside the wall time: on a machine shared with other work, the
  // wall time of one thread's work also measures how long the scheduler kept it waiting.
  const cpuMs = (): number => {
    const used = process.cpuUsage(cpu)
    return (used.user + used.system) / 1000
  }
  if (what === 'inspect') {
    const facts = await inspectArchive(file, 'bench.zip')
    await facts.file.close()
    process.stdout.write(
      `${JSON.stringify({ ms: performance.now() - started, cpuMs: cpuMs(), sha256: facts.sha256, contentSha256: facts.contentSha256, warnings: facts.layoutWarnings.length })}\n`
    )
  } else if (what === 'sha256') {
    const sha256 = await sha256File(file)
    process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, cpuMs: cpuMs(), sha256 })}\n`)
  } else if (what === 'floor') {
    process.stdout.write(`${JSON.stringify(await leastWork(file))}\n`)
  } else if (what === 'floor-required') {
    process.stdout.write(`${JSON.stringify(await leastWork(file, true))}\n`)
  } else if (what === 'floor-before') {
    process.stdout.write(`${JSON.stringify(await classesWithInflateRawSync(file))}\n`)
  } else {
    throw new Error(`usage: archive-probe.js inspect|sha256|floor|floor-required|floor-before <file>`)
  }
}

/** The file entries of a zip in memory (our reader: this runs before the clock starts). */
async function entries(zip: Buffer): Promise<CentralEntry[]> {
  const end = await readEnd((at, length) => zip.subarray(at, at + length), zip.length)
  return parseCentral(zip.subarray(end.offset, end.offset + end.size), end.count).filter(e => !e.key.endsWith('/'))
}

function raw(zip: Buffer, entry: CentralEntry): Buffer {
  const start = entry.localHeaderOffset + localHeaderLength(zip, entry.localHeaderOffset, entry)
  return zip.subarray(start, start + entry.compressedSize)
}

const bytesOf = (zip: Buffer, entry: CentralEntry): Buffer => (entry.method === 0 ? raw(zip, entry) : inflateRawSync(raw(zip, entry)))

/**
 * What the content digest cannot do without, whatever the code around it: every
 * jar inflated out of the archive (its classes cannot be read otherwise) and every
 * class of every jar inflated and hashed (sha256 of its uncompressed bytes,
 * docs/behaviour.md, "Identity"), one thread, the archive already in memory, with
 * the cheapest inflation Node offers (one native stream and one output buffer for
 * everything, src/archive/inflate.ts). The file read, both central directories,
 * CRCs and the digest text are left out (done before the clock starts, or not at
 * all): a lower bound, not a design.
 *
 * With `required`, it also does the rest of what the check must do, each the cheapest
 * way: the CRC-32 of every jar and every class (docs/behaviour.md, "Validation": every
 * entry passes its CRC) and the sha256 of the whole file, already in memory ("Checksum").
 */
async function leastWork(file: string, required = false): Promise<{ ms: number; cpuMs: number; entries: number; inflatedBytes: number }> {
  const archive = readFileSync(file)
  interface Piece {
    raw: Buffer
    deflated: boolean
    size: number
  }
  const jars: { piece: Piece; classes: { at: number; length: number; deflated: boolean; size: number }[] }[] = []
  let largest = 0
  let count = 0
  for (const jar of (await entries(archive)).filter(e => /\.jar$/i.test(e.key))) {
    const body = bytesOf(archive, jar)
    const classes = (await entries(body)).map(entry => {
      const r = raw(body, entry)
      largest = Math.max(largest, entry.uncompressedSize)
      return { at: r.byteOffset - body.byteOffset, length: r.length, deflated: entry.method !== 0, size: entry.uncompressedSize }
    })
    largest = Math.max(largest, jar.uncompressedSize)
    count += classes.length
    jars.push({ piece: { raw: raw(archive, jar), deflated: jar.method !== 0, size: jar.uncompressedSize }, classes })
  }
  const inflater = new Inflater()
  if (!inflater.reusing) throw new Error('this Node does not offer the reusable native inflate stream the least work is measured with')
  const jarOut = Buffer.allocUnsafe(largest + 1)
  const out = Buffer.allocUnsafe(largest + 1)
  let inflatedBytes = 0
  const cpu = process.cpuUsage()
  const started = performance.now()
  if (required) hash('sha256', archive, 'hex')
  for (const { piece, classes } of jars) {
    const body = piece.deflated ? inflater.inflate(piece.raw, 0, piece.raw.length, piece.size, jarOut, 'floor') : piece.raw
    if (required) crc32(body)
    for (const c of classes) {
      const bytes = c.deflated ? inflater.inflate(body, c.at, c.length, c.size, out, 'floor') : body.subarray(c.at, c.at + c.length)
      inflatedBytes += bytes.length
      hash('sha256', bytes, 'hex')
      if (required) crc32(bytes)
    }
  }
  const ms = performance.now() - started
  const used = process.cpuUsage(cpu)
  return { ms, cpuMs: (used.user + used.system) / 1000, entries: count, inflatedBytes }
}

/**
 * The floor as issue 22 measured it, for comparison with figures taken before
 * 2026-12-02: every class inflated with its own `inflateRawSync` call and hashed,
 * the jars' own inflating left out. It pays the per-call overhead `leastWork` does not.
 */
async function classesWithInflateRawSync(file: string): Promise<{ ms: number; cpuMs: number; entries: number; inflatedBytes: number }> {
  const archive = readFileSync(file)
  const pieces: { raw: Buffer; deflated: boolean }[] = []
  for (const jar of (await entries(archive)).filter(e => /\.jar$/i.test(e.key))) {
    const body = bytesOf(archive, jar)
    for (const entry of await entries(body)) pieces.push({ raw: raw(body, entry), deflated: entry.method !== 0 })
  }
  let inflatedBytes = 0
  const cpu = process.cpuUsage()
  const started = performance.now()
  for (const piece of pieces) {
    const bytes = piece.deflated ? inflateRawSync(piece.raw) : piece.raw
    inflatedBytes += bytes.length
    createHash('sha256').update(bytes).digest()
  }
  const ms = performance.now() - started
  const used = process.cpuUsage(cpu)
  return { ms, cpuMs: (used.user + used.system) / 1000, entries: pieces.length, inflatedBytes }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exitCode = 1
})
