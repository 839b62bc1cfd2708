// Issue 8's figure: an upload Boomi stored at once but whose answer was dropped.
// How long does the bundled action take, end to end, with default settings?
// Before: the first release waited a fixed timeout-seconds/4 (30 s) before
// looking, and as long again before a second look (about 61 s). After: it
// looks at once, finds the version, and looks for no twin.
//   npx tsc -p tsconfig.tools.json && node .tools/scripts/bench/lost-answer.js [--before <dist dir>]
// --before runs an earlier bundle too, e.g. one extracted with
//   git archive 842f474 dist | tar -x -C /tmp/before   (then --before /tmp/before/dist)
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { Emulator } from '../../emulator/server.js'
import { makeConnectorZip } from '../zip-writer.js'
import { DIST, GROUP, cleanup, runAction, table, tempDir } from './lib.js'

async function once(dist: string): Promise<{ seconds: number; code: number | null; operations: string }> {
  const emu = new Emulator({ groups: [GROUP] })
  await emu.start()
  try {
    const archive = path.join(tempDir(), 'c.car.zip')
    writeFileSync(archive, makeConnectorZip())
    emu.script('create', { dropAfterCreate: true })
    const inputs = { 'account-id': emu.accountId, username: emu.username, 'api-token': emu.apiToken, 'group-type': GROUP, 'api-url': emu.apiUrl, archive }
    const started = performance.now()
    const run = await runAction(inputs, { timeoutMs: 180_000, entry: dist })
    const seconds = (performance.now() - started) / 1000
    return { seconds, code: run.code, operations: emu.requests.map(r => r.operation).join(' ') }
  } finally {
    await emu.close()
  }
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--before')
  const bundles: [string, string][] = [['current dist/', DIST]]
  if (i > 0) bundles.unshift(['before', path.join(process.argv[i + 1], 'index.js')])
  const rows = [['bundle', 'wall', 'exit', 'requests']]
  for (const [name, dist] of bundles) {
    const r = await once(dist)
    rows.push([name, `${r.seconds.toFixed(2)} s`, String(r.code), r.operations])
  }
  console.log(table(rows))
}

main()
  .catch(err => {
    console.error(err)
    process.exitCode = 1
  })
  .finally(cleanup)
