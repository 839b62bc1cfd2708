// `npm run bench:prune`: prune-only run of the action over 1,000 versions with the
// emulator limited to 5 requests a second and the action at requests-per-second 5,
// keep-latest 1. One run, about 3 minutes. Exits non-zero only on a harness failure.
import { HarnessError, cleanup, progress, pruneRun, verdict } from './lib.js'

const VERSIONS = 1000
const RATE = 5

async function main(): Promise<void> {
  progress(`prune of ${VERSIONS} versions at ${RATE} requests/s (one run, about 3 minutes)`)
  const r = await pruneRun(VERSIONS, RATE)
  const lines = [
    `wall time    ${r.wallS.toFixed(1)} s`,
    `requests     ${r.received} (minimum ${r.minimum} = ${r.pages} pages + ${r.deletions} deletes; ${r.deleted} deleted, ${r.skipped} skipped)`,
    `floor        ${r.floorS.toFixed(1)} s = ${r.received} requests ÷ ${RATE}/s`,
    `ratio        ${r.ratio.toFixed(3)}  (target ≤ 1.1)  ${verdict(r.ratio <= 1.1)}`,
    `503 answers  ${r.status503}  (target 0)  ${verdict(r.status503 === 0)}`,
    `max in any rolling second: ${r.maxPerSecond} (limit ${RATE}); Node ${process.version}`
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`bench: harness failure: ${err instanceof HarnessError ? err.message : err instanceof Error ? err.stack : String(err)}\n`)
    process.exitCode = 2
  })
  .finally(cleanup)
