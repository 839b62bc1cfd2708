// The bundled action, run as the runner runs it, against the emulator.
import { describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import * as path from 'node:path'
import { useEmulatorWorkspace, WORKFLOW_ENV } from './emulator-fixture.js'
import { seedGroup } from '../emulator/seed.js'
import { makeArchive, runAction, type ActionRun } from '../scripts/run-action.js'

const GROUP = 'acme-Q7XK2P-sample'
const fx = useEmulatorWorkspace()

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'account-id': fx.emu.accountId,
    username: fx.emu.username,
    'api-token': fx.emu.apiToken,
    'group-type': GROUP,
    'api-url': fx.emu.apiUrl,
    'requests-per-second': '50',
    ...extra
  }
}

function run(extra: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(inputs(extra), { cwd: fx.work, env })
}

function archive(name = 'sample-1.0.car.zip', fill = 1): string {
  return makeArchive(path.join(fx.work, 'build/distributions'), name, 4096, fill)
}

function sha(file: string, fill = 1): string {
  void file
  const body = Buffer.alloc(4096, fill)
  Buffer.from('PK\x03\x04').copy(body)
  return createHash('sha256').update(body).digest('hex')
}

/** The token must appear only in the mask command, never anywhere else. */
function expectNoSecrets(r: ActionRun): void {
  const basic = Buffer.from(`BOOMI_TOKEN.${fx.emu.username}:${fx.emu.apiToken}`).toString('base64')
  for (const line of (r.stdout + r.stderr).split('\n')) {
    if (line.startsWith('::add-mask::')) continue
    expect(line).not.toContain(fx.emu.apiToken)
    expect(line).not.toContain(basic)
  }
  expect(r.summary).not.toContain(fx.emu.apiToken)
  expect(JSON.stringify(r.outputs)).not.toContain(fx.emu.apiToken)
  expect(r.stdout).toContain(`::add-mask::${fx.emu.apiToken}`)
}

describe('bad inputs: one ::error:: naming the input, exit 1, no request', () => {
  const cases: [string, Record<string, string>, () => void, RegExp][] = [
    ['missing account-id', { 'account-id': '' }, () => archive(), /account-id/],
    ['missing username', { username: '' }, () => archive(), /username/],
    ['missing api-token', { 'api-token': '' }, () => archive(), /api-token/],
    ['missing group-type', { 'group-type': '' }, () => archive(), /group-type/],
    ['nothing to do', {}, () => undefined, /Nothing to do.*archive.*keep-latest/],
    ['archive matches nothing', { archive: 'build/distributions/*.car.zip' }, () => undefined, /No file matches archive/],
    ['archive is a directory', { archive: 'build/distributions' }, () => undefined, /not a regular file/],
    [
      'archive is empty',
      { archive: 'build/distributions/e.car.zip' },
      () => writeFileSync(path.join(fx.work, 'build/distributions/e.car.zip'), ''),
      /is empty/
    ],
    [
      'archive is not a zip',
      { archive: 'build/distributions/t.car.zip' },
      () => writeFileSync(path.join(fx.work, 'build/distributions/t.car.zip'), 'text'),
      /not a zip file/
    ],
    ['expected-sha256 mismatch', { archive: 'build/distributions/*.car.zip', 'expected-sha256': '0'.repeat(64) }, () => archive(), /expected-sha256 is 0{64}/],
    ['keep-latest 0', { 'keep-latest': '0' }, () => undefined, /keep-latest '0'/],
    ['keep-latest not a number', { 'keep-latest': 'all' }, () => undefined, /keep-latest 'all'/],
    ['min-age-days negative', { 'keep-latest': '3', 'min-age-days': '-2' }, () => undefined, /min-age-days '-2'/],
    ['min-age-days alone', { archive: 'build/distributions/*.car.zip', 'min-age-days': '2' }, () => archive(), /min-age-days.*keep-latest/],
    ['api-url plain http off loopback', { 'keep-latest': '3', 'api-url': 'http://api.boomi.com/partner/api/rest/v1' }, () => undefined, /api-url.*https/],
    ['if-exists unknown', { 'keep-latest': '3', 'if-exists': 'overwrite' }, () => undefined, /if-exists 'overwrite'/],
    ['dry-run not a boolean', { 'keep-latest': '3', 'dry-run': 'maybe' }, () => undefined, /dry-run 'maybe'/],
    ['requests-per-second 0', { 'keep-latest': '3', 'requests-per-second': '0' }, () => undefined, /requests-per-second '0'/],
    ['max-attempts 0', { 'keep-latest': '3', 'max-attempts': '0' }, () => undefined, /max-attempts '0'/],
    ['timeout-seconds negative', { 'keep-latest': '3', 'timeout-seconds': '-1' }, () => undefined, /timeout-seconds '-1'/],
    ['timeout-seconds beyond a timer', { 'keep-latest': '3', 'timeout-seconds': '3000000' }, () => undefined, /timeout-seconds '3000000'.*at most 2147483/],
    ['expected-sha256 malformed', { archive: 'build/distributions/*.car.zip', 'expected-sha256': 'xyz' }, () => archive(), /expected-sha256 'xyz'/]
  ]
  it.each(cases)('%s', async (_name, extra, setup, message) => {
    setup()
    const r = await run(extra)
    expect(r.code).toBe(1)
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatch(message)
    expect(fx.emu.requests).toHaveLength(0)
    if (extra['api-token'] !== '') expectNoSecrets(r)
  })

  it('a glob matching two files names both', async () => {
    archive('a.car.zip')
    archive('b.car.zip')
    const r = await run({ archive: 'build/distributions/*.car.zip' })
    expect(r.code).toBe(1)
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toContain(path.join('build', 'distributions', 'a.car.zip'))
    expect(r.errors[0]).toContain(path.join('build', 'distributions', 'b.car.zip'))
    expect(fx.emu.requests).toHaveLength(0)
  })

  it('an archive over 40 MB is a warning, not an error', async () => {
    makeArchive(path.join(fx.work, 'build/distributions'), 'big.car.zip', 41 * 1024 * 1024)
    const r = await run({ archive: 'build/distributions/big.car.zip' })
    expect(r.code).toBe(0)
    expect(r.warnings.join('\n')).toMatch(/over Boomi's guidance of 40\.0 MiB/)
  })
})

describe('upload', () => {
  it('uploads a new version and sets every output and the summary', async () => {
    const file = archive()
    const r = await run({ archive: 'build/distributions/*.car.zip', 'change-log': 'Fixes paging' }, WORKFLOW_ENV)
    expect(r.code).toBe(0)
    const live = fx.emu.live(GROUP)
    expect(live).toHaveLength(1)
    const v = live[0]
    expect(r.outputs).toEqual({
      'version-id': v.versionId,
      'display-version': v.displayVersion,
      'uploaded-date': v.uploadedDate,
      sha256: sha(file),
      uploaded: 'true',
      'deleted-version-ids': '[]',
      'skipped-version-ids': '[]'
    })
    expect(v.changeLog).toBe(`Fixes paging\n\nsha256: ${sha(file)}`)
    const create = fx.emu.requests.find(q => q.operation === 'create')!
    expect(create.fields).toEqual({ groupType: GROUP, changeLog: v.changeLog, sha256Checksum: sha(file) })
    expect(create.fileName).toBe('sample-1.0.car.zip')
    expect(create.fileSha256).toBe(sha(file))
    expect(fx.emu.requests.map(q => q.operation)).toEqual(['query', 'create'])
    for (const q of fx.emu.requests) {
      expect(q.headers.accept).toBe('application/json')
      expect(q.headers['user-agent']).toMatch(/^boomi-connector-action\/\d+\.\d+\.\d+$/)
    }
    expect(r.summary).toContain(v.versionId)
    expect(r.summary).toContain(sha(file))
    expect(r.summary).toContain('Uploaded a new version')
    expect(r.summary).toContain('Fixes paging')
    expect(r.stdout).toContain('::group::Upload')
    expectNoSecrets(r)
  })

  it('makes the default change log from the workflow run', async () => {
    const file = archive()
    const r = await run({ archive: 'build/distributions/*.car.zip' }, WORKFLOW_ENV)
    expect(r.code).toBe(0)
    expect(fx.emu.live(GROUP)[0].changeLog).toBe(
      `Released from acme/sample-connector v1.0.0 (3f2c1ab), https://github.com/acme/sample-connector/actions/runs/42\n\nsha256: ${sha(file)}`
    )
  })

  it('a re-run of the same archive reuses the version: one version, uploaded=false, same version-id', async () => {
    archive()
    const first = await run({ archive: 'build/distributions/*.car.zip' })
    const second = await run({ archive: 'build/distributions/*.car.zip' })
    expect(first.code).toBe(0)
    expect(second.code).toBe(0)
    expect(fx.emu.live(GROUP)).toHaveLength(1)
    expect(second.outputs['uploaded']).toBe('false')
    expect(second.outputs['version-id']).toBe(first.outputs['version-id'])
    expect(second.outputs['display-version']).toBe(first.outputs['display-version'])
    expect(second.summary).toContain('Reused the existing version')
    expect(fx.emu.requests.filter(q => q.operation === 'create')).toHaveLength(1)
  })

  it('if-exists: fail refuses a duplicate; if-exists: upload makes a second version', async () => {
    archive()
    await run({ archive: 'build/distributions/*.car.zip' })
    const failed = await run({ archive: 'build/distributions/*.car.zip', 'if-exists': 'fail' })
    expect(failed.code).toBe(1)
    expect(failed.errors[0]).toMatch(/already uploaded .* as version \d+, and if-exists is 'fail'/)
    const again = await run({ archive: 'build/distributions/*.car.zip', 'if-exists': 'upload' })
    expect(again.code).toBe(0)
    expect(again.outputs['uploaded']).toBe('true')
    expect(fx.emu.live(GROUP)).toHaveLength(2)
  })

  it('retries two 503s and then succeeds', async () => {
    archive()
    fx.emu.script('create', { status: 503, headers: { 'Retry-After': '0' } }, { status: 503, headers: { 'Retry-After': '0' } })
    const r = await run({ archive: 'build/distributions/*.car.zip' })
    expect(r.code).toBe(0)
    expect(fx.emu.requests.map(q => `${q.operation}:${q.status}`)).toEqual(['query:200', 'create:503', 'create:503', 'create:200'])
    expect(r.stdout).toMatch(/upload: attempt 1 of 5 failed: .*HTTP 503.*retrying in 0 ms/)
    expect(fx.emu.live(GROUP)).toHaveLength(1)
    expect(r.outputs['version-id']).toBe(fx.emu.live(GROUP)[0].versionId)
  })

  it('a connection dropped after the body leaves exactly one version, whose ID is the output', async () => {
    archive()
    fx.emu.script('create', { dropAfterCreate: true })
    // timeout-seconds sets how long Boomi is given to finish before we look: a quarter, at least 2 s
    const r = await run({ archive: 'build/distributions/*.car.zip', 'timeout-seconds': '8' })
    expect(r.code).toBe(0)
    const live = fx.emu.live(GROUP)
    expect(live).toHaveLength(1)
    expect(r.outputs['version-id']).toBe(live[0].versionId)
    expect(r.outputs['uploaded']).toBe('true')
    // listed before, the lost upload, listed to find it, and a last look for a late twin: no second create
    expect(fx.emu.requests.map(q => q.operation)).toEqual(['query', 'create', 'query', 'query'])
  })

  it('an upload Boomi finishes after our timeout is found, not uploaded again', async () => {
    archive()
    // Boomi stores the version 2.5 s after the body arrived; we give up after 1 s and look 2 s later
    fx.emu.script('create', { hangMs: 2500 })
    const r = await run({ archive: 'build/distributions/*.car.zip', 'timeout-seconds': '1' })
    expect(r.code).toBe(0)
    expect(fx.emu.requests.map(q => q.operation)).toEqual(['query', 'create', 'query', 'query'])
    const live = fx.emu.live(GROUP)
    expect(live).toHaveLength(1)
    expect(r.outputs['version-id']).toBe(live[0].versionId)
    expect(r.outputs['uploaded']).toBe('true')
  })

  it('a late copy from a timed-out attempt is found after the retry and deleted', async () => {
    archive()
    // the first attempt's version appears only after the retry has succeeded
    fx.emu.script('create', { hangMs: 4000 })
    const r = await run({ archive: 'build/distributions/*.car.zip', 'timeout-seconds': '1' })
    expect(r.code).toBe(0)
    expect(fx.emu.requests.map(q => `${q.operation}:${q.status}`)).toEqual(['query:200', 'create:0', 'query:200', 'create:200', 'query:200', 'delete:200'])
    const live = fx.emu.live(GROUP)
    expect(live).toHaveLength(1)
    expect(r.outputs['version-id']).toBe(live[0].versionId)
    expect(r.warnings.join('\n')).toMatch(/second copy of this archive/)
  }, 20_000)

  it('two lost attempts that both stored the archive end with one version', async () => {
    archive()
    // attempt 1 is stored 4.5 s in (after our first look); attempt 2 is stored and its answer dropped
    fx.emu.script('create', { hangMs: 4500 }, { dropAfterCreate: true })
    const r = await run({ archive: 'build/distributions/*.car.zip', 'timeout-seconds': '1' })
    expect(r.code).toBe(0)
    const live = fx.emu.live(GROUP)
    expect(live).toHaveLength(1)
    expect(r.outputs['version-id']).toBe(live[0].versionId)
    expect(fx.emu.requests.filter(q => q.operation === 'delete')).toHaveLength(1)
  }, 20_000)

  it('if the last look for a twin cannot list the group, the upload still counts, with a warning', async () => {
    archive()
    fx.emu.script('create', { dropAfterCreate: true })
    // the first listing and the look that finds the upload pass; the look for a twin fails
    fx.emu.script('query', { hangMs: 0 }, { hangMs: 0 }, { status: 500 })
    const r = await run({ archive: 'build/distributions/*.car.zip', 'timeout-seconds': '8', 'max-attempts': '1' })
    expect(r.code).toBe(0)
    expect(r.outputs['uploaded']).toBe('true')
    expect(r.outputs['version-id']).toBe(fx.emu.live(GROUP)[0].versionId)
    expect(r.warnings.join('\n')).toMatch(/Could not check for a second copy/)
  })

  it('a twin that cannot be deleted fails the run, with the outputs set', async () => {
    archive()
    fx.emu.script('create', { hangMs: 4000 })
    fx.emu.script('delete', { status: 500 }, { status: 500 })
    const r = await run({ archive: 'build/distributions/*.car.zip', 'timeout-seconds': '1', 'max-attempts': '2' })
    expect(r.code).toBe(1)
    expect(fx.emu.live(GROUP)).toHaveLength(2)
    expect(r.outputs['uploaded']).toBe('true')
    expect(r.errors[0]).toMatch(new RegExp(`Version ${r.outputs['version-id']} was uploaded, but .* could not be deleted`))
  }, 20_000)

  it('an archive refused as too large is not mistaken for the version limit: nothing is pruned', async () => {
    archive()
    seedGroup(fx.emu, { groupType: GROUP, count: 8, seed: 9 })
    fx.emu.script('create', {
      status: 400,
      body: '{"message":"The connector version archive exceeds the maximum size of 40 MB."}',
      contentType: 'application/json'
    })
    const r = await run({ archive: 'build/distributions/*.car.zip', 'keep-latest': '2' })
    expect(r.code).toBe(1)
    expect(r.errors[0]).toMatch(/HTTP 400: The connector version archive exceeds the maximum size/)
    expect(fx.emu.requests.filter(q => q.operation === 'delete')).toHaveLength(0)
    expect(r.summary).toContain('Upload failed')
  })

  it('a 502 whose upload did not happen is retried after looking', async () => {
    archive()
    fx.emu.script('create', { status: 502 })
    const r = await run({ archive: 'build/distributions/*.car.zip', 'timeout-seconds': '8' })
    expect(r.code).toBe(0)
    // listed, the 502, looked for it, uploaded again, looked once more for a late twin
    expect(fx.emu.requests.map(q => q.operation)).toEqual(['query', 'create', 'query', 'create', 'query'])
    expect(fx.emu.live(GROUP)).toHaveLength(1)
  })

  it('a 401 fails after one request, saying what to check', async () => {
    archive()
    const r = await runAction({ ...inputs({ archive: 'build/distributions/*.car.zip' }), 'api-token': 'wrong-token-value' }, { cwd: fx.work })
    expect(r.code).toBe(1)
    expect(fx.emu.requests).toHaveLength(1)
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatch(/HTTP 401.*Check username .* and api-token/)
    expect(r.summary).toContain('Not uploaded: the run stopped before the upload')
  })

  it('a 404 points at api-url and its prefix', async () => {
    archive()
    const r = await run({ archive: 'build/distributions/*.car.zip', 'api-url': fx.emu.apiUrl.replace('/partner', '') })
    expect(r.code).toBe(1)
    expect(r.errors[0]).toMatch(/HTTP 404.*api-url and its path prefix/)
    expect(fx.emu.requests).toHaveLength(1)
  })

  it('gives up after max-attempts on persistent 503s', async () => {
    archive()
    fx.emu.script('query', ...Array.from({ length: 3 }, () => ({ status: 503, headers: { 'Retry-After': '0' } })))
    const r = await run({ archive: 'build/distributions/*.car.zip', 'max-attempts': '3' })
    expect(r.code).toBe(1)
    expect(r.errors[0]).toMatch(/HTTP 503.*gave up after 3 attempts/)
    expect(fx.emu.requests).toHaveLength(3)
  })

  it('bounds a request by timeout-seconds', async () => {
    archive()
    fx.emu.script('query', { hangMs: 3000 })
    const r = await run({ archive: 'build/distributions/*.car.zip', 'timeout-seconds': '0.3', 'max-attempts': '1' })
    expect(r.code).toBe(1)
    expect(r.errors[0]).toMatch(/no complete answer within 0\.3 s \(timeout-seconds\)/)
    expect(r.durationMs).toBeLessThan(2500)
  })

  it('warns about deprecation headers', async () => {
    archive()
    fx.emu.setResponseHeaders({ Deprecation: 'true', Sunset: 'Wed, 01 Dec 2027 00:00:00 GMT' })
    const r = await run({ archive: 'build/distributions/*.car.zip' })
    expect(r.code).toBe(0)
    expect(r.warnings.some(w => /Boomi API deprecation: true/.test(w))).toBe(true)
    expect(r.warnings.some(w => /Boomi API sunset: Wed, 01 Dec 2027/.test(w))).toBe(true)
    // once each, not once per request
    expect(r.warnings.filter(w => /deprecation/.test(w))).toHaveLength(1)
  })

  it('warns when an empty group looks like it carries a classification', async () => {
    const r = await run({ 'group-type': 'acme-Q7XK2P-sample-uat', 'keep-latest': '3' })
    expect(r.code).toBe(0)
    expect(r.warnings.join('\n')).toMatch(/ends with '-uat'.*e\.g\. acme-Q7XK2P-sample\./)
  })

  it('dry run hashes and lists, uploads nothing', async () => {
    const file = archive()
    const r = await run({ archive: 'build/distributions/*.car.zip', 'dry-run': 'true' })
    expect(r.code).toBe(0)
    expect(fx.emu.requests.map(q => q.operation)).toEqual(['query'])
    expect(r.outputs['uploaded']).toBe('false')
    expect(r.outputs['version-id']).toBe('')
    expect(r.outputs['sha256']).toBe(sha(file))
    expect(r.stdout).toMatch(/Dry run: would upload sample-1\.0\.car\.zip/)
    expect(r.summary).toContain('would upload')
  })

  it('accepts an absolute archive path', async () => {
    const file = archive()
    const r = await run({ archive: file, 'dry-run': 'true' })
    expect(r.code).toBe(0)
    expect(r.outputs['sha256']).toBe(sha(file))
  })
})
