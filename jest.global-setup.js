// Process-level tests run the action and the command-line tool bundled from the
// current src/, never the committed dist/ or cli/dist/ (.ci/run checks separately
// that those equal a fresh bundle). Both are built once per test run, in the
// background while the in-process tests run (jest.sequencer.js puts those first),
// by jest.bundles.js; scripts/run-action.ts and the command-line tests wait for
// each one's '.ready' mark. BOOMI_ACTION_DIST, when set, names an action bundle to
// test instead (the command-line tests then bundle theirs themselves).
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

export default function startBundles() {
  if (process.env.BOOMI_ACTION_DIST) return
  const out = mkdtempSync(path.join(tmpdir(), 'boomi-action-bundle-'))
  const child = spawn(process.execPath, ['jest.bundles.js', out], { stdio: ['ignore', 'ignore', 'pipe'] })
  let errors = ''
  child.stderr.on('data', chunk => (errors += chunk))
  child.on('exit', code => {
    // A bundle never marked (the process itself failed) is marked failed, so that no test waits for it.
    for (const dir of [out, path.join(out, 'cli')]) {
      if (code !== 0 && existsSync(out) && !existsSync(path.join(dir, '.ready'))) {
        mkdirSync(dir, { recursive: true })
        writeFileSync(path.join(dir, '.failed'), errors || `the bundling process exited with ${code}`)
      }
    }
  })
  globalThis.__boomiBundle = child
  process.env.BOOMI_ACTION_DIST = path.join(out, 'index.js')
  process.env.BOOMI_ACTION_BUNDLE_DIR = out
  process.env.BOOMI_CLI_BUNDLE_DIR = path.join(out, 'cli')
}
