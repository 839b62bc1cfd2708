// Process-level tests run the action bundled from the current src/, never the
// committed dist/ (.ci/run checks separately that dist/ equals a fresh bundle).
// One bundle per test run, into a scratch folder removed by the teardown.
// BOOMI_ACTION_DIST, when set, names a bundle to test instead.
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

export default function bundleOnce() {
  if (process.env.BOOMI_ACTION_DIST) return
  const out = mkdtempSync(path.join(tmpdir(), 'boomi-action-bundle-'))
  execFileSync(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', 'src/index.ts', '-o', out, '--quiet'], { stdio: 'inherit' })
  process.env.BOOMI_ACTION_DIST = path.join(out, 'index.js')
  process.env.BOOMI_ACTION_BUNDLE_DIR = out
}
