// The command-line tool as a user gets it: the current src/cli, bundled by
// jest.global-setup.js, put into the package folder's layout, `npm pack`ed, the tarball
// installed into a temporary prefix, and the installed bin run against the emulator.
// One pack per file; the runs are concurrent, each against an emulator of its own.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { type Fixture, withEmulatorWorkspace } from '../helpers/emulator-fixture.js'
import { makeConnectorZip } from '../helpers/zip.js'

const GROUP = 'acme-Q7XK2P-sample'
const ROOT = process.cwd()
// The Node the installed bin runs on: the one .ci/run names for the action's runtime, else this one.
const NODE = process.env.BOOMI_ACTION_NODE ?? process.execPath
let scratch: string
let bin: string

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'cli-pack-'))
  const pkg = path.join(scratch, 'package')
  mkdirSync(path.join(pkg, 'dist'), { recursive: true })
  for (const f of ['package.json', 'README.md', 'LICENSE']) copyFileSync(path.join(ROOT, 'cli', f), path.join(pkg, f))
  const bundle = process.env.BOOMI_CLI_BUNDLE
  if (!bundle) throw new Error('BOOMI_CLI_BUNDLE is not set: jest.global-setup.js bundles src/cli for these tests')
  cpSync(path.dirname(bundle), path.join(pkg, 'dist'), { recursive: true })
  const npm = {
    cwd: pkg,
    encoding: 'utf8' as const,
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }
  }
  const report = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], npm)) as PackReport
  const prefix = path.join(scratch, 'prefix')
  execFileSync('npm', ['install', '--offline', '--no-save', '--prefix', prefix, path.join(scratch, report[0].filename)], {
    ...npm,
    cwd: scratch,
    stdio: 'pipe'
  })
  bin = path.join(prefix, 'node_modules/.bin/boomi-connector-release')
}, 240_000)

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

type PackReport = { filename: string; files: { path: string }[] }[]

interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** The installed bin, started through its shebang with only what a CI job would give it. */
function cli(fx: Fixture, args: string[], env: Record<string, string> = {}, onStderr?: (all: string, child: ChildProcess) => void): Promise<CliRun> {
  const base: Record<string, string> = {
    PATH: `${path.dirname(NODE)}${path.delimiter}${process.env.PATH}`,
    HOME: process.env.HOME ?? scratch,
    BOOMI_ACCOUNT_ID: fx.emu.accountId,
    BOOMI_USERNAME: fx.emu.username,
    BOOMI_API_TOKEN: fx.emu.apiToken,
    BOOMI_GROUP_TYPE: GROUP,
    BOOMI_API_URL: fx.emu.apiUrl,
    BOOMI_REQUESTS_PER_SECOND: '50'
  }
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: fx.work, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => {
      stderr += d
      onStderr?.(stderr, child)
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

function archive(fx: Fixture): string {
  const bytes = makeConnectorZip()
  writeFileSync(path.join(fx.work, 'build/distributions/sample-1.0.car.zip'), bytes)
  return createHash('sha256').update(bytes).digest('hex')
}

/** The token, or the Basic credentials made from it, nowhere. */
function expectNoSecret(fx: Fixture, ...texts: string[]): void {
  const basic = Buffer.from(`BOOMI_TOKEN.${fx.emu.username}:${fx.emu.apiToken}`).toString('base64')
  for (const text of texts) {
    expect(text).not.toContain(fx.emu.apiToken.slice(0, 8))
    expect(text).not.toContain(basic.slice(0, 12))
  }
}

it('npm pack of the committed cli/ ships the bundle, the package file, README and LICENSE, and nothing else', () => {
  // What ships is cli/ as committed: .ci/run checks that cli/dist equals a fresh ncc bundle of src/cli.
  const report = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json'], {
      cwd: path.join(ROOT, 'cli'),
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' }
    })
  ) as PackReport
  const packed = report[0].files.map(f => f.path).sort()
  expect(packed.filter(f => !/^dist\/\d+\.index\.js$/.test(f))).toEqual([
    'LICENSE',
    'README.md',
    'dist/index.js',
    'dist/licenses.txt',
    'dist/package.json',
    'package.json'
  ])
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'cli/package.json'), 'utf8'))
  expect(manifest.version).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version)
  expect(manifest.dependencies).toBeUndefined()
  expect(existsSync(bin)).toBe(true)
})

describe('the installed bin against the emulator', () => {
  it.concurrent('releases with --json, then a re-run reuses the version', () =>
    withEmulatorWorkspace(async fx => {
      const sha256 = archive(fx)
      const files = ['--output-file', 'out.env', '--summary-file', 'summary.md']
      const first = await cli(fx, ['--archive', 'build/distributions/*.car.zip', '--json', ...files])
      expect(first.stderr).toMatch(/== Upload ==/)
      expect(first.code).toBe(0)
      const out = JSON.parse(first.stdout)
      expect(out).toMatchObject({ 'version-id': expect.stringMatching(/^\d+$/), sha256, uploaded: true, 'deleted-version-ids': [] })
      const dotenv = readFileSync(path.join(fx.work, 'out.env'), 'utf8')
      expect(dotenv).toContain(`version_id=${out['version-id']}\n`)
      const summary = readFileSync(path.join(fx.work, 'summary.md'), 'utf8')
      expect(summary).toContain('Uploaded a new version')
      expectNoSecret(fx, first.stdout, first.stderr, dotenv, summary)

      const again = await cli(fx, ['--archive', 'build/distributions/*.car.zip', '--json'])
      expect(again.code).toBe(0)
      expect(JSON.parse(again.stdout)).toMatchObject({ 'version-id': out['version-id'], sha256, uploaded: false })
      expect(fx.emu.live(GROUP)).toHaveLength(1)
    })
  )

  it.concurrent('a bad input exits 2 naming the flag, and sends nothing', () =>
    withEmulatorWorkspace(async fx => {
      const r = await cli(fx, ['--keep-latest', 'zero', '--json'])
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/--keep-latest.*Invalid keep-latest 'zero'/)
      // --json prints its one object however the run ends: here, the outputs of a run that did nothing.
      expect(JSON.parse(r.stdout)).toMatchObject({ 'version-id': '', uploaded: false, 'deleted-version-ids': [] })
      expect(fx.emu.requests).toHaveLength(0)
    })
  )

  it.concurrent('an --output-file that cannot be written is a bad input found before the upload and the pruning', () =>
    withEmulatorWorkspace(async fx => {
      archive(fx)
      fx.emu.seed([
        { groupType: GROUP, uploadedDate: '2026-01-01T00:00:00Z' },
        { groupType: GROUP, uploadedDate: '2026-01-02T00:00:00Z' }
      ])
      const r = await cli(fx, ['--archive', 'build/distributions/*.car.zip', '--keep-latest', '1', '--output-file', 'no/such/dir/out.env', '--json'])
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/error: --output-file: Cannot write --output-file 'no\/such\/dir\/out\.env': its directory does not exist/)
      expect(JSON.parse(r.stdout)).toMatchObject({ 'version-id': '', uploaded: false, 'deleted-version-ids': [] })
      expect(fx.emu.requests).toHaveLength(0)
      expect(fx.emu.live(GROUP)).toHaveLength(2)
    })
  )

  it.concurrent('--api-token is refused, without echoing the token, and nothing is sent', () =>
    withEmulatorWorkspace(async fx => {
      const r = await cli(fx, ['--api-token', fx.emu.apiToken, '--keep-latest', '3'], { BOOMI_API_TOKEN: '' })
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/--api-token is refused.*BOOMI_API_TOKEN.*--api-token-file/)
      expectNoSecret(fx, r.stdout, r.stderr)
      expect(fx.emu.requests).toHaveLength(0)
    })
  )

  it.concurrent('a GitLab tag pipeline takes the change log from the changelog section of its tag, the token from a file', () =>
    withEmulatorWorkspace(async fx => {
      archive(fx)
      writeFileSync(path.join(fx.work, 'CHANGELOG.md'), '# Changelog\n\n## [1.2.0] - 2026-12-01\n\n- Paging fixed\n\n## [1.1.0] - 2026-11-01\n\n- First\n')
      writeFileSync(path.join(fx.work, 'token'), `${fx.emu.apiToken}\n`)
      const r = await cli(fx, ['--archive', 'build/distributions/*.car.zip', '--change-log-file', 'CHANGELOG.md', '--api-token-file', 'token', '--json'], {
        BOOMI_API_TOKEN: '',
        GITLAB_CI: 'true',
        CI_COMMIT_TAG: 'v1.2.0',
        CI_COMMIT_REF_NAME: 'v1.2.0',
        CI_COMMIT_SHA: 'fed9876cba',
        CI_PROJECT_PATH: 'acme/conn'
      })
      expect(r.code).toBe(0)
      expect(r.stderr).toMatch(/section '\[1\.2\.0\] - 2026-12-01'/)
      const [version] = fx.emu.live(GROUP)
      expect(version.changeLog).toMatch(/^- Paging fixed\n\nupload-id: [0-9a-f]{16}\ncontent-sha256: /)
      expectNoSecret(fx, r.stdout, r.stderr)
    })
  )

  it.concurrent('a run that fails exits 1 and still prints the outputs', () =>
    withEmulatorWorkspace(async fx => {
      const r = await cli(fx, ['--keep-latest', '3', '--json'], { BOOMI_API_TOKEN: 'wrong-token-000000' })
      expect(r.code).toBe(1)
      expect(JSON.parse(r.stdout)).toMatchObject({ 'version-id': '', uploaded: false })
      expect(r.stderr).toMatch(/error: .*401/)
    })
  )

  it.concurrent('SIGTERM mid-prune: no new deletion, the outputs list what was deleted, exit 1', () =>
    withEmulatorWorkspace(async fx => {
      fx.emu.seed(Array.from({ length: 40 }, (_, i) => ({ groupType: GROUP, uploadedDate: new Date(Date.parse('2026-01-01') + i * 86_400_000).toISOString() })))
      const r = await cli(fx, ['--keep-latest', '1', '--requests-per-second', '10', '--json'], {}, (all, child) => {
        if ((all.match(/^deleted /gm) ?? []).length >= 3 && !child.killed) child.kill('SIGTERM')
      })
      expect(r.code).toBe(1)
      const gone = fx.emu
        .versions(GROUP)
        .filter(v => v.deleted)
        .map(v => v.versionId)
      expect(gone.length).toBeGreaterThanOrEqual(3)
      expect(gone.length).toBeLessThan(39)
      expect(JSON.parse(r.stdout)['deleted-version-ids'].sort()).toEqual(gone.sort())
      expect(r.stderr).toMatch(/Received SIGTERM/)
    })
  )
})

describe('the installed bin, stopped by a bad input', () => {
  it.concurrent('still writes --output-file and --summary-file, as the Action writes its outputs and summary, and sends nothing', () =>
    withEmulatorWorkspace(async fx => {
      const r = await cli(fx, ['--keep-latest', 'zero', '--output-file', 'out.env', '--summary-file', 'summary.md'])
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/error: --keep-latest \/ BOOMI_KEEP_LATEST: Invalid keep-latest 'zero'/)
      const dotenv = readFileSync(path.join(fx.work, 'out.env'), 'utf8')
      expect(dotenv).toMatch(/^version_id=\n/)
      expect(dotenv).toContain('uploaded=false\n')
      expect(dotenv).toContain('deleted_version_ids=[]\n')
      const summary = readFileSync(path.join(fx.work, 'summary.md'), 'utf8')
      expect(summary).toMatch(
        /^## Boomi connector release: `acme-Q7XK2P-sample`\n\n> \*\*Failed:\*\* \\--keep-latest \/ BOOMI\\_KEEP\\_LATEST: Invalid keep-latest/
      )
      expectNoSecret(fx, r.stderr, dotenv, summary)
      expect(fx.emu.requests).toHaveLength(0)
    })
  )
})

describe('the installed bin, a boolean flag turned off', () => {
  it.concurrent('--no-dry-run wins over BOOMI_DRY_RUN=true: the archive is uploaded', () =>
    withEmulatorWorkspace(async fx => {
      archive(fx)
      const r = await cli(fx, ['--archive', 'build/distributions/*.car.zip', '--no-dry-run', '--json'], { BOOMI_DRY_RUN: 'true' })
      expect(r.code).toBe(0)
      expect(JSON.parse(r.stdout)).toMatchObject({ uploaded: true })
      expect(fx.emu.live(GROUP)).toHaveLength(1)
    })
  )
})

describe("the installed bin's own words", () => {
  it.concurrent('an --output-file that cannot be written at the end: the warning names the flag, not a step', () =>
    withEmulatorWorkspace(async fx => {
      fx.emu.seed([
        { groupType: GROUP, uploadedDate: '2026-01-01T00:00:00Z' },
        { groupType: GROUP, uploadedDate: '2026-01-02T00:00:00Z' }
      ])
      // The folder is there when the run starts (the check passes) and goes while the listing waits.
      fx.emu.script('query', { hangMs: 1500 })
      fx.emu.script('delete', { status: 401 })
      mkdirSync(path.join(fx.work, 'results'))
      const running = cli(fx, ['--keep-latest', '1', '--output-file', 'results/out.env'])
      for (const end = Date.now() + 10_000; !fx.emu.requests.length && Date.now() < end;) await new Promise(resolve => setTimeout(resolve, 20))
      rmSync(path.join(fx.work, 'results'), { recursive: true })
      const r = await running
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(
        /warning: Could not write the results \(--output-file results\/out\.env: ENOENT.*\)\. Check the paths given to --output-file and --summary-file\./
      )
      expect(r.stderr).toMatch(/error: .*HTTP 401/)
    })
  )
})
