// The checked archive's cost (issue 9.3): inspectArchive — the file's sha256 beside
// the zip checks and content digest — against today's sha256File and openssl,
// each call timed in a fresh process as a release makes it once. Prints one
// table. Run: npx tsc -p tsconfig.tools.json && node .tools/scripts/bench/archive.js
// About 2 minutes; writes and removes about 1.1 GiB in os.tmpdir().
import { randomBytes } from 'node:crypto'
import { statfsSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import * as path from 'node:path'
import { crc32 } from 'node:zlib'
import { makeZip } from '../../__tests__/helpers/zip.js'
import {
  ROOT,
  type EmulatorInfo,
  HarnessError,
  baseEnv,
  cleanup,
  credentials,
  exec,
  expectSuccess,
  fail,
  median,
  progress,
  runAction,
  startCliEmulator,
  table,
  tempDir,
  verdict
} from './lib.js'

const MiB = 1024 * 1024
const PROBE = path.join(ROOT, '.tools/scripts/bench/archive-probe.js')
const SMALL_RUNS = 9
const BIG_RUNS = 5
const RELEASE_RUNS = 5

type Row = [name: string, measured: string, reference: string, ratio: string, target: string, result: string]
const notes: string[] = []
const s = (ms: number): string => `${(ms / 1000).toFixed(3)} s`
const mb = (kB: number): string => `${((kB * 1024) / 1e6).toFixed(1)} MB`

// ------------------------------------------------------------------ archives

/** About 40 MB like a Gradle-built connector: deflated outer zip, a connector jar of classes, dependency jars. */
function makeSmallArchive(file: string): void {
  const classes = Array.from({ length: 300 }, (_, i) => ({ name: `com/acme/sample/C${i}.class`, data: randomBytes(2048).toString('hex') }))
  const connectorJar = makeZip(classes)
  const deps = Array.from({ length: 10 }, (_, j) =>
    makeZip(Array.from({ length: 40 }, (_, i) => ({ name: `org/dep${j}/D${i}.class`, data: randomBytes(96 * 1024) })))
  )
  const config = '<GenericConnector sdkApiVersion="2.0.0"><connectorClassName>com.acme.sample.C0</connectorClassName></GenericConnector>'
  writeFileSync(
    file,
    makeZip([
      { name: 'META-INF/connector-config.xml', data: config },
      { name: 'lib/connector.jar', data: connectorJar },
      ...deps.map((data, j) => ({ name: `lib/dep-${j}.jar`, data }))
    ])
  )
}

interface BigEntry {
  name: string
  block: Buffer
  repeat: number
}

/**
 * 1 GiB, stored entries of random content: three 304 MiB jars (past the nested
 * buffer bound: digested as bytes) and seven 16 MiB jars (read as zips), written
 * as a stream so that the bench itself stays small.
 */
async function makeBigArchive(file: string): Promise<void> {
  const free = statfsSync(path.dirname(file))
  if (free.bavail * free.bsize < 2.5 * 1024 * MiB) fail(`less than 2.5 GiB free in ${path.dirname(file)}`)
  const random = randomBytes(16 * MiB)
  const entries: BigEntry[] = [
    {
      name: 'META-INF/connector-config.xml',
      block: Buffer.from('<GenericConnector sdkApiVersion="2.0.0"><connectorClassName>a.B</connectorClassName></GenericConnector>'),
      repeat: 1
    },
    ...[1, 2, 3].map(i => ({ name: `lib/big-${i}.jar`, block: random, repeat: 19 })),
    ...[1, 2, 3, 4, 5, 6, 7].map(i => ({
      name: `lib/mid-${i}.jar`,
      block: makeZip([{ name: `m${i}/Payload.class`, data: random.subarray(0, 16 * MiB - 200), method: 'stored' }]),
      repeat: 1
    }))
  ]
  await writeStoredZip(file, entries)
}

async function writeStoredZip(file: string, entries: BigEntry[]): Promise<void> {
  const fh = await open(file, 'w')
  const central: Buffer[] = []
  let offset = 0
  try {
    for (const e of entries) {
      let crc = 0
      for (let i = 0; i < e.repeat; i++) crc = crc32(e.block, crc)
      const size = e.block.length * e.repeat
      const name = Buffer.from(e.name)
      const local = Buffer.alloc(30)
      local.writeUInt32LE(0x04034b50, 0)
      local.writeUInt16LE(10, 4)
      local.writeUInt32LE(crc >>> 0, 14)
      local.writeUInt32LE(size, 18)
      local.writeUInt32LE(size, 22)
      local.writeUInt16LE(name.length, 26)
      const cd = Buffer.alloc(46)
      cd.writeUInt32LE(0x02014b50, 0)
      cd.writeUInt16LE(10, 4)
      cd.writeUInt16LE(10, 6)
      cd.writeUInt32LE(crc >>> 0, 16)
      cd.writeUInt32LE(size, 20)
      cd.writeUInt32LE(size, 24)
      cd.writeUInt16LE(name.length, 28)
      cd.writeUInt32LE(offset, 42)
      central.push(cd, name)
      await fh.write(Buffer.concat([local, name]))
      for (let i = 0; i < e.repeat; i++) await fh.write(e.block)
      offset += 30 + name.length + size
    }
    const cd = Buffer.concat(central)
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(entries.length, 8)
    end.writeUInt16LE(entries.length, 10)
    end.writeUInt32LE(cd.length, 12)
    end.writeUInt32LE(offset, 16)
    await fh.write(Buffer.concat([cd, end]))
  } finally {
    await fh.close()
  }
}

// ------------------------------------------------------------------ measurements

interface Probe {
  ms: number
  sha256: string
  rssKB?: number
}

async function probe(what: 'inspect' | 'sha256', file: string, rss = false): Promise<Probe> {
  const p = await exec(process.execPath, [PROBE, what, file], { timeoutMs: 120_000, env: baseEnv(), rss })
  if (p.code !== 0) fail(`archive-probe ${what}: exit ${p.code}: ${p.stderr}`)
  const result = JSON.parse(p.stdout) as Probe
  return { ...result, rssKB: p.rssKB }
}

async function openssl(file: string): Promise<{ ms: number; hex: string }> {
  const p = await exec('openssl', ['dgst', '-sha256', file], { timeoutMs: 60_000 })
  const m = /= ([0-9a-f]{64})\s*$/.exec(p.stdout)
  if (p.code !== 0 || !m) fail(`openssl dgst failed (${p.code}): ${p.stderr}`)
  return { ms: p.ms, hex: m[1] }
}

async function curlUpload(emu: EmulatorInfo, file: string, hex: string): Promise<number> {
  const url = `${emu.apiUrl}/${emu.accountId}/ConnectorVersion`
  const args = ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-u', `BOOMI_TOKEN.${emu.username}:${emu.apiToken}`, '-H', 'Accept: application/json']
  const form = [
    '-F',
    `groupType=${emu.groupType}`,
    '-F',
    'changeLog=bench',
    '-F',
    `sha256Checksum=${hex}`,
    '-F',
    `connectorVersionArchive=@${file};type=application/zip`
  ]
  const p = await exec('curl', [...args, ...form, url], { timeoutMs: 300_000 })
  if (p.code !== 0 || p.stdout !== '200') fail(`curl upload failed: exit ${p.code}, HTTP ${p.stdout}, ${p.stderr}`)
  return p.ms
}

/** Today's release (dist/index.js, sha256File only), for the 10 % budget and the 1 GiB projection. */
async function releaseMs(emu: EmulatorInfo, file: string, runs: number): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const run = expectSuccess(await runAction({ ...credentials(emu), archive: file, 'if-exists': 'upload' }, { timeoutMs: 300_000 }), 'release')
    times.push(run.ms)
  }
  return median(times)
}

async function smallRows(emu: EmulatorInfo, file: string): Promise<Row[]> {
  const inspect: number[] = []
  const hash: number[] = []
  for (let i = 0; i < SMALL_RUNS; i++) {
    const a = await probe('inspect', file)
    const b = await probe('sha256', file)
    if (a.sha256 !== b.sha256) fail(`inspect's sha256 ${a.sha256} differs from sha256File's ${b.sha256}`)
    inspect.push(a.ms)
    hash.push(b.ms)
  }
  const release = await releaseMs(emu, file, RELEASE_RUNS)
  const extra = median(inspect) - median(hash)
  const share = extra / release
  notes.push(`40 MB: today's release (dist/index.js, upload to the emulator) ${s(release)}; inspect costs ${s(extra)} more than sha256File`)
  return [
    ['inspect 40 MB (fresh process)', s(median(inspect)), `sha256File ${s(median(hash))}`, `${(median(inspect) / median(hash)).toFixed(2)}×`, '–', '–'],
    ['  extra cost vs the release', s(extra), `release ${s(release)}`, `${(share * 100).toFixed(1)} %`, '≤ 10 %', verdict(share <= 0.1)]
  ]
}

async function bigRows(emu: EmulatorInfo, file: string): Promise<Row[]> {
  const inspect: number[] = []
  const hash: number[] = []
  const ssl: number[] = []
  const rss: number[] = []
  let hex = ''
  for (let i = 0; i < BIG_RUNS; i++) {
    const o = await openssl(file)
    const a = await probe('inspect', file, true)
    const b = await probe('sha256', file)
    if (a.sha256 !== o.hex || b.sha256 !== o.hex) fail(`sha256 disagrees with openssl: inspect ${a.sha256}, sha256File ${b.sha256}, openssl ${o.hex}`)
    hex = o.hex
    ssl.push(o.ms)
    inspect.push(a.ms)
    hash.push(b.ms)
    rss.push(a.rssKB!)
  }
  const curl: number[] = []
  for (let i = 0; i < RELEASE_RUNS; i++) curl.push(await curlUpload(emu, file, hex))
  const release = await releaseMs(emu, file, RELEASE_RUNS)
  const reference = median(ssl) + median(curl)
  const projected = release + median(inspect) - median(hash)
  const peak = Math.max(...rss)
  notes.push(
    `1 GiB: today's release ${s(release)}, sha256File ${s(median(hash))}; projected release with inspect = ${s(release)} − ${s(median(hash))} + ${s(median(inspect))}; inspect peak RSS per run ${rss.map(mb).join(', ')}`
  )
  return [
    ['inspect 1 GiB (fresh process)', s(median(inspect)), `openssl dgst ${s(median(ssl))}`, `${(median(inspect) / median(ssl)).toFixed(2)}×`, '–', '–'],
    [
      '  release 1 GiB (projected)',
      s(projected),
      `${s(reference)} = openssl + curl -F ${s(median(curl))}`,
      `${(projected / reference).toFixed(2)}×`,
      '≤ 1.5×',
      verdict(projected <= 1.5 * reference)
    ],
    ['  inspect 1 GiB peak RSS', `${mb(peak)} (max of ${BIG_RUNS})`, '–', '–', '≤ 120 MB', verdict(peak * 1024 <= 120e6)]
  ]
}

async function main(): Promise<void> {
  const started = Date.now()
  const small = path.join(tempDir(), 'connector-40mb.car.zip')
  const big = path.join(tempDir(), 'connector-1gib.car.zip')
  progress('writing a 40 MB and a 1 GiB archive')
  makeSmallArchive(small)
  await makeBigArchive(big)
  const emulator = await startCliEmulator()
  try {
    progress(`40 MB: ${SMALL_RUNS} × inspect and sha256File, ${RELEASE_RUNS} releases`)
    const rows = await smallRows(emulator.info, small)
    progress(`1 GiB: ${BIG_RUNS} × openssl, inspect and sha256File; ${RELEASE_RUNS} × curl -F and release`)
    rows.push(...(await bigRows(emulator.info, big)))
    const out = [table([['row', 'measured', 'reference', 'ratio', 'target', 'result'], ...rows]), ...notes.map(n => `  ${n}`)]
    out.push(`  Medians; Node ${process.version}; ${((Date.now() - started) / 1000).toFixed(0)} s in all`)
    process.stdout.write(`${out.join('\n')}\n`)
  } finally {
    await emulator.stop()
  }
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`bench: ${err instanceof HarnessError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exitCode = 1
  })
  .finally(cleanup)
