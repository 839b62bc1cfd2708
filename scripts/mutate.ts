// npm run mutate [-- <options of `stryker run`>]: the mutation job of stryker.config.js, then
// its gate (scripts/mutation-gate.ts). Stryker 10 refuses Node older than 22: on an older
// Node the job runs on the Node 24 that .ci/run installs into .tools/node24.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { type ExplainedSurvivor, type MutationReport, judge, readJson, render } from './mutation-gate.js'

const REPORT = 'reports/mutation/mutation.json'
const LISTED = '.ci/mutation-survivors.json'
const NODE24 = `.tools/node24/node_modules/node-linux-${process.arch}/bin/node`

function nodeForStryker(): string {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath
  if (existsSync(NODE24)) return NODE24
  throw new Error(`Stryker needs Node 22 or newer (this is ${process.version}); run bash .ci/run once to install Node 24 into .tools/node24, or use Node 24.`)
}

// Stryker ends a test runner that hangs (a mutant's endless wait) by killing it, so that runner's
// afterAll never removes the workspaces its tests made: they go in a folder of their own, removed here.
const scratch = mkdtempSync(path.join(tmpdir(), 'mutation-'))
let run
try {
  run = spawnSync(nodeForStryker(), ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TMPDIR: scratch }
  })
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
if (run.status !== 0) process.exit(run.status ?? 1)
const { files, stale } = judge(readJson<MutationReport>(REPORT), readJson<ExplainedSurvivor[]>(LISTED))
const { text, unexplained } = render(files, stale)
console.log(`\n${text}`)
if (unexplained) process.exitCode = 1
