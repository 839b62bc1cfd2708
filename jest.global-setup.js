// Process-level tests run the action bundled from the current src/, never the
// committed dist/ (.ci/run checks separately that dist/ equals a fresh bundle).
// One bundle per test run, built in the background while the in-process tests
// run (jest.sequencer.js puts those first); scripts/run-action.ts waits for its
// '.ready' mark before starting the action. BOOMI_ACTION_DIST, when set, names
// a bundle to test instead.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

export default function startBundle() {
  if (process.env.BOOMI_ACTION_DIST) return
  const out = mkdtempSync(path.join(tmpdir(), 'boomi-action-bundle-'))
  const child = spawn(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', 'src/index.ts', '-o', out, '--quiet'], {
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let errors = ''
  child.stderr.on('data', chunk => (errors += chunk))
  child.on('exit', code => {
    // After the teardown (a short run that did not need the bundle) the folder is gone: nothing to mark.
    if (existsSync(out)) writeFileSync(path.join(out, code === 0 ? '.ready' : '.failed'), errors || `ncc exited with ${code}`)
  })
  globalThis.__boomiBundle = child
  process.env.BOOMI_ACTION_DIST = path.join(out, 'index.js')
  process.env.BOOMI_ACTION_BUNDLE_DIR = out
}
