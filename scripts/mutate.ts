// npm run mutate [-- <options of `stryker run`>]: the mutation job of stryker.config.js, then
// its gate (scripts/mutation-gate.ts). Stryker 10 refuses Node older than 22: on an older
// Node the job runs on the Node 24 that .ci/run installs into .tools/node24.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { type ExplainedSurvivor, type MutationReport, judge, readJson, render } from './mutation-gate.js'

const REPORT = 'reports/mutation/mutation.json'
const LISTED = '.ci/mutation-survivors.json'
const NODE24 = `.tools/node24/node_modules/node-linux-${process.arch}/bin/node`

function nodeForStryker(): string {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath
  if (existsSync(NODE24)) return NODE24
  throw new Error(`Stryker needs Node 22 or newer (this is ${process.version}); run bash .ci/run once to install Node 24 into .tools/node24, or use Node 24.`)
}

const run = spawnSync(nodeForStryker(), ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', ...process.argv.slice(2)], { stdio: 'inherit' })
if (run.status !== 0) process.exit(run.status ?? 1)
const { files, stale } = judge(readJson<MutationReport>(REPORT), readJson<ExplainedSurvivor[]>(LISTED))
const { text, unexplained } = render(files, stale)
console.log(`\n${text}`)
if (unexplained) process.exitCode = 1
