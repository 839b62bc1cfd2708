// Many jobs, one account: N action processes, each pruning its own connector group,
// against ONE emulator whose rate limit (10 requests in any rolling second) belongs to
// the account; then one job beside a competing client that spends half the limit; then
// one job alone on 1,500 versions at requests-per-second 10. The action is bundled
// afresh from the current src/ into the bench's temporary directory (dist/ is not used).
//
//   npx tsc -p tsconfig.tools.json && node .tools/scripts/bench/shared-account.js [--quick]
//
// --quick runs only the 4-job row; --alone only the 1,500-version row. Every child process has a time limit, every loop a
// fixed count; the temporary directory is removed at the end, on failure and on Ctrl-C.
import { mkdtempSync } from 'node:fs'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { Emulator } from '../../emulator/server.js'
import { seedGroup } from '../../emulator/seed.js'
import { startCompetitor } from '../../emulator/competitor.js'
import { HarnessError, ROOT, cleanup, exec, fail, progress, runAction, table, tempDir, verdict } from './lib.js'

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
    note
  }
}

/** N jobs started together, each pruning its own group of VERSIONS to keep-latest 1, default settings. */
async function parallelJobs(entry: string, n: number): Promise<Row> {
  const emu = new Emulator({ rateLimit: LIMIT })
  const groups = seedGroups(emu, n, VERSIONS)
  await emu.start()
  try {
    progress(`${n} jobs × ${VERSIONS} versions`)
    const started = performance.now()
    const jobs = await Promise.all(groups.map(g => runJob(entry, { ...credentials(emu, g), 'keep-latest': '1' }, 15 * 60_000)))
    const wall = performance.now() - started
    const last = jobs.map(j => j.throttleLines.at(-1) ?? '').filter(Boolean)
    return row(`${n} jobs × ${VERSIONS}`, emu, wall, jobs, n * (VERSIONS - 1), last.length ? `e.g. "${last[0].trim()}"` : 'no throttling logged')
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

/** The single-job row of bench.ts: 1,500 versions (protected kinds included) at requests-per-second 10. */
async function aloneLarge(entry: string): Promise<Row> {
  const emu = new Emulator({ rateLimit: LIMIT })
  const groupType = 'acme-Q7XK2P-sample'
  const startDate = new Date(Date.now() - 1500 * 86_400_000)
  startDate.setUTCHours(9, 0, 0, 0)
  seedGroup(emu, { groupType, count: 1500, seed: 1, startDate, spacingHours: 24, protectedKinds: true })
  await emu.start()
  try {
    progress('1 job × 1500 versions at requests-per-second 10 (about 2 minutes)')
    const started = performance.now()
    const job = await runJob(entry, { ...credentials(emu, groupType), 'keep-latest': '1', 'requests-per-second': String(LIMIT) }, 10 * 60_000)
    const wall = performance.now() - started
    return row('1 job × 1500 at 10/s', emu, wall, [job], job.deleted, `at most ${emu.maxRequestsInWindow(1000)} in any rolling second`)
  } finally {
    await emu.close()
  }
}

function print(rows: Row[]): void {
  const header = ['scenario', 'wall', 'requests', 'floor', 'ratio', '503 share', 'failed jobs', 'deleted', 'target', 'result']
  const target = (r: Row): [string, boolean] => {
    if (r.scenario.startsWith('4 jobs')) return ['≤ 1.3×, ≤ 5 %, 0 failed', r.ratio <= 1.3 && r.share503 <= 0.05 && r.failures === 0]
    if (r.scenario.startsWith('8 jobs')) return ['0 failed', r.failures === 0]
    if (r.scenario.startsWith('1 job × 1500')) return ['≤ 1.06×, 0 × 503', r.ratio <= 1.06 && r.share503 === 0 && r.failures === 0]
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

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick')
  const alone = process.argv.includes('--alone')
  const t0 = performance.now()
  progress('bundling src/ with ncc')
  const entry = await bundle()
  const rows: Row[] = []
  if (!alone) for (const n of quick ? [4] : [2, 4, 8]) rows.push(await parallelJobs(entry, n))
  if (!quick && !alone) rows.push(await besideCompetitor(entry))
  if (!quick) rows.push(await aloneLarge(entry))
  print(rows)
  console.log(`  ${((performance.now() - t0) / 1000).toFixed(0)} s in all`)
}

main()
  .catch((err: unknown) => {
    console.error(err instanceof HarnessError ? `bench: ${err.message}` : err)
    process.exitCode = 1
  })
  .finally(cleanup)
