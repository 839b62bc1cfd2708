// `npm run bench`: the action (dist/index.js, as the runner starts it) against
// references measured in the same invocation. Prints one table, each row a
// ratio with PASS or MISS. Exits non-zero only when the harness itself fails
// (a tool missing, a run that should succeed failing, a wrong checksum), never
// on a missed target. About 3 minutes on 2 cores; see docs/benchmarks.md.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, statfsSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { makeConnectorZip } from '../zip-writer.js'
import { writeBigStoredConnector } from './archive-fixtures.js'
import { archiveRows } from './archive.js'
import {
  DIST,
  EMULATOR_CLI,
  type EmulatorInfo,
  HarnessError,
  baseEnv,
  cleanup,
  countRequests,
  credentials,
  exec,
  expectSuccess,
  fail,
  median,
  progress,
  pruneRun,
  runAction,
  startCliEmulator,
  startSeededEmulator,
  table,
  tempDir,
  verdict
} from './lib.js'

const GiB = 1024 ** 3
const MiB = 1024 ** 2
const BIG_SIZE = GiB
const HASH_RUNS = 5 // each: openssl + dry run on 1 GiB + dry run on 4 KiB, about 2.5 s
const UPLOAD_RUNS = 5 // each: openssl + curl + the action, about 6 s
const STARTUP_RUNS = 40 // per command, after 5 warm-up runs
const PRUNE_VERSIONS = 1500 // one run, about 135 s
const REQUESTS_VERSIONS = 250 // one release-with-pruning run, about 22 s
const RATE = 10

type Row = [name: string, action: string, reference: string, ratio: string, target: string, result: string]
const notes: string[] = []

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
const mbps = (bytes: number, ms: number): string => `${(bytes / MiB / (ms / 1000)).toFixed(0)} MiB/s`
const mb = (kB: number): string => `${((kB * 1024) / 1e6).toFixed(1)} MB`

/** A 1 GiB connector archive of large stored jars (archive-fixtures.ts), as a real zip: the action checks it. */
async function makeBigArchive(file: string): Promise<void> {
  const free = statfsSync(path.dirname(file))
  if (free.bavail * free.bsize < 3 * BIG_SIZE) fail(`less than 3 GiB free in ${path.dirname(file)}`)
  await writeBigStoredConnector(file)
}

async function openssl(file: string): Promise<{ ms: number; hex: string }> {
  const p = await exec('openssl', ['dgst', '-sha256', file], { timeoutMs: 60_000 })
  const m = /= ([0-9a-f]{64})\s*$/.exec(p.stdout)
  if (p.code !== 0 || !m) fail(`openssl dgst failed (${p.code}): ${p.stderr}`)
  return { ms: p.ms, hex: m[1] }
}

// 1. archive check: a dry run on the 1 GiB archive minus a dry run on a small one
// (same start-up, listing and report) is the time the action took to check the
// zip, compute its content digest and hash it (the sha256 runs in a worker beside).
async function hashRow(emu: EmulatorInfo, big: string, tiny: string, expectedHex: string): Promise<Row> {
  const ref: number[] = []
  const bigRuns: number[] = []
  const tinyRuns: number[] = []
  const logged: string[] = []
  for (let i = 0; i < HASH_RUNS; i++) {
    ref.push((await openssl(big)).ms)
    const run = expectSuccess(await runAction({ ...credentials(emu), archive: big, 'dry-run': 'true' }, { timeoutMs: 120_000 }), 'dry run (1 GiB)')
    if (run.outputs.sha256 !== expectedHex) fail(`the action's sha256 ${run.outputs.sha256} differs from openssl's ${expectedHex}`)
    logged.push(/sha256: [0-9a-f]{64} \(([^)]*)\)/.exec(run.stdout)?.[1] ?? '?')
    bigRuns.push(run.ms)
    tinyRuns.push(expectSuccess(await runAction({ ...credentials(emu), archive: tiny, 'dry-run': 'true' }, { timeoutMs: 60_000 }), 'dry run (4 KiB)').ms)
  }
  const hashMs = median(bigRuns) - median(tinyRuns)
  const refMs = median(ref)
  const ratio = refMs / hashMs
  notes.push(`hash: dry run 1 GiB ${s(median(bigRuns))} − dry run 4 KiB ${s(median(tinyRuns))}; the action itself logged ${logged.join(', ')}`)
  return [
    'check + hash (1 GiB, cached)',
    `${mbps(BIG_SIZE, hashMs)} (${s(hashMs)})`,
    `openssl dgst ${mbps(BIG_SIZE, refMs)} (${s(refMs)})`,
    ratio.toFixed(2),
    '– (the upload row has the target)',
    '–'
  ]
}

// 2. upload: the action releasing the 1 GiB archive vs openssl dgst then curl -F, same server.
async function uploadRows(emu: EmulatorInfo, big: string, expectedHex: string): Promise<Row[]> {
  const action: number[] = []
  const actionRss: number[] = []
  const opensslMs: number[] = []
  const curlMs: number[] = []
  const curlRss: number[] = []
  const url = `${emu.apiUrl}/${emu.accountId}/ConnectorVersion`
  for (let i = 0; i < UPLOAD_RUNS; i++) {
    const hash = await openssl(big)
    const curl = await exec(
      'curl',
      [
        '-sS',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code}',
        '-u',
        `BOOMI_TOKEN.${emu.username}:${emu.apiToken}`,
        '-H',
        'Accept: application/json',
        '-F',
        `groupType=${emu.groupType}`,
        '-F',
        'changeLog=bench: curl reference',
        '-F',
        `sha256Checksum=${hash.hex}`,
        '-F',
        `connectorVersionArchive=@${big};type=application/zip`,
        url
      ],
      { timeoutMs: 300_000, rss: true }
    )
    if (curl.code !== 0 || curl.stdout !== '200') fail(`curl upload failed: exit ${curl.code}, HTTP ${curl.stdout}, ${curl.stderr}`)
    opensslMs.push(hash.ms)
    curlMs.push(curl.ms)
    curlRss.push(curl.rssKB!)

    const run = expectSuccess(
      await runAction({ ...credentials(emu), archive: big, 'if-exists': 'upload' }, { timeoutMs: 300_000, rss: true }),
      'upload (1 GiB)'
    )
    if (run.outputs.uploaded !== 'true' || run.outputs.sha256 !== expectedHex)
      fail(`upload run: uploaded=${run.outputs.uploaded}, sha256=${run.outputs.sha256}`)
    action.push(run.ms)
    actionRss.push(run.rssKB!)
  }
  const refMs = median(opensslMs.map((ms, i) => ms + curlMs[i]))
  const ratio = median(action) / refMs
  const rss = Math.max(...actionRss)
  notes.push(
    `upload: action peak RSS per run ${actionRss.map(mb).join(', ')}; curl ${curlRss.map(mb).join(', ')}; curl alone ${mbps(BIG_SIZE, median(curlMs))}`
  )
  return [
    [
      'upload (1 GiB) wall',
      s(median(action)),
      `${s(refMs)} = openssl ${s(median(opensslMs))} + curl -F ${s(median(curlMs))}`,
      `${ratio.toFixed(2)}×`,
      '≤ 1.5×',
      verdict(ratio <= 1.5)
    ],
    ['upload (1 GiB) peak RSS', `${mb(rss)} (max of ${UPLOAD_RUNS})`, `curl -F ${mb(Math.max(...curlRss))}`, '–', '≤ 120 MB', verdict(rss * 1024 <= 120e6)]
  ]
}

// 3. start-up: `node dist/index.js` ending on the missing-input error vs `node -e 0`.
async function startupRow(): Promise<Row> {
  const env = baseEnv() // NODE_EXTRA_CA_CERTS and every INPUT_* left out
  const check = await exec(process.execPath, [DIST], { timeoutMs: 30_000, env })
  if (check.code !== 1 || !check.stdout.includes('::error::')) fail(`dist/index.js without inputs: exit ${check.code}, expected 1 with ::error::`)
  const json = path.join(tempDir(), 'hyperfine.json')
  const node = JSON.stringify(process.execPath)
  const args = [
    '-N',
    '-i',
    '--style',
    'none',
    '--warmup',
    '5',
    '--runs',
    String(STARTUP_RUNS),
    '--export-json',
    json,
    `${node} -e 0`,
    `${node} ${JSON.stringify(DIST)}`
  ]
  const hf = await exec('hyperfine', args, { timeoutMs: 180_000, env })
  if (hf.code !== 0) fail(`hyperfine failed: ${hf.stderr}`)
  const { results } = JSON.parse(readFileSync(json, 'utf8')) as { results: { median: number }[] }
  const [nodeMs, actionMs] = results.map(r => r.median * 1000)
  const ratio = actionMs / nodeMs
  return ['start-up (input error)', `${actionMs.toFixed(0)} ms`, `node -e 0 ${nodeMs.toFixed(0)} ms`, `${ratio.toFixed(2)}×`, '≤ 3×', verdict(ratio <= 3)]
}

// 5. requests: a release with pruning on a seeded group sends the fewest requests possible.
async function requestsRow(): Promise<Row> {
  const { emu, info } = await startSeededEmulator(REQUESTS_VERSIONS, RATE)
  try {
    const archive = path.join(tempDir(), 'small.car.zip')
    writeFileSync(archive, makeConnectorZip({ extraEntries: [{ name: 'lib/resources.bin', data: randomBytes(64 * 1024), method: 'stored' }] }))
    const inputs = { ...credentials(info), archive, 'keep-latest': '1', 'requests-per-second': String(RATE) }
    const run = expectSuccess(await runAction(inputs, { timeoutMs: 120_000 }), 'release with pruning')
    if (run.outputs.uploaded !== 'true') fail(`release with pruning: uploaded=${run.outputs.uploaded}`)
    const c = countRequests(emu, REQUESTS_VERSIONS, 1)
    notes.push(`requests: release + keep-latest 1 on ${REQUESTS_VERSIONS} seeded versions at ${RATE}/s took ${s(run.ms)}; ${c.status503} × 503`)
    return [
      `requests (${REQUESTS_VERSIONS} versions)`,
      String(c.received),
      `${c.minimum} = ${c.pages} pages + ${c.uploads} upload + ${c.deletions} deletes`,
      (c.received / c.minimum).toFixed(2),
      '= 1.00',
      verdict(c.received === c.minimum)
    ]
  } finally {
    await emu.close()
  }
}

// 4. prune: 1,500 versions at 10 requests/s; wall time vs requests ÷ rate.
async function pruneRow(): Promise<Row> {
  const r = await pruneRun(PRUNE_VERSIONS, RATE)
  notes.push(
    `prune: ${r.deleted} deleted, ${r.skipped} skipped; ${r.received} requests received (minimum ${r.minimum}), at most ${r.maxPerSecond} in any rolling second; one run`
  )
  return [
    `prune (${PRUNE_VERSIONS} versions, ${RATE}/s)`,
    `${s(r.wallS * 1000)}, ${r.received} req, ${r.status503} × 503`,
    `floor ${s(r.floorS * 1000)} = ${r.received} req ÷ ${RATE}/s`,
    `${r.ratio.toFixed(3)}×`,
    '≤ 1.1×, 0 × 503',
    verdict(r.ratio <= 1.1 && r.status503 === 0)
  ]
}

async function main(): Promise<void> {
  const started = performance.now()
  for (const f of [DIST, EMULATOR_CLI]) if (!existsSync(f)) fail(`${f} is missing (npm run bundle / npm run build:tools)`)
  const rows: Row[] = [['row', 'action', 'reference', 'ratio', 'target', 'result']]

  progress('start-up')
  rows.push(await startupRow())

  progress('writing a 1 GiB archive')
  const big = path.join(tempDir(), 'big.car.zip')
  const tiny = path.join(tempDir(), 'tiny.car.zip')
  await makeBigArchive(big)
  writeFileSync(tiny, makeConnectorZip())
  const { hex } = await openssl(big) // also pulls the file into the page cache

  const cli = await startCliEmulator()
  try {
    progress(`hash (${HASH_RUNS} runs)`)
    rows.push(await hashRow(cli.info, big, tiny, hex))
    progress(`upload (${UPLOAD_RUNS} runs)`)
    rows.push(...(await uploadRows(cli.info, big, hex)))
  } finally {
    await cli.stop()
  }
  const archive = await archiveRows()
  rows.push(...archive.rows)
  notes.push(...archive.notes)
  progress(`requests (${REQUESTS_VERSIONS} versions)`)
  rows.push(await requestsRow())
  progress(`prune (${PRUNE_VERSIONS} versions at ${RATE}/s, about 2.5 minutes)`)
  rows.push(await pruneRow())

  process.stdout.write(`${table(rows)}\n`)
  for (const n of notes) process.stdout.write(`  ${n}\n`)
  process.stdout.write(`  Medians; Node ${process.version}; ${((performance.now() - started) / 1000).toFixed(0)} s in all\n`)
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`bench: harness failure: ${err instanceof HarnessError ? err.message : err instanceof Error ? err.stack : String(err)}\n`)
    process.exitCode = 2
  })
  .finally(cleanup)
