// Process-level tests run the action and the command-line tool bundled from the
// current src/, never the committed dist/ or cli/dist/. They are bundled here, once
// per test run, by esbuild: in well under a second, against 9 s of CPU-bound
// webpack and TypeScript for ncc (docs/benchmarks.md, "The test suite's time").
// Both are ES modules with a `require` for the CommonJS dependencies, as ncc makes
// them. What ships stays ncc's: .ci/run checks that dist/ and cli/dist/ equal a
// fresh `npm run bundle` and runs dist/index.js against the emulator (npm run demo),
// and the command-line tests check the committed cli/ package's file list.
// BOOMI_ACTION_DIST, when set, names an action bundle to test instead.
import { build } from 'esbuild'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

const bundles = [
  { entry: 'src/index.ts', dir: '' },
  { entry: 'src/cli/index.ts', dir: 'cli' }
]

export default async function buildBundles() {
  const out = mkdtempSync(path.join(tmpdir(), 'boomi-test-bundles-'))
  try {
    for (const { entry, dir } of bundles) {
      await build({
        entryPoints: [entry],
        outfile: path.join(out, dir, 'index.js'),
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'esm',
        banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
        logLevel: 'warning'
      })
      writeFileSync(path.join(out, dir, 'package.json'), '{ "type": "module" }\n')
    }
  } catch (err) {
    // Jest runs no teardown after a failed setup: the folder goes here.
    rmSync(out, { recursive: true, force: true })
    throw err
  }
  globalThis.__boomiBundleDir = out
  process.env.BOOMI_ACTION_DIST ??= path.join(out, 'index.js')
  process.env.BOOMI_CLI_BUNDLE = path.join(out, 'cli', 'index.js')
}
