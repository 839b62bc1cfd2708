// Runs the bundled action the way the Actions runner does: a node process with
// INPUT_* variables (hyphens kept, upper-cased) and real GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files. The bundle is BOOMI_ACTION_DIST (the tests set it
// to a fresh bundle of src/), else the committed dist/index.js.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { makeConnectorZip } from './zip-writer.js'

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** `::error::` lines, without the prefix. */
  errors: string[]
  warnings: string[]
  durationMs: number
}

export const DIST = path.resolve(process.env.BOOMI_ACTION_DIST ?? 'dist/index.js')

/** Parses the `name<<delimiter` blocks the toolkit writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const [, name, delimiter] = m
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
    outputs[name] = value.join('\n')
  }
  return outputs
}

export async function runAction(
  inputs: Record<string, string>,
  opts: { env?: Record<string, string>; cwd?: string; timeoutMs?: number; echo?: (chunk: string) => void; onSpawn?: (child: ChildProcess) => void } = {}
): Promise<ActionRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'action-run-'))
  const outputFile = path.join(dir, 'output')
  const summaryFile = path.join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {}
  // Only what a runner would give: no INPUT_* leaking in from the test process.
  for (const key of ['PATH', 'HOME', 'SYSTEMROOT', 'TEMP', 'TMP']) if (process.env[key]) env[key] = process.env[key]!
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  Object.assign(env, {
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: opts.cwd ?? dir,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: dir,
    ...opts.env
  })
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.BOOMI_ACTION_NODE ?? process.execPath, [DIST], { cwd: opts.cwd ?? dir, env, stdio: ['ignore', 'pipe', 'pipe'] })
    opts.onSpawn?.(child)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => {
      stdout += d
      opts.echo?.(String(d))
    })
    child.stderr.on('data', d => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      const lines = stdout.split(/\r?\n/)
      try {
        resolve({
          code,
          stdout,
          stderr,
          outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
          summary: readFileSync(summaryFile, 'utf8'),
          errors: lines.filter(l => l.startsWith('::error')).map(l => l.replace(/^::error[^:]*::/, '')),
          warnings: lines.filter(l => l.startsWith('::warning')).map(l => l.replace(/^::warning[^:]*::/, '')),
          durationMs: Date.now() - started
        })
      } catch (err) {
        reject(err)
      } finally {
        // Nothing is left behind in the temp directory.
        rmSync(dir, { recursive: true, force: true })
      }
    })
  })
}

/**
 * A real connector zip (config, jars) with a stored resource of `size` bytes of
 * `fill`, so archives of different `fill` differ in content and size is exact enough.
 */
export function makeArchive(dir: string, name = 'sample-1.0.car.zip', size = 4096, fill = 1): string {
  const file = path.join(dir, name)
  writeFileSync(file, makeConnectorZip({ extraEntries: [{ name: 'lib/resources.bin', data: Buffer.alloc(size, fill), method: 'stored' }] }))
  return file
}
