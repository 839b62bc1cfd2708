// The archive rows (issue 22): the bundled action (dist/index.js, as the runner
// starts it) checking and releasing two archives shaped like real ones, each
// figure against a reference measured in the same invocation:
// - the 40 MB connector (real jars from the machine's Maven or Gradle cache when
//   it holds 40 MB of them, else the calibrated synthetic one): the archive check
//   (inspectArchive in a fresh process) against the least work the content digest
//   needs (`archive-probe floor`: every class inflated and hashed, one thread,
//   the compressed bytes already in memory), and the release's peak RSS;
// - the 1 GiB archive of large stored jars released to a sink that only counts
//   bytes, against `openssl dgst -sha256` then `curl -F` to the same sink.
// `npm run bench` prints these rows with the others; alone:
//   npm run build:tools && node .tools/scripts/bench/archive.js
// About 3 minutes on an idle 2-core machine; writes and removes about 1.1 GiB in os.tmpdir().
import { mkdirSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { makeRealJarConnector, makeRealisticConnector, writeBigStoredConnector } from './archive-fixtures.js'
import { type ByteSink, startByteSink } from './archive-sink.js'
import {
  DIST,
  ROOT,
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
  table,
  tempDir,
  verdict
} from './lib.js'

const PROBE = path.join(ROOT, '.tools/scripts/bench/archive-probe.js')
const RUNS = 5

export type Row = [name: string, measured: string, reference: string, ratio: string, target: string, result: string]
const s = (ms: number): string => `${(ms / 1000).toFixed(3)} s`
const mb = (kB: number): string => `${((kB * 1024) / 1e6).toFixed(1)} MB`
const med = (xs: { ms: number }[]): number => median(xs.map(x => x.ms))
const medCpu = (xs: { cpuMs: number }[]): number => median(xs.map(x => x.cpuMs))
const peak = (xs: { rssKB?: number }[]): number => Math.max(...xs.map(x => x.rssKB ?? 0))

interface Probe {
  ms: number
  cpuMs: number
  sha256?: string
}

async function probe(what: 'inspect' | 'floor' | 'floor-required' | 'floor-before', file: string): Promise<Probe> {
  const p = await exec(process.execPath, [PROBE, what, file], { timeoutMs: 180_000, env: baseEnv() })
  if (p.code !== 0) fail(`archive-probe ${what}: exit ${p.code}: ${p.stderr}`)
  return JSON.parse(p.stdout) as Probe
}

async function openssl(file: string): Promise<{ ms: number; hex: string }> {
  const p = await exec('openssl', ['dgst', '-sha256', file], { timeoutMs: 60_000 })
  const m = /= ([0-9a-f]{64})\s*$/.exec(p.stdout)
  if (p.code !== 0 || !m) fail(`openssl dgst failed (${p.code}): ${p.stderr}`)
  return { ms: p.ms, hex: m[1] }
}

async function curlUpload(sink: ByteSink, file: string, hex: string): Promise<{ ms: number; rssKB: number }> {
  const e = sink.info
  const url = `${e.apiUrl}/${e.accountId}/ConnectorVersion`
  const args = ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-u', `BOOMI_TOKEN.${e.username}:${e.apiToken}`, '-H', 'Accept: application/json']
  const form = [
    '-F',
    `groupType=${e.groupType}`,
    '-F',
    'changeLog=bench',
    '-F',
    `sha256Checksum=${hex}`,
    '-F',
    `connectorVersionArchive=@${file};type=application/zip`
  ]
  const p = await exec('curl', [...args, ...form, url], { timeoutMs: 300_000, rss: true })
  if (p.code !== 0 || p.stdout !== '200') fail(`curl upload failed: exit ${p.code}, HTTP ${p.stdout}, ${p.stderr}`)
  return { ms: p.ms, rssKB: p.rssKB! }
}

/** The bundled action releasing `file` to the sink; its wall time and peak RSS. */
async function release(sink: ByteSink, file: string, hex?: string): Promise<{ ms: number; rssKB: number }> {
  const run = expectSuccess(
    await runAction({ ...credentials(sink.info), archive: file, 'if-exists': 'upload' }, { timeoutMs: 300_000, rss: true }),
    `release of ${path.basename(file)}`
  )
  if (run.outputs.uploaded !== 'true' || (hex && run.outputs.sha256 !== hex)) fail(`release: uploaded=${run.outputs.uploaded}, sha256=${run.outputs.sha256}`)
  return { ms: run.ms, rssKB: run.rssKB! }
}

/** The 40 MB rows: RUNS rounds of least work, check and release in turn, so that load elsewhere spreads over all three. */
async function smallRows(sink: ByteSink, file: string, kind: string, notes: string[]): Promise<Row[]> {
  const floor: Probe[] = []
  const required: Probe[] = []
  const before: Probe[] = []
  const check: Probe[] = []
  const releases: { ms: number; rssKB: number }[] = []
  for (let i = 0; i < RUNS; i++) {
    floor.push(await probe('floor', file))
    required.push(await probe('floor-required', file))
    before.push(await probe('floor-before', file))
    check.push(await probe('inspect', file))
    releases.push(await release(sink, file, check[i].sha256))
  }
  const ratio = med(check) / med(floor)
  const cpuRatio = medCpu(check) / medCpu(floor)
  notes.push(
    `40 MB (${kind}): check ${check.map(p => s(p.ms)).join(', ')}; least work ${floor.map(p => s(p.ms)).join(', ')}; CPU time check ÷ least work ${cpuRatio.toFixed(2)}× (${s(medCpu(check))} ÷ ${s(medCpu(floor))})`
  )
  notes.push(
    `40 MB: least work with what the check must also do (every entry's CRC-32, the file's sha256) ${required.map(p => s(p.ms)).join(', ')}; check ÷ it ${(med(check) / med(required)).toFixed(2)}×`
  )
  notes.push(
    `40 MB: the floor issue 22 measured against (a fresh inflateRawSync per class, jars' own inflating left out) ${before.map(p => s(p.ms)).join(', ')}; check ÷ it ${(med(check) / med(before)).toFixed(2)}×`
  )
  notes.push(`40 MB release peak RSS per run: ${releases.map(r => mb(r.rssKB)).join(', ')}`)
  return [
    [`40 MB (${kind}): archive check`, s(med(check)), `least work, one thread ${s(med(floor))}`, `${ratio.toFixed(2)}×`, '≤ 1.3×', verdict(ratio <= 1.3)],
    ['40 MB: release to the byte sink', s(med(releases)), '–', '–', '–', '–'],
    ['40 MB: release peak RSS', `${mb(peak(releases))} (max of ${RUNS})`, '–', '–', '≤ 120 MB', verdict(peak(releases) * 1024 <= 120e6)]
  ]
}

/** The 1 GiB rows: RUNS rounds of openssl, curl -F and the action, all to the same byte-counting sink. */
async function bigRows(sink: ByteSink, file: string, notes: string[]): Promise<Row[]> {
  const ssl: number[] = []
  const curl: { ms: number; rssKB: number }[] = []
  const action: { ms: number; rssKB: number }[] = []
  for (let i = 0; i < RUNS; i++) {
    const hash = await openssl(file)
    ssl.push(hash.ms)
    curl.push(await curlUpload(sink, file, hash.hex))
    action.push(await release(sink, file, hash.hex))
  }
  const reference = median(ssl.map((ms, i) => ms + curl[i].ms))
  const ratio = med(action) / reference
  notes.push(`1 GiB release peak RSS per run: ${action.map(r => mb(r.rssKB)).join(', ')}; curl ${mb(peak(curl))}`)
  return [
    [
      '1 GiB: release to the byte sink',
      s(med(action)),
      `openssl ${s(median(ssl))} + curl -F ${s(med(curl))} = ${s(reference)}`,
      `${ratio.toFixed(2)}×`,
      '≤ 1.5×',
      verdict(ratio <= 1.5)
    ],
    ['1 GiB: release peak RSS', `${mb(peak(action))} (max of ${RUNS})`, `curl -F ${mb(peak(curl))}`, '–', '≤ 120 MB', verdict(peak(action) * 1024 <= 120e6)]
  ]
}

/** Every archive row, with its notes; the caller prints them (bench.ts beside its own rows). */
export async function archiveRows(): Promise<{ rows: Row[]; notes: string[] }> {
  const notes: string[] = []
  const dir = path.join(tempDir(), 'archives')
  mkdirSync(dir, { recursive: true })
  const small = path.join(dir, 'connector-40mb.car.zip')
  const big = path.join(dir, 'connector-1gib.car.zip')
  progress('writing a 40 MB and a 1 GiB archive')
  const real = makeRealJarConnector(40e6)
  writeFileSync(small, real?.zip ?? makeRealisticConnector(40e6))
  const kind = real ? `${real.jars} real jars` : 'synthetic'
  await writeBigStoredConnector(big)
  const sink = await startByteSink()
  try {
    progress(`40 MB (${kind}): ${RUNS} rounds of least work, archive check and release`)
    const rows = await smallRows(sink, small, kind, notes)
    progress(`1 GiB: ${RUNS} rounds of openssl, curl -F and release, to the byte sink`)
    rows.push(...(await bigRows(sink, big, notes)))
    notes.push(`byte sink received ${(sink.bytes() / 1e9).toFixed(2)} GB in all`)
    return { rows, notes }
  } finally {
    await sink.stop()
  }
}

async function main(): Promise<void> {
  const started = Date.now()
  const { rows, notes } = await archiveRows()
  const out = [table([['row', 'measured', 'reference', 'ratio', 'target', 'result'], ...rows]), ...notes.map(n => `  ${n}`)]
  out.push(
    `  Medians of ${RUNS}, peak RSS the largest (/usr/bin/time -v); ${DIST}; Node ${process.version}; ${((Date.now() - started) / 1000).toFixed(0)} s in all`
  )
  process.stdout.write(`${out.join('\n')}\n`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main()
    .catch((err: unknown) => {
      process.stderr.write(`bench: ${err instanceof HarnessError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
      process.exitCode = 1
    })
    .finally(cleanup)
}
