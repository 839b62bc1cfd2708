// Many jobs, one account: N action processes, each pruning its own connector group,
// against ONE emulator whose rate limit (10 requests in any rolling second) belongs to
// the account; then one job beside a competing client that spends half the limit; then
// one job alone on 1,500 versions at requests-per-second 10, on an idle machine and beside two
// CPU-bound processes (a busy runner). The emulator's limiter counts either only the requests it
// accepts (the default) or every request it receives, refused ones included ("limiter: all"):
// Boomi does not say which, so the 4-job row runs under both. The action is bundled afresh from
// the current src/ into the bench's temporary directory (dist/ is not used).
//
//   npx tsc -p tsconfig.tools.json && node .tools/scripts/bench/shared-account.js [--quick | --alone | --pacing] [--runs N]
//
// --quick runs only the 4-job rows (both limiters); --alone only the 1,500-version rows (idle and
// busy); --pacing (`npm run bench:pacing`) both of those, side by side. --runs N (1–9) runs each
// 4-job row N times and adds a row of their medians (and the highest max/s): one run is one draw
// from a wide spread. Every child process has a time limit, every loop a fixed count; the busy
// loops stop with their row, when this process dies, or after 10 minutes; the temporary directory
// is removed at the end, on failure and on Ctrl-C.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { loadavg } from 'node:os'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { RateLimitCounts } from '../../emulator/admission.js'
import { Emulator } from '../../emulator/server.js'
import { seedGroup } from '../../emulator/seed.js'
import { startCompetitor } from '../../emulator/competitor.js'
import { HarnessError, ROOT, cleanup, exec, fail, median, progress, runAction, table, tempDir, verdict } from './lib.js'

const LIMIT = 10
const VERSIONS = 100

interface JobResult {
  code: number | null
  ms: number
  deleted: number
  throttleLines: string[]
}

interface Row {
  scenario: string
  wallS: number
  received: number
  floorS: number
  ratio: number
  share503: number
  failures: number
  deleted: string
  /** The most requests the emulator received in any rolling second, refused ones included. */
  maxInSecond: number
  note: string
}

/** Bundles the current src/index.ts with ncc into the temporary directory; returns the entry file. */
async function bundle(): Promise<string> {
  const out = mkdtempSync(path.join(tempDir(), 'bundle-'))
  const ncc = path.join(ROOT, 'node_modules/.bin/ncc')
  const built = await exec(ncc, ['build', path.join(ROOT, 'src/index.ts'), '-o', out, '--quiet'], { timeoutMs: 180_000, cwd: ROOT })
  if (built.code !== 0) fail(`ncc build failed: ${built.stderr.slice(-800)}`)
  return path.join(out, 'index.js')
}

/** One action process the way the runner starts it; the deleted count comes from its output file. */
async function runJob(entry: string, inputs: Record<string, string>, timeoutMs: number): Promise<JobResult> {
  const proc = await runAction(inputs, { timeoutMs, entry })
  const deleted = proc.outputs['deleted-version-ids'] ? (JSON.parse(proc.outputs['deleted-version-ids']) as unknown[]).length : 0
  const throttleLines = proc.stdout.split('\n').filter(l => /throttl|request rate/i.test(l) && !l.includes('throttled ('))
  if (proc.code !== 0)
    progress(
      `job ${inputs['group-type']} exited ${proc.code}: ${proc.stdout
        .split('\n')
        .filter(l => l.startsWith('::error'))
        .join(' | ')}`
    )
  return { code: proc.code, ms: proc.ms, deleted, throttleLines }
}

function credentials(emu: Emulator, groupType: string): Record<string, string> {
  return { 'account-id': emu.accountId, username: emu.username, 'api-token': emu.apiToken, 'group-type': groupType, 'api-url': emu.apiUrl }
}

function seedGroups(emu: Emulator, n: number, count: number): string[] {
  const groups = Array.from({ length: n }, (_, i) => `acme-Q7XK2P-job${i + 1}`)
  groups.forEach((groupType, i) => seedGroup(emu, { groupType, count, seed: i + 1, startDate: new Date(Date.now() - 400 * 86_400_000) }))
  return groups
}

function row(scenario: string, emu: Emulator, wallMs: number, jobs: JobResult[], expectedDeleted: number, note = ''): Row {
  const received = emu.requests.length
  if (received === 0) fail(`${scenario}: the emulator received no requests`)
  const floorS = received / LIMIT
  const deleted = jobs.reduce((a, j) => a + j.deleted, 0)
  return {
    scenario,
    wallS: wallMs / 1000,
    received,
    floorS,
    ratio: wallMs / 1000 / floorS,
    share503: emu.requests.filter(r => r.status === 503).length / received,
    failures: jobs.filter(j => j.code !== 0).length,
    deleted: `${deleted}/${expectedDeleted}`,
    maxInSecond: emu.maxRequestsInWindow(1000),
    note
  }
}

/** N jobs started together, each pruning its own group of VERSIONS to keep-latest 1, default settings. */
async function parallelJobs(entry: string, n: number, counts: RateLimitCounts = 'accepted'): Promise<Row> {
  const emu = new Emulator({ rateLimit: LIMIT, rateLimitCounts: counts })
  const groups = seedGroups(emu, n, VERSIONS)
  await emu.start()
  try {
    progress(`${n} jobs × ${VERSIONS} versions, limiter counting ${counts} requests`)
    const started = performance.now()
    const jobs = await Promise.all(groups.map(g => runJob(entry, { ...credentials(emu, g), 'keep-latest': '1' }, 15 * 60_000)))
    const wall = performance.now() - started
    const last = jobs.map(j => j.throttleLines.at(-1) ?? '').filter(Boolean)
    const scenario = `${n} jobs × ${VERSIONS}${counts === 'all' ? ', limiter: all' : ''}`
    return row(scenario, emu, wall, jobs, n * (VERSIONS - 1), last.length ? `e.g. "${last[0].trim()}"` : 'no throttling logged')
  } finally {
    await emu.close()
  }
}

/** One job beside a client that sends 5 queries a second, whatever it is answered. */
async function besideCompetitor(entry: string): Promise<Row> {
  const emu = new Emulator({ rateLimit: LIMIT })
  const [group] = seedGroups(emu, 1, VERSIONS)
  await emu.start()
  try {
    progress(`1 job × ${VERSIONS} versions beside a competitor at ${LIMIT / 2}/s`)
    const competitor = startCompetitor({
      apiUrl: emu.apiUrl,
      accountId: emu.accountId,
      username: emu.username,
      apiToken: emu.apiToken,
      requestsPerSecond: LIMIT / 2,
      durationMs: 10 * 60_000
    })
    const started = performance.now()
    const job = await runJob(entry, { ...credentials(emu, group), 'keep-latest': '1' }, 10 * 60_000)
    const wall = performance.now() - started
    const c = await competitor.stop()
    const own = emu.requests.filter(r => r.groupType === group)
    const own503 = own.filter(r => r.status === 503).length
    return row(
      `1 job × ${VERSIONS} + competitor ${LIMIT / 2}/s`,
      emu,
      wall,
      [job],
      VERSIONS - 1,
      `job: ${own.length} req, ${own503} × 503; competitor: ${c.sent} sent, ${c.throttled} × 503`
    )
  } finally {
    await emu.close()
  }
}

/**
 * `n` CPU-bound processes, as other jobs on a busy runner. Each spins until stopped, until this
 * process dies (its parent changes), or for `maxMs` at most.
 */
function startBusyLoops(n: number, maxMs: number): () => void {
  const code = `const end = Date.now() + ${maxMs}, parent = process.ppid; let x = 0; while (Date.now() < end && process.ppid === parent) for (let i = 0; i < 1e6; i++) x += i`
  const procs = Array.from({ length: n }, () => spawn(process.execPath, ['-e', code], { stdio: 'ignore' }))
  return () => {
    for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL')
  }
}

const load = (): string => loadavg()[0].toFixed(1)

/** The single-job row of bench.ts: 1,500 versions (protected kinds included) at requests-per-second 10, with `busy` CPU-bound processes beside it. */
async function aloneLarge(entry: string, busy = 0): Promise<Row> {
  const emu = new Emulator({ rateLimit: LIMIT })
  const groupType = 'acme-Q7XK2P-sample'
  const startDate = new Date(Date.now() - 1500 * 86_400_000)
  startDate.setUTCHours(9, 0, 0, 0)
  seedGroup(emu, { groupType, count: 1500, seed: 1, startDate, spacingHours: 24, protectedKinds: true })
  await emu.start()
  try {
    progress(`1 job × 1500 versions at requests-per-second 10${busy ? `, beside ${busy} busy loops` : ''} (about 3 minutes)`)
    const loadBefore = load()
    const stopBusy = busy ? startBusyLoops(busy, 10 * 60_000) : () => undefined
    try {
      const started = performance.now()
      const job = await runJob(entry, { ...credentials(emu, groupType), 'keep-latest': '1', 'requests-per-second': String(LIMIT) }, 10 * 60_000)
      const wall = performance.now() - started
      const scenario = `1 job × 1500 at 10/s${busy ? `, ${busy} busy loops` : ''}`
      return row(scenario, emu, wall, [job], job.deleted, `load average ${loadBefore} before, ${load()} at the end (2 cores)`)
    } finally {
      stopBusy()
    }
  } finally {
    await emu.close()
  }
}

function print(rows: Row[]): void {
  const header = ['scenario', 'wall', 'requests', 'floor', 'ratio', '503 share', 'max/s', 'failed jobs', 'deleted', 'target', 'result']
  const target = (r: Row): [string, boolean] => {
    if (r.scenario.startsWith('4 jobs')) return ['≤ 1.3×, ≤ 5 %, 0 failed', r.ratio <= 1.3 && r.share503 <= 0.05 && r.failures === 0]
    if (r.scenario.startsWith('8 jobs')) return ['0 failed', r.failures === 0]
    if (r.scenario.startsWith('1 job × 1500')) {
      const bound = r.scenario.includes('busy') ? 1.08 : 1.06
      return [`≤ ${bound}×, 0 × 503, ≤ ${LIMIT}/s`, r.ratio <= bound && r.share503 === 0 && r.maxInSecond <= LIMIT && r.failures === 0]
    }
    return ['0 failed', r.failures === 0]
  }
  const lines = rows.map(r => {
    const [t, ok] = target(r)
    return [
      r.scenario,
      `${r.wallS.toFixed(1)} s`,
      String(r.received),
      `${r.floorS.toFixed(1)} s`,
      `${r.ratio.toFixed(3)}×`,
      `${(r.share503 * 100).toFixed(1)} %`,
      String(r.maxInSecond),
      String(r.failures),
      r.deleted,
      t,
      verdict(ok)
    ]
  })
  console.log(table([header, ...lines]))
  for (const r of rows) if (r.note) console.log(`  ${r.scenario}: ${r.note}`)
  console.log(`  floor = requests the emulator received (503s and the competitor's included) ÷ ${LIMIT}/s; Node ${process.version}`)
}

/**
 * A row run `runs` times, then (for more than one) a row of the medians: a single run of the
 * 4-job rows is one draw from a wide spread (docs/benchmarks.md, "Shared-account pacing, simulated").
 */
async function repeated(run: () => Promise<Row>, runs: number): Promise<Row[]> {
  const rows: Row[] = []
  for (let i = 1; i <= runs; i++) {
    const r = await run()
    rows.push(runs > 1 ? { ...r, scenario: `${r.scenario} (run ${i})` } : r)
  }
  if (runs === 1) return rows
  const mid = (pick: (r: Row) => number): number => median(rows.map(pick))
  const first = rows[0]
  return [
    ...rows,
    {
      ...first,
      scenario: first.scenario.replace(' (run 1)', ` (median of ${runs})`),
      wallS: mid(r => r.wallS),
      received: mid(r => r.received),
      floorS: mid(r => r.floorS),
      ratio: mid(r => r.ratio),
      share503: mid(r => r.share503),
      maxInSecond: Math.max(...rows.map(r => r.maxInSecond)),
      failures: rows.reduce((a, r) => a + r.failures, 0),
      deleted: `${rows.filter(r => r.deleted === first.deleted).length}/${runs} runs ${first.deleted}`,
      note: ''
    }
  ]
}

/** `--runs N` (1 to 9): how many times the 4-job rows run. */
function runsArgument(): number {
  const at = process.argv.indexOf('--runs')
  if (at < 0) return 1
  const n = Number(process.argv[at + 1])
  if (!Number.isInteger(n) || n < 1 || n > 9) fail(`--runs takes a whole number from 1 to 9, not ${JSON.stringify(process.argv[at + 1] ?? '')}`)
  return n
}

async function main(): Promise<void> {
  const runs = runsArgument()
  const pacing = process.argv.includes('--pacing')
  const quick = pacing || process.argv.includes('--quick')
  const alone = pacing || process.argv.includes('--alone')
  const all = !quick && !alone
  const t0 = performance.now()
  progress(`bundling src/ with ncc; load average ${load()} (2 cores)`)
  const entry = await bundle()
  const rows: Row[] = []
  if (quick || all) {
    if (all) rows.push(await parallelJobs(entry, 2))
    rows.push(...(await repeated(() => parallelJobs(entry, 4), runs)))
    if (all) rows.push(await parallelJobs(entry, 8))
    rows.push(...(await repeated(() => parallelJobs(entry, 4, 'all'), runs)))
  }
  if (all) rows.push(await besideCompetitor(entry))
  if (alone || all) {
    rows.push(await aloneLarge(entry))
    rows.push(await aloneLarge(entry, 2))
  }
  print(rows)
  console.log(`  ${((performance.now() - t0) / 1000).toFixed(0)} s in all; load average ${load()} at the end`)
}

main()
  .catch((err: unknown) => {
    console.error(err instanceof HarnessError ? `bench: ${err.message}` : err)
    process.exitCode = 1
  })
  .finally(cleanup)
