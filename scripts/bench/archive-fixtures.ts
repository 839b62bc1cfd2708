// Benchmark archives shaped like real ones. Calibrated on real Maven jars
// (byte-buddy, commons-lang, jna-platform, jgit…: 48 jars, 39.9 MB): the jars
// hold about 19 000 class files averaging 4.7 kB that deflate to 40 %, and the
// connector's outer zip (Gradle's default) deflates the jars again, gaining ~7 %.
// So a 40 MB connector makes the content digest inflate about 90 MB in ~19 000
// small pieces: that, not the 40 MB, is what inspecting it costs.
import { type Dirent, readFileSync, readdirSync, statfsSync } from 'node:fs'
import { homedir } from 'node:os'
import * as path from 'node:path'
import { type RepeatedEntry, type ZipEntry, makeZip, writeStoredZipFile } from '../zip-writer.js'
import { fail } from './lib.js'

const MiB = 1024 * 1024
const CONFIG = '<GenericConnector sdkApiVersion="2.0.0"><connectorClassName>com.acme.sample.SampleConnector</connectorClassName></GenericConnector>'

/** A small, fast, seeded generator: the same archive on every run. */
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 0x1_0000_0000
  }
}

/**
 * Bytes that deflate like a class file (~40 %): a constant pool of names drawn
 * from a shared vocabulary, then bytecode-like runs of random bytes.
 */
function classBytes(rand: () => number, vocabulary: string[], size: number): Buffer {
  const out = Buffer.allocUnsafe(size)
  out.writeUInt32BE(0xcafebabe, 0)
  let at = 4
  while (at < size) {
    if (rand() < 0.8) {
      at += out.write(vocabulary[Math.floor(rand() * vocabulary.length)], at, 'latin1')
    } else {
      const run = Math.min(size - at, 2 + Math.floor(rand() * 10))
      for (let i = 0; i < run; i++) out[at + i] = Math.floor(rand() * 256)
      at += run
    }
  }
  return out
}

function vocabularyOf(rand: () => number, count: number): string[] {
  const syllables = [
    'get',
    'set',
    'Value',
    'String',
    'java/lang/',
    'Object',
    'List',
    'Map',
    'init',
    'Builder',
    'apache/',
    'util/',
    'Type',
    'read',
    'write',
    '()V',
    'Ljava/lang/String;',
    'Code',
    'Exception',
    'Handler'
  ]
  return Array.from({ length: count }, () => {
    let word = String.fromCharCode(1, 0, 8 + Math.floor(rand() * 40))
    for (let i = 0, n = 1 + Math.floor(rand() * 4); i < n; i++) word += syllables[Math.floor(rand() * syllables.length)]
    return word
  })
}

/** A jar of about `bytes` compressed: deflated classes of 0.3–20 kB (mean ~4.7 kB) and a manifest. */
function makeJar(rand: () => number, vocabulary: string[], pkg: string, bytes: number): Buffer {
  const entries: ZipEntry[] = [{ name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\r\nCreated-By: Gradle\r\n\r\n' }]
  let approx = 0
  for (let i = 0; approx < bytes; i++) {
    const size = Math.floor(300 + -Math.log(1 - rand() * 0.98) * 4400)
    entries.push({ name: `${pkg}/C${i}.class`, data: classBytes(rand, vocabulary, Math.min(size, 20_000)) })
    approx += size * 0.4 + 60
  }
  return makeZip(entries)
}

/** About `bytes` of connector: config, lib/connector.jar and dependency jars of 0.2–6 MB, the outer zip deflated. */
export function makeRealisticConnector(bytes: number): Buffer {
  const rand = prng(9)
  const vocabulary = vocabularyOf(rand, 3000)
  const jars: ZipEntry[] = [{ name: 'lib/connector.jar', data: makeJar(rand, vocabulary, 'com/acme/sample', 300_000) }]
  let total = 300_000
  for (let j = 0; total < bytes; j++) {
    const size = Math.min(bytes - total, 200_000 + Math.floor(rand() * 5_800_000))
    jars.push({ name: `lib/dep-${j}.jar`, data: makeJar(rand, vocabulary, `org/dep${j}`, size) })
    total += size
  }
  return makeZip([{ name: 'META-INF/', data: '', method: 'stored' }, { name: 'META-INF/connector-config.xml', data: CONFIG }, ...jars])
}

/**
 * 1 GiB of large stored entries, random content: three 304 MiB jars (past the
 * nested buffer bound: digested as bytes) and seven 16 MiB jars of stored classes
 * (read as zips). Written as a stream so that the bench itself stays small.
 */
export async function writeBigStoredConnector(file: string): Promise<void> {
  const free = statfsSync(path.dirname(file))
  if (free.bavail * free.bsize < 2.5 * 1024 * MiB) fail(`less than 2.5 GiB free in ${path.dirname(file)}`)
  const random = Buffer.allocUnsafe(16 * MiB)
  const rand = prng(7)
  for (let i = 0; i < random.length; i += 4) random.writeUInt32LE(Math.floor(rand() * 0x1_0000_0000), i)
  const entries: RepeatedEntry[] = [
    { name: 'META-INF/connector-config.xml', block: Buffer.from(CONFIG), repeat: 1 },
    ...[1, 2, 3].map(i => ({ name: `lib/big-${i}.jar`, block: random, repeat: 19 })),
    ...[1, 2, 3, 4, 5, 6, 7].map(i => ({
      name: `lib/mid-${i}.jar`,
      block: makeZip([{ name: `m${i}/Payload.class`, data: random.subarray(0, 16 * MiB - 200), method: 'stored' }]),
      repeat: 1
    }))
  ]
  await writeStoredZipFile(file, entries)
}

/** Where Maven and Gradle keep downloaded jars on a developer's or CI machine. */
const JAR_ROOTS = [path.join(homedir(), '.m2/repository'), path.join(homedir(), '.gradle/caches/modules-2/files-2.1')]

/**
 * A connector of about `bytes` made of real jars from the local Maven or Gradle
 * cache (one version of each artifact, sources and javadoc left out, in path order,
 * so the same machine gives the same archive), the outer zip deflated as Gradle's
 * default does. Real class files, not the calibrated imitation: undefined when the
 * machine holds fewer than `bytes` of them.
 */
export function makeRealJarConnector(bytes: number): { zip: Buffer; jars: number } | undefined {
  const byArtifact = new Map<string, string>()
  for (const root of JAR_ROOTS) {
    for (const file of jarsUnder(root, 12)) {
      if (/-(sources|javadoc|tests)\.jar$/.test(file)) continue
      // …/group/artifact/version/artifact-version.jar: the newest version (by name) of each artifact.
      const artifact = path.dirname(path.dirname(file))
      const kept = byArtifact.get(artifact)
      if (!kept || kept < file) byArtifact.set(artifact, file)
    }
  }
  const jars: ZipEntry[] = []
  let total = 0
  for (const file of [...byArtifact.values()].sort()) {
    if (total >= bytes) break
    const data = readFileSync(file)
    if (total + data.length > bytes * 1.05) continue
    jars.push({ name: `lib/${path.basename(file)}`, data })
    total += data.length
  }
  if (total < bytes * 0.95) return undefined
  const zip = makeZip([{ name: 'META-INF/', data: '', method: 'stored' }, { name: 'META-INF/connector-config.xml', data: CONFIG }, ...jars])
  return { zip, jars: jars.length }
}

function* jarsUnder(dir: string, depth: number): Generator<string> {
  if (depth < 0) return
  let names: Dirent[]
  try {
    names = readdirSync(dir, { withFileTypes: true })
  } catch {
    return
  }
  for (const d of names) {
    const full = path.join(dir, d.name)
    if (d.isDirectory()) yield* jarsUnder(full, depth - 1)
    else if (d.isFile() && d.name.endsWith('.jar')) yield full
  }
}
