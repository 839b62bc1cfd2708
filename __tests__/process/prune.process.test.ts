// Pruning, end to end: the bundled action against a seeded emulator. The tests run
// concurrently (each run paces its deletions in real time), each with an emulator and a
// workspace of its own.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import * as path from 'node:path'
import { Emulator, type VersionRecord } from '../../emulator/server.js'
import { seedGroup } from '../../emulator/seed.js'
import { type Fixture, withEmulatorWorkspace } from '../helpers/emulator-fixture.js'
import { makeArchive, runAction, type ActionRun } from '../../scripts/run-action.js'

const GROUP = 'acme-Q7XK2P-sample'
const OTHER = 'acme-Q7XK2P-other'

function run(e: Emulator, work: string, extra: Record<string, string>): Promise<ActionRun> {
  return runAction(
    {
      'account-id': e.accountId,
      username: e.username,
      'api-token': e.apiToken,
      'group-type': GROUP,
      'api-url': e.apiUrl,
      'requests-per-second': '100',
      ...extra
    },
    { cwd: work }
  )
}

/** An oracle written from docs/behaviour.md, "Pruning" alone, independent of src/plan.ts. */
function expected(group: VersionRecord[], keep: number, opts: { runId?: string; minAgeMs?: number; now?: number } = {}) {
  const live = group.filter(v => !v.deleted)
  live.sort((a, b) => Date.parse(b.uploadedDate) - Date.parse(a.uploadedDate) || Number(b.versionId) - Number(a.versionId))
  const deleted: string[] = []
  const protectedIds: string[] = []
  const inUse: string[] = []
  live.forEach((v, i) => {
    if (i < keep || v.versionId === opts.runId) return
    if (opts.minAgeMs !== undefined && opts.now! - Date.parse(v.uploadedDate) < opts.minAgeMs) return
    if (v.reviewStatus === 'PENDING' || v.reviewStatus === 'APPROVED' || v.reviewStatus === 'REJECTED' || v.releaseVersion) protectedIds.push(v.versionId)
    else if (v.inUse) inUse.push(v.versionId)
    else deleted.push(v.versionId)
  })
  return { deleted, protectedIds, inUse }
}

const sorted = (xs: string[]) => [...xs].sort((a, b) => Number(a) - Number(b))
const deleteRequests = (e: Emulator) => e.requests.filter(r => r.operation === 'delete').map(r => JSON.parse(r.body!).versionId as string)

interface Group extends Fixture {
  seeded: VersionRecord[]
  run(extra: Record<string, string>): Promise<ActionRun>
}

/** Runs `test` against an emulator of its own (`options` for it), seeded by `seed`; removes both afterwards. */
function withGroup(
  seed: (emu: Emulator) => VersionRecord[],
  test: (g: Group) => Promise<void>,
  options: ConstructorParameters<typeof Emulator>[0] = {}
): Promise<void> {
  return withEmulatorWorkspace(fx => test({ ...fx, seeded: seed(fx.emu), run: extra => run(fx.emu, fx.work, extra) }), options)
}

/** 250 versions over three pages with every kind of protected version, and another group of 5. */
const pages = (test: (g: Group) => Promise<void>) =>
  withGroup(emu => {
    const seeded = seedGroup(emu, { groupType: GROUP, count: 250, seed: 7, protectedKinds: true })
    seedGroup(emu, { groupType: OTHER, count: 5, seed: 8 })
    return seeded
  }, test)

/** An account limited to 40 versions, full: one group of 40, whose oldest version is in use (refused before the upload, not asked for again after it). */
const full = (test: (g: Group) => Promise<void>) =>
  withGroup(
    emu => {
      const seeded = seedGroup(emu, { groupType: GROUP, count: 40, seed: 3 })
      const oldest = emu.live(GROUP).sort((a, b) => Date.parse(a.uploadedDate) - Date.parse(b.uploadedDate))[0]
      emu.setInUse(oldest.versionId, 'prod')
      return seeded
    },
    test,
    { maxVersions: 40 }
  )

describe('pruning a group of 250 versions over three pages, every kind of protected version in it', () => {
  it.concurrent('a release deletes exactly the right versions and never asks for the protected ones', () =>
    pages(async ({ emu: emu, work, seeded, run }) => {
      makeArchive(path.join(work, 'build/distributions'), 'sample-2.0.car.zip')
      const r = await run({ archive: 'build/distributions/*.car.zip', 'keep-latest': '20' })
      expect(r.code).toBe(0)
      const uploadedId = r.outputs['version-id']
      expect(r.outputs['uploaded']).toBe('true')
      // the upload takes one of the 20 places
      const want = expected(seeded, 19)
      expect(want.protectedIds.length).toBeGreaterThanOrEqual(5)
      expect(want.inUse).toHaveLength(2)

      expect(sorted(JSON.parse(r.outputs['deleted-version-ids']))).toEqual(sorted(want.deleted))
      expect(sorted(JSON.parse(r.outputs['skipped-version-ids']))).toEqual(sorted([...want.protectedIds, ...want.inUse]))
      // asked for: every deletion plus the two in-use versions Boomi refuses; no protected one
      expect(sorted(deleteRequests(emu))).toEqual(sorted([...want.deleted, ...want.inUse]))
      for (const id of want.protectedIds) expect(deleteRequests(emu)).not.toContain(id)
      // the group afterwards: the 20 newest (with the upload), the protected and in-use ones
      const live = emu.live(GROUP).map(v => v.versionId)
      expect(live).toContain(uploadedId)
      expect(live).toHaveLength(20 + want.protectedIds.length + want.inUse.length)
      expect(emu.live(OTHER)).toHaveLength(5)
      // one listing of three pages serves both the duplicate check and the plan
      const ops = emu.requests.map(q => q.operation)
      expect(ops.slice(0, 4)).toEqual(['query', 'queryMore', 'queryMore', 'create'])
      expect(ops.filter(o => o === 'query' || o === 'queryMore')).toHaveLength(3)
      // in-use refusals are warnings with Boomi's reason, not failures
      expect(r.warnings.filter(w => /was not deleted: refused by Boomi: .*classification/.test(w))).toHaveLength(2)
      // the summary has a row per deleted and skipped version, with reasons
      for (const id of [...want.deleted, ...want.protectedIds, ...want.inUse]) expect(r.summary).toContain(`| \`${id}\` |`)
      expect(r.summary).toMatch(/\| skipped \| review status (PENDING|APPROVED|REJECTED) \|/)
      expect(r.summary).toMatch(/\| skipped \| release version \|/)
      expect(r.summary).toMatch(/refused by Boomi/)
      expect(r.stdout).toMatch(/Plan: keep 20, delete \d+, skip \d+/)
    })
  )

  it.concurrent('a dry run sends no upload and no delete, and outputs the plan', () =>
    pages(async ({ emu: emu, work, seeded, run }) => {
      makeArchive(path.join(work, 'build/distributions'), 'sample-2.0.car.zip')
      const r = await run({ archive: 'build/distributions/*.car.zip', 'keep-latest': '20', 'dry-run': 'true' })
      expect(r.code).toBe(0)
      expect(emu.requests.map(q => q.operation)).toEqual(['query', 'queryMore', 'queryMore'])
      const want = expected(seeded, 19) // the archive counts as the newest
      expect(sorted(JSON.parse(r.outputs['deleted-version-ids']))).toEqual(sorted([...want.deleted, ...want.inUse]))
      expect(sorted(JSON.parse(r.outputs['skipped-version-ids']))).toEqual(sorted(want.protectedIds))
      expect(r.outputs['uploaded']).toBe('false')
      expect(r.summary).toContain('would delete')
    })
  )

  it.concurrent('prunes without an archive', () =>
    pages(async ({ emu: emu, seeded, run }) => {
      const r = await run({ 'keep-latest': '200' })
      expect(r.code).toBe(0)
      const want = expected(seeded, 200)
      expect(sorted(JSON.parse(r.outputs['deleted-version-ids']))).toEqual(sorted(want.deleted))
      expect(r.outputs['version-id']).toBe('')
      expect(r.outputs['sha256']).toBe('')
      expect(r.outputs['uploaded']).toBe('false')
      expect(emu.requests.some(q => q.operation === 'create')).toBe(false)
    })
  )

  it.concurrent('keeps versions younger than min-age-days', () =>
    pages(async ({ seeded, run }) => {
      const newest = Math.max(...seeded.map(v => Date.parse(v.uploadedDate)))
      // an age limit that reaches 200 days back from the newest version
      const minAgeDays = (Date.now() - newest) / 86_400_000 + 200
      const r = await run({ 'keep-latest': '150', 'min-age-days': minAgeDays.toFixed(3) })
      expect(r.code).toBe(0)
      const want = expected(seeded, 150, { minAgeMs: Number(minAgeDays.toFixed(3)) * 86_400_000, now: Date.now() })
      expect(sorted(JSON.parse(r.outputs['deleted-version-ids']))).toEqual(sorted(want.deleted))
      expect(want.deleted.length).toBeLessThan(expected(seeded, 150).deleted.length)
    })
  )

  it.concurrent('never touches the reused version, whatever its age', () =>
    pages(async ({ emu: emu, work, seeded, run }) => {
      const file = makeArchive(path.join(work, 'build/distributions'), 'sample-0.1.car.zip')
      const hex = createHash('sha256').update(readFileSync(file)).digest('hex')
      // the oldest version of the group is an earlier upload of this very archive
      const [old] = emu.seed([{ groupType: GROUP, uploadedDate: '2022-01-01T00:00:00Z', changeLog: `First release\n\nsha256: ${hex}` }])
      const r = await run({ archive: 'build/distributions/*.car.zip', 'keep-latest': '200' })
      expect(r.code).toBe(0)
      expect(r.outputs['uploaded']).toBe('false')
      expect(r.outputs['version-id']).toBe(old.versionId)
      const want = expected([...seeded, old], 200, { runId: old.versionId })
      expect(sorted(JSON.parse(r.outputs['deleted-version-ids']))).toEqual(sorted(want.deleted))
      expect(deleteRequests(emu)).not.toContain(old.versionId)
      expect(emu.live(GROUP).map(v => v.versionId)).toContain(old.versionId)
      expect(emu.requests.some(q => q.operation === 'create')).toBe(false)
    })
  )

  it.concurrent('a delete whose answer was lost and whose retry is refused as already done counts as deleted', () =>
    pages(async ({ emu: emu, seeded, run }) => {
      emu.script('delete', { dropAfterCreate: true })
      const r = await run({ 'keep-latest': '200' })
      expect(r.code).toBe(0)
      const want = expected(seeded, 200)
      expect(sorted(JSON.parse(r.outputs['deleted-version-ids']))).toEqual(sorted(want.deleted))
      expect(sorted(JSON.parse(r.outputs['skipped-version-ids']))).toEqual(sorted([...want.protectedIds, ...want.inUse]))
      // the dropped one, its refused retry, then one listing to settle it
      const ops = emu.requests.map(q => `${q.operation}:${q.status}`)
      expect(ops.filter(o => o === 'delete:0')).toHaveLength(1)
      expect(ops.slice(-1)[0]).toMatch(/^query/)
    })
  )

  it.concurrent('a delete whose last attempt lost its answer but happened counts as deleted', () =>
    pages(async ({ emu: emu, seeded, run }) => {
      emu.script('delete', { dropAfterCreate: true })
      const r = await run({ 'keep-latest': '200', 'max-attempts': '1' })
      expect(r.code).toBe(0)
      expect(sorted(JSON.parse(r.outputs['deleted-version-ids']))).toEqual(sorted(expected(seeded, 200).deleted))
    })
  )

  it.concurrent('other failures do not stop the remaining deletions, and fail the run with a list', () =>
    pages(async ({ emu: emu, seeded, run }) => {
      emu.script('delete', { status: 500 })
      const r = await run({ 'keep-latest': '200', 'max-attempts': '1' })
      expect(r.code).toBe(1)
      const want = expected(seeded, 200)
      const deletedOut: string[] = JSON.parse(r.outputs['deleted-version-ids'])
      expect(deletedOut).toHaveLength(want.deleted.length - 1)
      expect(r.errors).toHaveLength(1)
      expect(r.errors[0]).toMatch(/Pruning failed: 1 deletion failed \(\d+ done\): \d+: delete failed: HTTP 500/)
    })
  )
})

describe('at the account limit', () => {
  it.concurrent('with keep-latest: prunes first, then uploads once more', () =>
    full(async ({ emu: small, work, run }) => {
      makeArchive(path.join(work, 'build/distributions'), 'sample-3.0.car.zip')
      const r = await run({ archive: 'build/distributions/*.car.zip', 'keep-latest': '10' })
      expect(r.code).toBe(0)
      expect(r.outputs['uploaded']).toBe('true')
      // 41 with the upload: 10 kept, the in-use one refused, 30 deleted
      expect(small.live(GROUP)).toHaveLength(11)
      expect(JSON.parse(r.outputs['deleted-version-ids'])).toHaveLength(30)
      expect(JSON.parse(r.outputs['skipped-version-ids'])).toHaveLength(1)
      const deletes = small.requests.filter(q => q.operation === 'delete')
      expect(deletes).toHaveLength(31)
      expect(new Set(deletes.map(q => JSON.parse(q.body!).versionId)).size).toBe(31)
      expect(small.live(GROUP).map(v => v.versionId)).toContain(r.outputs['version-id'])
      const creates = small.requests.filter(q => q.operation === 'create').map(q => q.status)
      expect(creates[0]).toBeGreaterThanOrEqual(400)
      expect(creates[1]).toBe(200)
    })
  )

  it.concurrent('when the upload after pruning still fails, the deletions are in the outputs and summary', () =>
    full(async ({ emu: small, work, run }) => {
      makeArchive(path.join(work, 'build/distributions'), 'sample-3.0.car.zip')
      small.script(
        'create',
        { status: 400, body: '{"message":"The account has reached the maximum of 40 connector versions."}', contentType: 'application/json' },
        { status: 400, body: '{"message":"Invalid connector descriptor"}', contentType: 'application/json' }
      )
      const r = await run({ archive: 'build/distributions/*.car.zip', 'keep-latest': '10' })
      expect(r.code).toBe(1)
      expect(r.errors[0]).toMatch(/Invalid connector descriptor/)
      const deleted: string[] = JSON.parse(r.outputs['deleted-version-ids'])
      expect(deleted).toHaveLength(30)
      for (const id of deleted) expect(r.summary).toContain(`| \`${id}\` |`)
      expect(r.summary).toContain('Upload failed')
      expect(small.live(GROUP)).toHaveLength(10)
    })
  )

  it.concurrent('without keep-latest: the error says so and suggests it', () =>
    full(async ({ emu: small, work, run }) => {
      makeArchive(path.join(work, 'build/distributions'), 'sample-3.0.car.zip')
      const r = await run({ archive: 'build/distributions/*.car.zip' })
      expect(r.code).toBe(1)
      expect(r.errors[0]).toMatch(/maximum of 40 connector versions.*Set keep-latest/)
      expect(small.live(GROUP)).toHaveLength(40)
    })
  )
})
