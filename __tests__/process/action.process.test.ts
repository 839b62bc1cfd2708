// The runner contract: the action bundled from the current src/ (see
// jest.global-setup.js), run as the runner runs it, against the emulator over
// real sockets. Decisions are tested in-process in release.test.ts. The tests run
// concurrently, each with an emulator and a workspace of its own.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { type ActionRun, runAction } from '../../scripts/run-action.js'
import { type ActionHarness, withActionHarness } from '../helpers/action-harness.js'
import { WORKFLOW_ENV } from '../helpers/emulator-fixture.js'
import { makeConnectorZip } from '../helpers/zip.js'

/** The token must appear only in the mask command, never anywhere else, not even a piece of it. */
function expectNoSecrets({ fx }: ActionHarness, r: ActionRun): void {
  const basic = Buffer.from(`BOOMI_TOKEN.${fx.emu.username}:${fx.emu.apiToken}`).toString('base64')
  for (const line of (r.stdout + r.stderr).split('\n')) {
    if (line.startsWith('::add-mask::')) continue
    expect(line).not.toContain(fx.emu.apiToken.slice(0, 8))
    expect(line).not.toContain(basic.slice(0, 12))
  }
  expect(r.summary).not.toContain(fx.emu.apiToken.slice(0, 8))
  expect(JSON.stringify(r.outputs)).not.toContain(fx.emu.apiToken)
  expect(r.stdout).toContain(`::add-mask::${fx.emu.apiToken}`)
}

describe('bad inputs: one ::error:: naming the input, exit 1, no request', () => {
  const truncated = ({ fx }: ActionHarness): void => {
    const bytes = makeConnectorZip()
    writeFileSync(path.join(fx.work, 'build/distributions/t.car.zip'), bytes.subarray(0, bytes.length - 30))
  }
  const ARCHIVE = 'build/distributions/*.car.zip'
  const cases: [string, Record<string, string>, (h: ActionHarness) => void, RegExp][] = [
    ['missing api-token', { 'api-token': '' }, h => h.archive(), /api-token/],
    ['nothing to do', {}, () => undefined, /Nothing to do.*archive.*keep-latest/],
    ['archive matches nothing', { archive: ARCHIVE }, () => undefined, /No file matches archive/],
    ['archive is not a zip', { archive: ARCHIVE }, ({ fx }) => writeFileSync(path.join(fx.work, 'build/distributions/t.car.zip'), 'text'), /archive/],
    ['archive is truncated', { archive: ARCHIVE }, truncated, /archive.*t\.car\.zip/],
    ['expected-sha256 mismatch', { archive: ARCHIVE, 'expected-sha256': '0'.repeat(64) }, h => h.archive(), /expected-sha256 is 0{64}/],
    ['api-url plain http off loopback', { 'keep-latest': '3', 'api-url': 'http://api.boomi.com/partner/api/rest/v1' }, () => undefined, /api-url.*https/],
    ['change-log-file missing', { archive: ARCHIVE, 'change-log-file': 'NOPE.md' }, h => h.archive(), /change-log-file 'NOPE\.md'/],
    ['classifications without archive or version-id', { 'keep-latest': '3', classifications: 'uat' }, () => undefined, /classifications/]
  ]
  it.concurrent.each(cases)('%s', (_name, extra, setup, message) =>
    withActionHarness(async h => {
      setup(h)
      const r = await h.run(extra)
      expect(r.code).toBe(1)
      expect(r.errors).toHaveLength(1)
      expect(r.errors[0]).toMatch(message)
      expect(h.fx.emu.requests).toHaveLength(0)
      if (extra['api-token'] !== '') expectNoSecrets(h, r)
      // Outputs and summary of a run that did nothing, whether the inputs or the archive stopped it.
      expect(r.outputs).toMatchObject({ 'version-id': '', uploaded: 'false', 'deleted-version-ids': '[]', 'classification-changes': '[]' })
      expect(r.summary).toMatch(/^## Boomi connector release: .*\n\n> \*\*Failed:\*\* /)
    })
  )

  it.concurrent('a tag run whose version has no section in change-log-file: the headings found and the one to add', () =>
    withActionHarness(async ({ ARCHIVE, fx, run, archive }) => {
      archive()
      writeFileSync(path.join(fx.work, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n\n- wip\n\n## [0.9.0] - 2026-10-01\n\n- Old\n')
      const r = await run({ archive: ARCHIVE, 'change-log-file': 'CHANGELOG.md' }, WORKFLOW_ENV)
      expect(r.code).toBe(1)
      expect(r.errors).toHaveLength(1)
      expect(r.errors[0]).toMatch(/change-log-file.*version 1\.0\.0.*'## \[Unreleased\]'.*'## \[0\.9\.0\] - 2026-10-01'.*'## \[1\.0\.0\] - <date>'/)
      expect(fx.emu.requests).toHaveLength(0)
    })
  )

  it.concurrent('a glob matching two files names both', () =>
    withActionHarness(async ({ ARCHIVE, fx, run, archive }) => {
      archive('a.car.zip')
      archive('b.car.zip')
      const r = await run({ archive: ARCHIVE })
      expect(r.errors).toEqual([expect.stringMatching(/a\.car\.zip.*b\.car\.zip/)])
      expect(fx.emu.requests).toHaveLength(0)
    })
  )
})

describe('release', () => {
  it.concurrent('uploads a new version and sets every output and the summary', () =>
    withActionHarness(async h => {
      const { GROUP, ARCHIVE, fx, run, archive } = h
      const sha = archive()
      const r = await run({ archive: ARCHIVE, 'change-log': 'Fixes paging' }, WORKFLOW_ENV)
      expect(r.code).toBe(0)
      const [v] = fx.emu.live(GROUP)
      expect(r.outputs).toEqual({
        'version-id': v.versionId,
        'display-version': v.displayVersion,
        'uploaded-date': v.uploadedDate,
        sha256: sha,
        'content-sha256': expect.stringMatching(/^[0-9a-f]{64}$/),
        'version-sha256': sha,
        'archive-path': 'build/distributions/sample-1.0.car.zip',
        uploaded: 'true',
        'deleted-version-ids': '[]',
        'skipped-version-ids': '[]',
        'classification-changes': '[]'
      })
      expect(v.changeLog).toMatch(new RegExp(`^Fixes paging\\n\\nupload-id: [0-9a-f]{16}\\ncontent-sha256: ${r.outputs['content-sha256']}\\nsha256: ${sha}$`))
      const create = fx.emu.requests.find(q => q.operation === 'create')!
      expect(create.fields).toEqual({ groupType: GROUP, changeLog: v.changeLog, sha256Checksum: sha })
      expect(create.fileSha256).toBe(sha)
      expect(fx.emu.requests.map(q => q.operation)).toEqual(['query', 'create'])
      for (const q of fx.emu.requests) {
        expect(q.headers.accept).toBe('application/json')
        expect(q.headers['user-agent']).toMatch(/^boomi-connector-action\/\d+\.\d+\.\d+$/)
      }
      expect(r.summary).toContain(v.versionId)
      expect(r.summary).toContain(sha)
      expect(r.summary).toContain('com.acme.sample.SampleConnector')
      expect(r.stdout).toContain('::group::Upload')
      expectNoSecrets(h, r)
    })
  )

  it.concurrent('makes the default change log from the workflow run', () =>
    withActionHarness(async ({ GROUP, ARCHIVE, fx, run, archive }) => {
      archive()
      const r = await run({ archive: ARCHIVE }, WORKFLOW_ENV)
      expect(r.code).toBe(0)
      expect(fx.emu.live(GROUP)[0].changeLog).toMatch(
        /^Released from acme\/sample-connector v1\.0\.0 \(3f2c1ab\), https:\/\/github\.com\/acme\/sample-connector\/actions\/runs\/42\n\nupload-id: [0-9a-f]{16}\ncontent-sha256: /
      )
    })
  )

  it.concurrent('a tag run with change-log-file sends exactly that version section, the trailer last', () =>
    withActionHarness(async ({ GROUP, ARCHIVE, fx, run, archive }) => {
      archive()
      writeFileSync(
        path.join(fx.work, 'CHANGELOG.md'),
        '# Changelog\n\n## [Unreleased]\n\n- wip\n\n## [1.0.0] - 2026-11-28\n\n### Fixed\n- Paging\n\n## [0.9.0]\n\n- Old\n'
      )
      const r = await run({ archive: ARCHIVE, 'change-log-file': 'CHANGELOG.md' }, WORKFLOW_ENV)
      expect(r.code).toBe(0)
      expect(fx.emu.live(GROUP)[0].changeLog).toMatch(
        new RegExp(`^### Fixed\\n- Paging\\n\\nupload-id: [0-9a-f]{16}\\ncontent-sha256: ${r.outputs['content-sha256']}\\nsha256: ${r.outputs.sha256}$`)
      )
      expect(r.stdout).toMatch(/section '.*1\.0\.0.*' of CHANGELOG\.md/)
    })
  )

  it.concurrent('a rebuild with new timestamps inside and out is the same connector: reused, uploaded=false', () =>
    withActionHarness(async ({ GROUP, ARCHIVE, fx, run, archive }) => {
      archive('sample-1.0.car.zip', { mtime: new Date(2026, 10, 1, 9, 0, 0) })
      const first = await run({ archive: ARCHIVE })
      const sha2 = archive('sample-1.0.car.zip', { mtime: new Date(2026, 10, 1, 9, 0, 2), method: 'stored', order: 'reversed' })
      const second = await run({ archive: ARCHIVE })
      expect(second.code).toBe(0)
      expect(second.outputs.sha256).toBe(sha2)
      expect(second.outputs.sha256).not.toBe(first.outputs.sha256)
      expect(second.outputs).toMatchObject({ uploaded: 'false', 'version-id': first.outputs['version-id'], 'content-sha256': first.outputs['content-sha256'] })
      // Boomi holds the first build's bytes, not the second's: version-sha256 says which.
      expect(first.outputs['version-sha256']).toBe(first.outputs.sha256)
      expect(second.outputs['version-sha256']).toBe(first.outputs.sha256)
      expect(second.outputs['version-sha256']).not.toBe(second.outputs.sha256)
      expect(second.summary).toContain(first.outputs.sha256)
      expect(second.stdout).toMatch(/content-sha256/)
      expect(fx.emu.live(GROUP)).toHaveLength(1)
      archive('sample-1.0.car.zip', { jarFiles: { 'com/acme/sample/Fix.class': 'changed code' } })
      const third = await run({ archive: ARCHIVE })
      expect(third.outputs.uploaded).toBe('true')
      expect(fx.emu.live(GROUP)).toHaveLength(2)
      // Each run marks its upload with its own random upload-id.
      const marks = fx.emu.live(GROUP).map(v => /^upload-id: ([0-9a-f]{16})$/m.exec(v.changeLog ?? '')?.[1])
      expect(marks.every(m => m !== undefined)).toBe(true)
      expect(new Set(marks).size).toBe(2)
    })
  )

  it.concurrent('switches uat (private) at once and files prod (public) for approval, notes without the checksum lines', () =>
    withActionHarness(async ({ GROUP, ARCHIVE, fx, run, archive }) => {
      archive()
      fx.emu.seed([{ groupType: GROUP, uploadedDate: '2026-11-01T00:00:00Z', inUse: 'uat' }])
      fx.emu.setClassification(GROUP, 'prod', { versionId: fx.emu.live(GROUP)[0].versionId, visibility: 'PUBLIC' })
      const r = await run({ archive: ARCHIVE, 'change-log': 'Paging fixed', classifications: 'uat, prod', 'keep-latest': '1' })
      expect(r.code).toBe(0)
      const id = r.outputs['version-id']
      expect(JSON.parse(r.outputs['classification-changes'])).toEqual([
        { classificationType: `${GROUP}-uat`, versionId: id, reviewStatus: 'APPROVED' },
        { classificationType: `${GROUP}-prod`, versionId: id, reviewStatus: 'PENDING' }
      ])
      expect(fx.emu.classifications(GROUP).uat.versionId).toBe(id)
      expect(fx.emu.versionChanges.map(c => c.releaseNotes)).toEqual(['Paging fixed', 'Paging fixed'])
      // The old version is still prod's until approval: Boomi refuses to delete it, a skip.
      expect(JSON.parse(r.outputs['skipped-version-ids'])).toHaveLength(1)
      expect(r.stdout).toMatch(/-prod → version .*PENDING/)
      expect(r.summary).toContain('awaiting approval')
    })
  )

  it.concurrent('version-id promotes an uploaded version without uploading; an unknown one fails before any change', () =>
    withActionHarness(async ({ GROUP, fx, run }) => {
      fx.emu.seed([
        { groupType: GROUP, uploadedDate: '2026-11-01T00:00:00Z', inUse: 'prod' },
        { groupType: GROUP, uploadedDate: '2026-11-02T00:00:00Z' }
      ])
      const target = fx.emu.live(GROUP)[1].versionId
      const r = await run({ 'version-id': target, classifications: 'prod' })
      expect(r.code).toBe(0)
      expect(r.outputs).toMatchObject({ 'version-id': target, uploaded: 'false' })
      expect(fx.emu.classifications(GROUP).prod.versionId).toBe(target)
      const bad = await run({ 'version-id': '424242', classifications: 'prod' })
      expect(bad.code).toBe(1)
      expect(bad.errors[0]).toMatch(/Version 424242 \(version-id\) is not a version of this group/)
      expect(fx.emu.versionChanges).toHaveLength(1)
    })
  )

  it.concurrent('an unknown classification fails the run naming it, after the outputs were set', () =>
    withActionHarness(async ({ GROUP, ARCHIVE, fx, run, archive }) => {
      archive()
      const r = await run({ archive: ARCHIVE, classifications: 'nosuch' })
      expect(r.code).toBe(1)
      expect(r.errors).toEqual([expect.stringContaining(`${GROUP}-nosuch`)])
      expect(r.outputs.uploaded).toBe('true')
      expect(r.outputs['version-id']).toBe(fx.emu.live(GROUP)[0].versionId)
    })
  )

  it.concurrent('dry run hashes and lists; uploads, switches and deletes nothing', () =>
    withActionHarness(async ({ ARCHIVE, fx, run, archive }) => {
      const sha = archive()
      const r = await run({ archive: ARCHIVE, 'dry-run': 'true', classifications: 'uat', 'keep-latest': '1' })
      expect(r.code).toBe(0)
      expect(fx.emu.requests.map(q => q.operation)).toEqual(['query'])
      expect(r.outputs).toMatchObject({ uploaded: 'false', 'version-id': '', sha256: sha })
      expect(r.stdout).toMatch(/Dry run: would upload build\/distributions\/sample-1\.0\.car\.zip/)
    })
  )
})

describe('over real sockets', () => {
  it.concurrent('a connection dropped after the body leaves one version and ends within seconds', () =>
    withActionHarness(async ({ GROUP, ARCHIVE, fx, run, archive }) => {
      archive()
      fx.emu.script('create', { dropAfterCreate: true })
      const r = await run({ archive: ARCHIVE })
      expect(r.code).toBe(0)
      const live = fx.emu.live(GROUP)
      expect(live).toHaveLength(1)
      expect(r.outputs).toMatchObject({ 'version-id': live[0].versionId, uploaded: 'true' })
      // listed before, the lost upload, one look that finds it: no wait, no twin look
      expect(fx.emu.requests.map(q => q.operation)).toEqual(['query', 'create', 'query'])
    })
  )

  it.concurrent('a 401 fails after one request, saying what to check, without a piece of the token', () =>
    withActionHarness(async ({ ARCHIVE, fx, inputs, archive }) => {
      archive()
      const r = await runAction({ ...inputs({ archive: ARCHIVE }), 'api-token': 'wrong-token-value-123' }, { cwd: fx.work })
      expect(r.code).toBe(1)
      expect(fx.emu.requests).toHaveLength(1)
      expect(r.errors).toEqual([expect.stringMatching(/HTTP 401.*Check username .* and api-token/)])
      expect(r.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain('wrong-tok')
    })
  )

  it.concurrent('bounds a request by timeout-seconds', () =>
    withActionHarness(async ({ fx, run }) => {
      fx.emu.script('query', { hangMs: 3000 })
      const r = await run({ 'keep-latest': '1', 'timeout-seconds': '0.3', 'max-attempts': '1' })
      expect(r.code).toBe(1)
      expect(r.errors[0]).toMatch(/no complete answer within 0\.3 s \(timeout-seconds\)/)
    })
  )

  it.concurrent('warns about deprecation headers once each', () =>
    withActionHarness(async ({ fx, run }) => {
      fx.emu.setResponseHeaders({ Deprecation: 'true', Sunset: 'Wed, 01 Dec 2027 00:00:00 GMT' })
      const r = await run({ 'keep-latest': '1' })
      expect(r.code).toBe(0)
      expect(r.warnings.filter(w => /deprecation: true/i.test(w))).toHaveLength(1)
      expect(r.warnings.some(w => /sunset: Wed, 01 Dec 2027/i.test(w))).toBe(true)
    })
  )

  it.concurrent('text from Boomi never starts a workflow command, and the final ::error:: still arrives', () =>
    withActionHarness(async ({ GROUP, fx, run }) => {
      fx.emu.seed([
        { groupType: GROUP, uploadedDate: '2026-01-01T00:00:00Z', displayVersion: '1\n::stop-commands::halt\n::add-mask::x' },
        { groupType: GROUP, uploadedDate: '2026-01-02T00:00:00Z' },
        { groupType: GROUP, uploadedDate: '2026-01-03T00:00:00Z' }
      ])
      const hostile = '{"message":"denied\\n::warning::injected\\n##[set-output name=uploaded;]true"}'
      fx.emu.script('delete', { hangMs: 0 }, { status: 401, body: hostile, contentType: 'application/json' })
      const r = await run({ 'keep-latest': '1' })
      expect(r.code).toBe(1)
      for (const line of r.stdout.split(/\r?\n|\r/)) {
        expect(line.trimStart()).not.toMatch(/^::(stop-commands|add-mask::x|warning::injected)/)
        expect(line).not.toContain('##[set-output')
      }
      expect(r.stdout).toContain('stop-commands')
      expect(r.errors).toEqual([expect.stringMatching(/HTTP 401/)])
    })
  )

  it.concurrent('a GITHUB_OUTPUT that cannot be written at the end is reported beside the run error, not instead of it', () =>
    withActionHarness(async ({ GROUP, fx, run }) => {
      fx.emu.seed([
        { groupType: GROUP, uploadedDate: '2026-01-01T00:00:00Z' },
        { groupType: GROUP, uploadedDate: '2026-01-02T00:00:00Z' }
      ])
      // The file is there when the step starts (the check before the first request passes), and goes while the listing waits.
      fx.emu.script('query', { hangMs: 1500 })
      fx.emu.script('delete', { status: 401 })
      const output = path.join(fx.work, 'github-output')
      writeFileSync(output, '')
      const running = run({ 'keep-latest': '1' }, { GITHUB_OUTPUT: output })
      for (const end = Date.now() + 10_000; !fx.emu.requests.length && Date.now() < end;) await new Promise(resolve => setTimeout(resolve, 20))
      rmSync(output)
      const r = await running
      expect(r.code).toBe(1)
      expect(r.errors).toEqual([expect.stringMatching(/HTTP 401/)])
      expect(r.warnings.join('\n')).toMatch(/Could not write the results \(output version-id: Missing file/)
      expect(r.summary).toMatch(/HTTP 401/)
    })
  )
})

describe('GITHUB_OUTPUT and GITHUB_STEP_SUMMARY are checked before anything is sent', () => {
  const cases: [string, string, (work: string) => string, RegExp][] = [
    [
      'GITHUB_OUTPUT',
      'a directory',
      work => work,
      /^GITHUB_OUTPUT names '.*', which cannot be appended to: it is a directory\. .*Nothing was sent to Boomi\.$/
    ],
    [
      'GITHUB_OUTPUT',
      'in a directory that does not exist',
      work => path.join(work, 'missing', 'output'),
      /^GITHUB_OUTPUT names '.*output', which cannot be appended to: it does not exist\. The runner sets GITHUB_OUTPUT to a file it creates for each step; outside GitHub Actions, leave it unset/
    ],
    ['GITHUB_STEP_SUMMARY', 'a directory', work => work, /^GITHUB_STEP_SUMMARY names '.*', which cannot be appended to: it is a directory\./]
  ]
  it.concurrent.each(cases)(
    '%s naming %s: one ::error:: naming the variable, exit 1, no request, the other file still written',
    (variable, _what, target, message) =>
      withActionHarness(async ({ GROUP, ARCHIVE, fx, run, archive }) => {
        archive()
        fx.emu.seed([
          { groupType: GROUP, uploadedDate: '2026-01-01T00:00:00Z' },
          { groupType: GROUP, uploadedDate: '2026-01-02T00:00:00Z' }
        ])
        const r = await run({ archive: ARCHIVE, 'keep-latest': '1' }, { [variable]: target(fx.work) })
        expect(r.code).toBe(1)
        expect(r.errors).toEqual([expect.stringMatching(message)])
        expect(fx.emu.requests).toHaveLength(0)
        expect(fx.emu.live(GROUP)).toHaveLength(2)
        // The file that can be written gets the results of a run that did nothing, as for a bad input.
        if (variable === 'GITHUB_OUTPUT')
          expect(r.summary).toMatch(/^## Boomi connector release: `acme-Q7XK2P-sample`\n\n> \*\*Failed:\*\* GITHUB\\_OUTPUT names /)
        else expect(r.outputs).toMatchObject({ 'version-id': '', uploaded: 'false', 'deleted-version-ids': '[]' })
      })
  )

  // A FIFO that nothing reads: a blocking write to it (as @actions/core's) would hang the step for good.
  it.concurrent.each([
    [
      'GITHUB_STEP_SUMMARY',
      'good inputs',
      { 'keep-latest': '1' },
      /^GITHUB_STEP_SUMMARY names '.*', which cannot be appended to: it is a FIFO \(named pipe\) that nothing reads\./
    ],
    [
      'GITHUB_OUTPUT',
      'a bad input',
      { 'keep-latest': 'zero' },
      /Invalid keep-latest 'zero'/,
      /^GITHUB_OUTPUT names '.*', which cannot be appended to: it is a FIFO/
    ]
  ] as [string, string, Record<string, string>, RegExp, RegExp?][])(
    '%s a FIFO that nothing reads, with %s: the step fails at once, sends nothing, and writes the other file',
    (variable, _what, extra, message, also) =>
      withActionHarness(async ({ GROUP, ARCHIVE, fx, run, archive }) => {
        archive()
        const fifo = path.join(fx.work, 'fifo')
        expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
        const r = await run({ archive: ARCHIVE, ...extra }, { [variable]: fifo }, { timeoutMs: 20_000 })
        expect(r.code).toBe(1)
        // After a bad input, the file that cannot be written is named too.
        expect(r.errors).toEqual([expect.stringMatching(message), ...(also ? [expect.stringMatching(also)] : [])])
        expect(fx.emu.requests).toHaveLength(0)
        if (variable === 'GITHUB_OUTPUT') expect(r.summary).toMatch(/Failed:\*\* .*keep-latest/)
        else expect(r.outputs).toMatchObject({ uploaded: 'false' })
        expect(fx.emu.live(GROUP)).toHaveLength(0)
      })
  )
})
