// The two bundles the process tests run, built from the current src/ by one process
// (jest.global-setup.js starts it in the background): ncc's compiler loads and warms
// up once for both. Each folder gets its '.ready' (or '.failed', with the error) mark
// when its bundle is written: the action's in <out>, the command-line tool's in <out>/cli.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as path from 'node:path'

const require = createRequire(import.meta.url)
const ncc = require('@vercel/ncc')
const out = process.argv[2]

const bundles = [
  { entry: 'src/index.ts', dir: out, options: {} },
  { entry: 'src/cli/index.ts', dir: path.join(out, 'cli'), options: { license: 'licenses.txt' } }
]

// After the teardown (a short run that did not need the bundles) the folder is gone: nothing is written.
const write = (file, data, mode) => {
  if (!existsSync(out)) process.exit(0)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, data, { mode })
}

for (const { entry, dir, options } of bundles) {
  try {
    const { code, assets } = await ncc(path.resolve(entry), { quiet: true, ...options })
    write(path.join(dir, 'index.js'), code)
    for (const [name, asset] of Object.entries(assets)) write(path.join(dir, name), asset.source, asset.permissions)
    write(path.join(dir, '.ready'), '')
  } catch (err) {
    write(path.join(dir, '.failed'), String(err?.stack ?? err))
  }
}
