// Shared pieces of the benchmarks: running dist/index.js the way the Actions
// runner does, timing child processes, the Boomi emulator (as its CLI process or
// in this process), and the pruning run used by both bench.ts and prune-1000.ts.
// Every child process has a time limit; every loop has a fixed bound.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { Emulator } from '../../emulator/server.js'
import { seedGroup } from '../../emulator/seed.js'

// Compiled to .tools/scripts/bench/: three levels up is the repository root.
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const DIST = path.join(ROOT, 'dist/index.js')
export const EMULATOR_CLI = path.join(ROOT, '.tools/emulator/cli.js')
export const GROUP = 'acme-Q7XK2P-sample'

/** A failure of the harness itself (not a missed target): the bench exits non-zero. */
export class HarnessError extends Error {}

export function fail(message: string): never {
  throw new HarnessError(message)
}

// ------------------------------------------------------------------ temp files

let tempRoot: string | undefined

/** One directory under os.tmpdir() for everything a bench writes; removed by cleanup(). */
export function tempDir(): string {
  tempRoot ??= mkdtempSync(path.join(tmpdir(), 'boomi-bench-'))
  return tempRoot
}

const children = new Set<ChildProcess>()

/** Stops the children this process started (by their own handle) and removes the temp directory. */
export function cleanup(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  children.clear()
  if (tempRoot) rmSync(tempRoot, { recursive: true, force: true })
  tempRoot = undefined
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanup()
    process.exit(130)
  })
}

// ------------------------------------------------------------------ processes

export interface Proc {
  code: number | null
  stdout: string
  stderr: string
  /** Wall time from spawn to exit, in ms. */
  ms: number
  /** Peak RSS in kB ("Maximum resident set size" of /usr/bin/time -v), when asked for. */
  rssKB?: number
}

/** Runs a command to its end (killed after timeoutMs), optionally under /usr/bin/time -v for its peak RSS. */
export function exec(cmd: string, args: string[], opts: { timeoutMs: number; env?: NodeJS.ProcessEnv; cwd?: string; rss?: boolean }): Promise<Proc> {
  const timeFile = opts.rss ? path.join(mkdtempSync(path.join(tempDir(), 'time-')), 'v') : undefined
  const [file, argv] = timeFile ? ['/usr/bin/time', ['-v', '-o', timeFile, cmd, ...args]] : [cmd, args]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(file, argv, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    children.add(child)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs)
    child.on('error', err => {
      clearTimeout(timer)
      children.delete(child)
      reject(new HarnessError(`${cmd}: ${err.message}`))
    })
    child.on('close', (code, signal) => {
      const ms = performance.now() - started
      clearTimeout(timer)
      children.delete(child)
      if (signal) return reject(new HarnessError(`${cmd} ${args.join(' ')}: killed by ${signal} after ${(ms / 1000).toFixed(1)} s`))
      let rssKB: number | undefined
      if (timeFile) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'))
        if (!m) return reject(new HarnessError(`/usr/bin/time -v gave no peak RSS for ${cmd}`))
        rssKB = Number(m[1])
      }
      resolve({ code, stdout, stderr, ms, rssKB })
    })
  })
}

/** Only what a runner gives a step (no NODE_EXTRA_CA_CERTS, no stray INPUT_*). */
export function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const key of ['PATH', 'HOME', 'LANG']) if (process.env[key]) env[key] = process.env[key]
  return env
}

export interface ActionRun extends Proc {
  outputs: Record<string, string>
}

/** Runs `node dist/index.js` (or `entry`) with INPUT_<NAME> variables and fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files. */
export async function runAction(inputs: Record<string, string>, opts: { timeoutMs: number; rss?: boolean; entry?: string }): Promise<ActionRun> {
  const dir = mkdtempSync(path.join(tempDir(), 'run-'))
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(),
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    // The action takes an archive only inside the workspace: an absolute one makes its folder the workspace.
    GITHUB_WORKSPACE: inputs.archive && path.isAbsolute(inputs.archive) ? path.dirname(inputs.archive) : dir,
    RUNNER_TEMP: dir
  }
  writeFileSync(env.GITHUB_OUTPUT!, '')
  writeFileSync(env.GITHUB_STEP_SUMMARY!, '')
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const proc = await exec(process.execPath, [opts.entry ?? DIST], { timeoutMs: opts.timeoutMs, env, cwd: dir, rss: opts.rss })
  return { ...proc, outputs: parseOutputFile(readFileSync(env.GITHUB_OUTPUT!, 'utf8')) }
}

/** Fails the harness unless the action run ended with exit code 0. */
export function expectSuccess(run: ActionRun, what: string): ActionRun {
  if (run.code !== 0) {
    const errors = run.stdout.split('\n').filter(l => l.startsWith('::error'))
    fail(`${what}: the action exited with ${run.code}: ${errors.join(' | ') || run.stderr.slice(-500)}`)
  }
  return run
}

function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i])
    outputs[m[1]] = value.join('\n')
  }
  return outputs
}

// ------------------------------------------------------------------ emulator

export interface EmulatorInfo {
  apiUrl: string
  accountId: string
  username: string
  apiToken: string
  groupType: string
}

export function credentials(e: EmulatorInfo): Record<string, string> {
  return { 'account-id': e.accountId, username: e.username, 'api-token': e.apiToken, 'group-type': e.groupType, 'api-url': e.apiUrl }
}

/** `node .tools/emulator/cli.js --port 0 …` as a separate process; its per-request stderr lines are collected. */
export async function startCliEmulator(args: string[] = []): Promise<{ info: EmulatorInfo; requestLines: string[]; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [EMULATOR_CLI, '--port', '0', ...args], { env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  const requestLines: string[] = []
  createInterface({ input: child.stderr }).on('line', line => {
    if (/^[A-Z]+ \S+ -> /.test(line)) requestLines.push(line)
  })
  const exited = new Promise<void>(resolve => child.once('close', () => resolve()))
  const info = await new Promise<EmulatorInfo>((resolve, reject) => {
    const timer = setTimeout(() => reject(new HarnessError('the emulator did not start within 10 s')), 10_000)
    child.once('error', err => reject(new HarnessError(`emulator: ${err.message}`)))
    child.once('close', code => reject(new HarnessError(`the emulator exited with ${code} before listening`)))
    createInterface({ input: child.stdout }).once('line', line => {
      clearTimeout(timer)
      try {
        resolve(JSON.parse(line) as EmulatorInfo)
      } catch {
        reject(new HarnessError(`emulator: unexpected first line ${line}`))
      }
    })
  })
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
    children.delete(child)
  }
  return { info, requestLines, stop }
}

/** An Emulator in this process, seeded exactly as `cli.js --seed <count>` seeds it. */
export async function startSeededEmulator(count: number, rateLimit: number): Promise<{ emu: Emulator; info: EmulatorInfo }> {
  const emu = new Emulator({ rateLimit, groups: [GROUP] })
  const spacingHours = 24
  const startDate = new Date(Date.now() - count * spacingHours * 3_600_000)
  startDate.setUTCHours(9, 0, 0, 0)
  seedGroup(emu, { groupType: GROUP, count, seed: 1, startDate, spacingHours, protectedKinds: count >= 13 })
  await emu.start()
  const { apiUrl, accountId, username, apiToken } = emu
  return { emu, info: { apiUrl, accountId, username, apiToken, groupType: GROUP } }
}

export interface RequestCount {
  /** Requests the emulator received, rate-limited and retried ones included. */
  received: number
  /** Answered 503 (rate-limited or not). */
  status503: number
  /** Most arrivals in any rolling second. */
  maxPerSecond: number
  /** The least a correct run needs: one listing of the group, the upload if any, one request per deletion tried. */
  minimum: number
  pages: number
  uploads: number
  deletions: number
}

/** Counts what the emulator received against the minimum for a run that listed `listed` versions. */
export function countRequests(emu: Emulator, listed: number, uploads: number): RequestCount {
  const reqs = emu.requests
  const deleted = new Set<string>()
  for (const r of reqs) {
    if (r.operation !== 'delete' || !r.body) continue
    try {
      deleted.add(String((JSON.parse(r.body) as { versionId?: unknown }).versionId))
    } catch {
      /* a malformed delete still counts in `received` */
    }
  }
  const pages = Math.max(1, Math.ceil(listed / 100))
  return {
    received: reqs.length,
    status503: reqs.filter(r => r.status === 503).length,
    maxPerSecond: emu.maxRequestsInWindow(1000),
    minimum: pages + uploads + deleted.size,
    pages,
    uploads,
    deletions: deleted.size
  }
}

export interface PruneResult extends RequestCount {
  wallS: number
  floorS: number
  ratio: number
  deleted: number
  skipped: number
}

/**
 * Seeds `count` versions (protected kinds included), limits the emulator to `rps`
 * requests a second, and runs the action prune-only with keep-latest 1 at the same
 * requests-per-second. The floor is the requests received divided by the rate.
 */
export async function pruneRun(count: number, rps: number): Promise<PruneResult> {
  const { emu, info } = await startSeededEmulator(count, rps)
  try {
    // Generous limit: 1.5 × the floor of every version deleted, plus a minute.
    const timeoutMs = ((count + 20) / rps) * 1500 + 60_000
    const run = expectSuccess(
      await runAction({ ...credentials(info), 'keep-latest': '1', 'requests-per-second': String(rps) }, { timeoutMs }),
      `prune of ${count} versions`
    )
    const counted = countRequests(emu, count, 0)
    const wallS = run.ms / 1000
    const floorS = counted.received / rps
    if (counted.received === 0) fail('the emulator received no requests')
    return {
      ...counted,
      wallS,
      floorS,
      ratio: wallS / floorS,
      deleted: (JSON.parse(run.outputs['deleted-version-ids'] ?? '[]') as unknown[]).length,
      skipped: (JSON.parse(run.outputs['skipped-version-ids'] ?? '[]') as unknown[]).length
    }
  } finally {
    await emu.close()
  }
}

// ------------------------------------------------------------------ figures

export function median(xs: number[]): number {
  if (xs.length === 0) fail('median of no values')
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

export const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS')

/** A plain text table: first row is the header, columns padded to their widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => (r[i] ?? '').length)))
  const line = (r: string[]): string => `| ${r.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ')} |`
  return [line(rows[0]), `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n')
}

export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`)
}
