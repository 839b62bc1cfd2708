// The orchestrator driven in-process through RunDeps: a fake Boomi, a fake
// clock. Every decision path of a run, in milliseconds.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { outputsOf } from '../../src/domain/outputs.js'
import { foldRun } from '../../src/domain/record.js'
import { renderSummary } from '../../src/domain/summary.js'
import { afterUploadFailure, lookSchedule } from '../../src/orchestrator/lost-answers.js'
import { BoomiError, CancelledError, InputError, NetworkError } from '../../src/errors.js'
import { classifyFailure } from '../../src/boomi/failures.js'
import { THROTTLE_BUDGET_MS, nextStep } from '../../src/net/retry.js'
import { pruneInputFrom } from '../../src/orchestrator/prune.js'
import {
  CHANGELOG_TEXT,
  CONTENT,
  FakeBoomi,
  fakeArchiveFile,
  GROUP,
  SHA,
  UPLOAD_ID,
  forcedWhile,
  makeInputs,
  runFake,
  useWorkspace
} from '../helpers/fake-run.js'

const ws = useWorkspace()
const trailer = `upload-id: ${UPLOAD_ID}\ncontent-sha256: ${CONTENT}\nsha256: ${SHA}`

describe('duplicates', () => {
  it('reuses the newest version carrying the sha256 line: no upload, outputs from it', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(3, i => (i === 1 ? { changeLog: `old\n\nsha256: ${SHA}` } : {}))
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error).toBeUndefined()
    expect(boomi.calls).toEqual(['list'])
    const out = outputsOf(run.record)
    expect(out).toMatchObject({
      'version-id': '1001',
      uploaded: 'false',
      sha256: SHA,
      'content-sha256': CONTENT,
      'version-sha256': SHA,
      'archive-path': 'sample.car.zip'
    })
    expect(run.lines.join('\n')).toMatch(/This archive \(sha256\) was already uploaded as version 1001/)
  })

  it('reuses a rebuild of the same connector (content-sha256 line) and says which kind matched', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(2, i => (i === 0 ? { changeLog: `x\n\ncontent-sha256: ${CONTENT}\nsha256: ${'b'.repeat(64)}` } : {}))
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(outputsOf(run.record)['version-id']).toBe('1000')
    expect(outputsOf(run.record)['version-sha256']).toBe('b'.repeat(64))
    expect(run.lines.join('\n')).toMatch(/same connector \(content-sha256, rebuilt\)/)
    expect(renderSummary(run.record)).toMatch(/same connector rebuilt/)
    expect(renderSummary(run.record)).toContain('b'.repeat(64))
  })

  it('if-exists: fail refuses, uploads nothing, and still publishes outputs and summary', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(1, () => ({ changeLog: `x\n\nsha256: ${SHA}` }))
    const run = await runFake(boomi, makeInputs({ ifExists: 'fail', keepLatest: 1 }), ws.dir)
    expect(run.error?.message).toMatch(/already uploaded to .* as version 1000, and if-exists is 'fail'/)
    expect(boomi.calls).toEqual(['list'])
    expect(run.published).toBe(1)
    expect(renderSummary(run.record)).toMatch(/Failed/)
    expect(run.record.upload).toMatchObject({ kind: 'refused-duplicate', match: 'sha256', versions: [expect.objectContaining({ versionId: '1000' })] })
    expect(renderSummary(run.record)).toContain('| Result | Not uploaded: already a version of the group, the same archive')
  })

  it('a message naming matching versions names 20 of them, then how many more: a listing may hold thousands', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(25, () => ({ changeLog: `x\n\nsha256: ${SHA}` }))
    const run = await runFake(boomi, makeInputs({ ifExists: 'fail' }), ws.dir)
    const named = Array.from({ length: 20 }, (_, i) => String(1024 - i)).join(', ')
    expect(run.error?.message).toContain(`as version ${named} and 5 more, and if-exists is 'fail'`)
  })

  it('if-exists: upload uploads again', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(1, () => ({ changeLog: `x\n\nsha256: ${SHA}` }))
    const run = await runFake(boomi, makeInputs({ ifExists: 'upload' }), ws.dir)
    expect(boomi.calls).toEqual(['list', 'create'])
    expect(outputsOf(run.record).uploaded).toBe('true')
  })

  it('ignores deleted versions carrying the checksum', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(1, () => ({ changeLog: `x\n\nsha256: ${SHA}`, deleted: true }))
    await runFake(boomi, makeInputs(), ws.dir)
    expect(boomi.calls).toEqual(['list', 'create'])
  })
})

describe('upload', () => {
  it('uploads with the change log and both trailer lines last; one listing serves pruning', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(5)
    const run = await runFake(boomi, makeInputs({ changeLog: 'Fixes paging', keepLatest: 3 }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(boomi.calls.filter(c => c === 'list')).toHaveLength(1)
    const created = boomi.versions[boomi.versions.length - 1]
    expect(created.changeLog).toBe(`Fixes paging\n\n${trailer}`)
    const out = outputsOf(run.record)
    expect(out['version-id']).toBe(created.versionId)
    expect(out['version-sha256']).toBe(SHA)
    expect(JSON.parse(out['deleted-version-ids'])).toEqual(['1002', '1001', '1000'])
  })

  it('refuses a change-log-file outside the workspace before any request', async () => {
    const boomi = new FakeBoomi()
    const run = await runFake(boomi, makeInputs({ changeLogFile: '../../etc/passwd' }), ws.dir)
    expect(run.error?.message).toMatch(/change-log-file '\.\.\/\.\.\/etc\/passwd' is outside the workspace/)
    expect(boomi.calls).toEqual([])
  })

  describe('change-log-file is compared by its real path with the workspace', () => {
    let outside: string
    beforeAll(() => {
      outside = mkdtempSync(path.join(tmpdir(), 'outside-'))
      writeFileSync(path.join(outside, 'SECRET.md'), '## 1.2.0\n\nnot for publishing\n')
      mkdirSync(path.join(ws.dir, 'notes'))
      symlinkSync(path.join(ws.dir, 'CHANGELOG.md'), path.join(ws.dir, 'notes/NOTES.md'))
      symlinkSync(path.join(outside, 'SECRET.md'), path.join(ws.dir, 'LINK.md'))
      symlinkSync(outside, path.join(ws.dir, 'linked-dir'))
    })
    afterAll(() => rmSync(outside, { recursive: true, force: true }))

    it.each([
      ['a symbolic link to a file outside', 'LINK.md'],
      ['a path through a linked directory outside', 'linked-dir/SECRET.md']
    ])('refuses %s before any request', async (_name, file) => {
      const boomi = new FakeBoomi()
      const read: string[] = []
      const run = await runFake(boomi, makeInputs({ changeLogFile: file }), ws.dir, { readTextFile: async f => (read.push(f), '## 1.2.0\n\nx\n') })
      expect(run.error).toBeInstanceOf(InputError)
      expect(run.error?.message).toMatch(new RegExp(`change-log-file '${file}' leads outside the workspace through a symbolic link`))
      expect(read).toEqual([])
      expect(boomi.calls).toEqual([])
    })

    it('takes a symbolic link inside the workspace to a file inside it, reading the real file', async () => {
      const boomi = new FakeBoomi()
      const read: string[] = []
      const run = await runFake(boomi, makeInputs({ changeLogFile: 'notes/NOTES.md' }), ws.dir, { readTextFile: async f => (read.push(f), CHANGELOG_TEXT) })
      expect(run.error).toBeUndefined()
      expect(read).toEqual([realpathSync(path.join(ws.dir, 'CHANGELOG.md'))])
    })
  })

  it('names at most five of the lines it dropped, then how many more: a change-log file may hold thousands', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `sha256: ${i.toString(16).padStart(64, '0')}`)
    const boomi = new FakeBoomi()
    boomi.seed(1)
    const run = await runFake(boomi, makeInputs({ changeLog: `notes\n${lines.join('\n')}`, dryRun: true }), ws.dir)
    expect(run.warnings).toHaveLength(1)
    expect(run.warnings[0]).toMatch(/^Dropped 2,?000 lines of change-log .*'sha256: 0{60}0004' and 1,?995 more\. The true trailer is appended/)
    expect(run.warnings[0].length).toBeLessThan(1000)
    // Five are all quoted, with nothing said of more.
    const five = await runFake(boomi, makeInputs({ changeLog: `notes\n${lines.slice(0, 5).join('\n')}`, dryRun: true }), ws.dir)
    expect(five.warnings[0]).toMatch(/^Dropped 5 lines of change-log .*'sha256: 0{60}0004'\. The true trailer is appended/)
  })

  it("drops the user's lines shaped like the trailer, so a later release of that archive is not taken for this one", async () => {
    const bytesOfB = Buffer.from('PK\x03\x04 archive B, not inspected')
    writeFileSync(path.join(ws.dir, 'b.car.zip'), bytesOfB)
    const other = createHash('sha256').update(bytesOfB).digest('hex')
    const boomi = new FakeBoomi()
    // Notes copied from the release of archive B, its checksum line included.
    const first = await runFake(boomi, makeInputs({ changeLog: `Same fixes as before\nsha256: ${other}\n  Content-SHA256:${CONTENT.toUpperCase()}` }), ws.dir)
    expect(first.warnings).toEqual([
      expect.stringMatching(new RegExp(`Dropped 2 lines of change-log .*'sha256: ${other}', '.*'\\. The true trailer is appended`))
    ])
    expect(boomi.versions[0].changeLog).toBe(`Same fixes as before\n\n${trailer}`)
    // Archive B itself, released later: a new upload, not a reuse of the version of A.
    const second = await runFake(boomi, makeInputs({ archive: 'b.car.zip' }), ws.dir, {
      inspectArchive: async () => ({
        sha256: other,
        contentSha256: 'd'.repeat(64),
        connector: {},
        layoutWarnings: [],
        entries: 3,
        file: fakeArchiveFile(bytesOfB)
      })
    })
    expect(second.error).toBeUndefined()
    expect(boomi.calls).toEqual(['list', 'create', 'list', 'create'])
    expect(outputsOf(second.record)).toMatchObject({ uploaded: 'true', 'version-sha256': other })
  })

  it('takes the tag section of change-log-file', async () => {
    const boomi = new FakeBoomi()
    const run = await runFake(boomi, makeInputs({ changeLogFile: 'CHANGELOG.md' }), ws.dir)
    expect(boomi.versions[0].changeLog).toBe(`- Paging fixed\n\n${trailer}`)
    expect(run.lines.join('\n')).toMatch(/section '.*1\.2\.0.*' of CHANGELOG\.md/)
  })

  it('a branch run takes the newest released section of change-log-file, with a warning naming it', async () => {
    const boomi = new FakeBoomi()
    const run = await runFake(boomi, makeInputs({ changeLogFile: 'CHANGELOG.md' }), ws.dir, {
      runContext: async () => ({ refName: 'main', ref: 'refs/heads/main' })
    })
    expect(run.error).toBeUndefined()
    expect(run.warnings).toEqual([expect.stringMatching(/not for a version tag.*newest released section, '\[1\.2\.0\] - 2026-11-01' of CHANGELOG\.md/)])
  })

  it('a tag run whose version has no section in change-log-file fails before any request', async () => {
    const boomi = new FakeBoomi()
    const run = await runFake(boomi, makeInputs({ changeLogFile: 'CHANGELOG.md' }), ws.dir, {
      runContext: async () => ({ refName: 'v1.3.0', ref: 'refs/tags/v1.3.0' })
    })
    expect(run.error?.message).toMatch(/change-log-file.*no section for version 1\.3\.0.*'## \[1\.3\.0\] - <date>'/)
    expect(boomi.calls).toEqual([])
  })

  it('dry run: lists only, plans the upload as the newest, deletes nothing', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(4)
    const run = await runFake(boomi, makeInputs({ dryRun: true, keepLatest: 2, classifications: ['uat'] }), ws.dir)
    expect(boomi.calls).toEqual(['list'])
    const out = outputsOf(run.record)
    expect(JSON.parse(out['deleted-version-ids'])).toEqual(['1002', '1001', '1000'])
    expect(out.uploaded).toBe('false')
    // planned for the version the run would upload, which has no ID yet
    expect(JSON.parse(out['classification-changes'])).toEqual([{ classificationType: `${GROUP}-uat`, versionId: '', reviewStatus: '' }])
    expect(run.lines.join('\n')).toMatch(/would switch .*-uat to the version this run would upload/)
  })
})

describe('a change log Boomi keeps only in part', () => {
  it('an upload given back without its checksum line is warned of: a re-run would not recognise it', async () => {
    const boomi = new FakeBoomi()
    boomi.keepsChangeLog = 1000
    const run = await runFake(boomi, makeInputs({ changeLog: 'x'.repeat(1200) }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(run.warnings).toEqual([
      expect.stringMatching(
        /^Boomi gave version 2001 back with a change log that carries neither of this archive's checksum lines \(1000 of the 13\d\d characters sent\): a re-run will not recognise it/
      )
    ])
    // What the warning says: the same archive again is not recognised.
    const again = await runFake(boomi, makeInputs({ changeLog: 'x'.repeat(1200) }), ws.dir)
    expect(outputsOf(again.record).uploaded).toBe('true')
  })

  it('one that lost only its last line, sha256, is not warned of: a re-run finds it by content-sha256 and reuses it', async () => {
    const boomi = new FakeBoomi()
    boomi.keepsChangeLog = 1200 + 2 + 28 + 80
    const run = await runFake(boomi, makeInputs({ changeLog: 'x'.repeat(1200) }), ws.dir)
    expect(run.warnings).toEqual([])
    const again = await runFake(boomi, makeInputs({ changeLog: 'x'.repeat(1200) }), ws.dir)
    expect(outputsOf(again.record)).toMatchObject({ uploaded: 'false', 'version-id': '2001' })
  })

  it('a change log kept whole, or an answer without one, is not warned of', async () => {
    const whole = await runFake(new FakeBoomi(), makeInputs({ changeLog: 'x'.repeat(1200) }), ws.dir)
    expect(whole.warnings).toEqual([])
    const boomi = new FakeBoomi()
    const create = boomi.createVersion.bind(boomi)
    boomi.createVersion = async (g, b) => ({ ...(await create(g, b)), changeLog: undefined })
    const bare = await runFake(boomi, makeInputs(), ws.dir)
    expect(bare.error).toBeUndefined()
    expect(bare.warnings).toEqual([])
  })
})

describe('account version limit', () => {
  const limit = { status: 400, message: 'The account has reached the maximum of 1500 connector versions.' }

  it('prunes first, then uploads once more', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(5)
    boomi.createSteps = [limit, 'ok']
    const run = await runFake(boomi, makeInputs({ keepLatest: 3 }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(boomi.calls.slice(0, 2)).toEqual(['list', 'create'])
    expect(boomi.calls).toContain('delete 1000')
    expect(JSON.parse(outputsOf(run.record)['deleted-version-ids']).sort()).toEqual(['1000', '1001', '1002'])
    expect(outputsOf(run.record).uploaded).toBe('true')
  })

  it('a failed retry keeps the early deletions in the outputs', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(4)
    boomi.createSteps = [limit, { status: 400, message: 'Invalid connector descriptor' }]
    const run = await runFake(boomi, makeInputs({ keepLatest: 2 }), ws.dir)
    expect(run.error?.message).toMatch(/Invalid connector descriptor/)
    // The pending upload takes one of the two places.
    expect(JSON.parse(outputsOf(run.record)['deleted-version-ids'])).toEqual(['1002', '1001', '1000'])
    expect(renderSummary(run.record)).toMatch(/Pruning before the upload/)
  })

  it('nothing freed: fails naming the limit', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(2)
    boomi.createSteps = [limit]
    const run = await runFake(boomi, makeInputs({ keepLatest: 5 }), ws.dir)
    expect(run.error?.message).toMatch(/maximum of 1500 .* freed none\. Delete unused versions of other connector groups, or lower keep-latest\.$/)
    // With min-age-days, that may be what kept them: the advice names it.
    boomi.createSteps = [limit]
    const young = await runFake(boomi, makeInputs({ keepLatest: 1, minAgeDays: 100_000 }), ws.dir)
    expect(young.error?.message).toMatch(/freed none\. .* or lower keep-latest or min-age-days, which keeps every version younger than it\.$/)
  })

  it('a limit refusal after a lost attempt finds that attempt instead of pruning', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(5)
    // attempt 1 is stored after its seven looks; attempt 2 is told to wait; attempt 3 meets the limit
    boomi.createSteps = [{ lostStoredAfterListings: 9 }, { status: 503, retryAfterMs: 2000 }, limit]
    const run = await runFake(boomi, makeInputs({ keepLatest: 5 }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(boomi.calls.filter(c => c === 'create')).toHaveLength(3)
    expect(run.warnings.join('\n')).not.toMatch(/Pruning .* first/)
    expect(outputsOf(run.record)).toMatchObject({ uploaded: 'true', 'version-id': '2001' })
    // then the ordinary prune after the upload: the oldest goes
    expect(boomi.calls.filter(c => c.startsWith('delete'))).toEqual(['delete 1000'])
  })

  it('a limit refusal after a lost attempt that never shows still makes room and uploads', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(5)
    boomi.createSteps = ['lost', limit, 'ok']
    const run = await runFake(boomi, makeInputs({ keepLatest: 3 }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(run.warnings.join('\n')).toMatch(/Pruning .* first/)
    expect(outputsOf(run.record).uploaded).toBe('true')
  })

  it('an archive refused as too large is not taken for the limit: nothing is pruned', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(5)
    boomi.createSteps = [{ status: 400, message: 'The connector version archive exceeds the maximum size of 40 MB.' }]
    const run = await runFake(boomi, makeInputs({ keepLatest: 2 }), ws.dir)
    expect(run.error?.message).toMatch(/exceeds the maximum size/)
    expect(boomi.calls.some(c => c.startsWith('delete'))).toBe(false)
    expect(renderSummary(run.record)).toMatch(/Upload failed/)
  })

  it('a limit refusal after a lost attempt that shows only later: room is made, and the late twin is removed', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(5)
    // attempt 1 shows only after both rounds of looks; attempt 2 meets the limit; attempt 3 is stored
    boomi.createSteps = [{ lostStoredAfterListings: 14 }, limit, 'ok']
    const run = await runFake(boomi, makeInputs({ keepLatest: 3 }), ws.dir)
    expect(run.error).toBeUndefined()
    const withSha = boomi.live().filter(v => v.changeLog?.includes(`sha256: ${SHA}`))
    expect(withSha.map(v => v.versionId)).toEqual([outputsOf(run.record)['version-id']])
    expect(run.warnings.join('\n')).toMatch(/second copy of this archive/)
  })

  it('cancelled when the limit refusal comes: no room is made, and nothing is said of pruning', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(5)
    const controller = new AbortController()
    const create = boomi.createVersion.bind(boomi)
    boomi.createSteps = [limit]
    boomi.createVersion = async (g, b) => {
      controller.abort()
      return create(g, b)
    }
    const run = await runFake(boomi, makeInputs({ keepLatest: 3 }), ws.dir, { signal: controller.signal })
    expect(run.error).toBeInstanceOf(CancelledError)
    expect(run.warnings.join('\n')).not.toMatch(/Pruning .* first/)
    expect(run.record.pruning).toBeUndefined()
    expect(boomi.calls.filter(c => c.startsWith('delete'))).toEqual([])
  })

  it('cancelled while making room: the run says it was cancelled, not that pruning freed none', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(5)
    boomi.createSteps = [limit, 'ok']
    const controller = new AbortController()
    // The cancel lands before the first delete is sent, as the pacer's gate refuses it.
    boomi.deleteVersion = async () => {
      controller.abort()
      throw new CancelledError()
    }
    const run = await runFake(boomi, makeInputs({ keepLatest: 3 }), ws.dir, { deleteConcurrency: 1, signal: controller.signal })
    expect(run.error).toBeInstanceOf(CancelledError)
    expect(run.error?.message).not.toMatch(/freed none|lower keep-latest/)
    expect(boomi.calls.filter(c => c === 'create')).toHaveLength(1)
    expect(run.record.cancelled).toBe(true)
    expect(outputsOf(run.record).uploaded).toBe('false')
  })

  it('without keep-latest: fails with the fix', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = [limit]
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error?.message).toMatch(/Set keep-latest/)
  })

  it('a 429 that mentions versions is throttling, not the limit: nothing is pruned', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(4)
    boomi.createSteps = [{ status: 429, message: 'Too many requests: maximum versions per second' }, 'ok']
    const run = await runFake(boomi, makeInputs({ keepLatest: 4 }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(boomi.calls.filter(c => c.startsWith('delete'))).toEqual(['delete 1000'])
  })
})

describe('lost answers', () => {
  it('stored at once: found by the first look, no wait, no twin look', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = ['lost-stored']
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error).toBeUndefined()
    expect(boomi.calls).toEqual(['list', 'create', 'list'])
    expect(run.elapsedMs).toBe(0)
    expect(outputsOf(run.record).uploaded).toBe('true')
    // the lost attempt is settled by the version found: nothing is left to check by hand
    expect(run.record.unknown).toEqual([])
    expect(renderSummary(run.record)).not.toMatch(/Outcome not known/)
  })

  it('stored late: found at a growing interval within the settle window', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = [{ lostStoredAfterListings: 2 }]
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error).toBeUndefined()
    expect(boomi.calls).toEqual(['list', 'create', 'list', 'list', 'list'])
    expect(run.elapsedMs).toBe(1500)
    expect(boomi.live()).toHaveLength(1)
  })

  it('not found within the settle window: tries again, then looks once more for a late twin (none shows)', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = [{ lostStoredAfterListings: 100 }, 'ok']
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error).toBeUndefined()
    // the first listing, seven looks, the attempt that is answered, and the look for a twin
    expect(boomi.calls).toEqual(['list', 'create', ...Array(7).fill('list'), 'create', 'list'])
    expect(run.elapsedMs).toBeLessThanOrEqual(30_000)
  })

  it('not found, tried again, and the lost attempt shows at the look for a twin: that twin is deleted', async () => {
    const boomi = new FakeBoomi()
    // attempt 1 (2001) shows only after the seven looks, at the look for a twin; attempt 2 (2002) is answered
    boomi.createSteps = [{ lostStoredAfterListings: 7 }, 'ok']
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error).toBeUndefined()
    expect(boomi.calls.slice(-2)).toEqual(['list', 'delete 2001'])
    expect(boomi.live().map(v => v.versionId)).toEqual(['2002'])
    expect(outputsOf(run.record)).toMatchObject({ 'version-id': '2002', uploaded: 'true' })
  })

  it('two lost attempts both stored: keeps the first, deletes the twin', async () => {
    const boomi = new FakeBoomi()
    // The first shows only after its seven looks; the second is stored at once.
    boomi.createSteps = [{ lostStoredAfterListings: 7 }, 'lost-stored']
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error).toBeUndefined()
    expect(boomi.live().map(v => v.versionId)).toEqual(['2001'])
    expect(boomi.calls).toContain('delete 2002')
    expect(outputsOf(run.record)['version-id']).toBe('2001')
  })

  it('an undeletable stray twin fails the run after the outputs are set', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = [{ lostStoredAfterListings: 20 }, 'ok']
    const first = await runFake(boomi, makeInputs({ maxAttempts: 5 }), ws.dir)
    expect(first.error).toBeUndefined()
    const boomi2 = new FakeBoomi()
    boomi2.createSteps = [{ lostStoredAfterListings: 7 }, 'ok']
    boomi2.deleteRefusals.set('2001', 409)
    const run = await runFake(boomi2, makeInputs(), ws.dir)
    expect(run.error?.message).toMatch(/also stored 2001, a second copy/)
    expect(outputsOf(run.record)['version-id']).toBe('2002')
  })

  it('gives up after max-attempts of lost answers, saying the version may exist, the line to look for, and that a re-run finds it', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = ['lost', 'lost']
    const run = await runFake(boomi, makeInputs({ maxAttempts: 2 }), ws.dir)
    expect(run.error?.message).toMatch(
      /gave up after 2 attempts.*Boomi may have stored it.*ends with the line "sha256: [0-9a-f]{64}"\. A re-run with this archive finds and reuses it/
    )
    expect(run.error?.message).toContain(`sha256: ${SHA}`)
    expect(outputsOf(run.record)).toMatchObject({ uploaded: 'unknown', 'version-id': '' })
    expect(renderSummary(run.record)).toContain(`\`sha256: ${SHA}\``)
  })

  it('if the look for a twin cannot list the group, the upload still counts, with a warning', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = [{ lostStoredAfterListings: 100 }, 'ok']
    // the first listing and seven looks pass; the look for a twin fails
    boomi.listFailures = [0, 0, 0, 0, 0, 0, 0, 0, 500]
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error).toBeUndefined()
    expect(outputsOf(run.record).uploaded).toBe('true')
    expect(run.warnings.join('\n')).toMatch(/Could not check for a second copy/)
  })

  it('a 502 whose upload did not happen is retried after looking', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = [{ status: 502 }, 'ok']
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error).toBeUndefined()
    expect(boomi.calls.filter(c => c === 'create')).toHaveLength(2)
    expect(boomi.live()).toHaveLength(1)
  })

  it.each([
    ['503 without Retry-After', { status: 503 }],
    ['503 with Retry-After: 1', { status: 503, retryAfterMs: 1000 }],
    ['429 with Retry-After: 30', { status: 429, retryAfterMs: 30_000 }]
  ])('an upload answered %s for ever ends within the 10-minute budget plus one request, with outputs and summary', async (_name, answer) => {
    const boomi = new FakeBoomi()
    boomi.createSteps = Array.from({ length: 100_000 }, () => answer)
    // each attempt sends the archive: 5 s that no planned delay shows
    boomi.createTakesMs = 5000
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error?.message).toMatch(/gave up after \d+ s of throttling, near the 600 s limit/)
    // the first attempt's 5 s, the budget from the first throttled answer, one more attempt
    expect(run.elapsedMs).toBeLessThanOrEqual(5000 + THROTTLE_BUDGET_MS + 5000)
    expect(run.elapsedMs).toBeGreaterThan(THROTTLE_BUDGET_MS - 35_000)
    expect(run.published).toBe(1)
    expect(outputsOf(run.record)).toMatchObject({ uploaded: 'false', 'version-id': '', sha256: SHA })
    expect(renderSummary(run.record)).toMatch(/Failed:.*throttling[\s\S]*Result \| Upload failed/)
  })

  it('throttled uploads wait and do not spend attempts', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = Array.from({ length: 6 }, () => ({ status: 503, retryAfterMs: 1000 }))
    const run = await runFake(boomi, makeInputs({ maxAttempts: 2 }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(boomi.calls.filter(c => c === 'create')).toHaveLength(7)
    expect(run.sleeps).toEqual([1000, 1000, 1000, 1000, 1000, 1000])
  })

  it('throttling is bounded by time: an account that never frees up fails the run', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = Array.from({ length: 1000 }, () => ({ status: 429, retryAfterMs: 120_000 }))
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error?.message).toMatch(/429/)
    // 120 s waits (Retry-After's cap) within the 10 min budget: five waits, six tries
    expect(boomi.calls.filter(c => c === 'create')).toHaveLength(6)
    expect(run.elapsedMs).toBeLessThanOrEqual(10 * 60_000)
  })

  it('a lost answer with Retry-After of a day waits at most the cap, not a day', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = [{ status: 502, retryAfterMs: 86_400_000 }, { status: 504, retryAfterMs: 1e12 }, 'ok']
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error).toBeUndefined()
    // each lost answer: looks over the 30 s settle window, then what is left of the 120 s cap
    expect(run.elapsedMs).toBeLessThanOrEqual(2 * 120_000)
    for (const ms of run.sleeps) expect(ms).toBeLessThanOrEqual(120_000)
  })

  it('the decision table', () => {
    const policy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000, random: () => 0.5 }
    const after = (err: unknown, failures: number, unknownBefore: number) => {
      const failure = classifyFailure(err)
      return afterUploadFailure(failure, nextStep(failure, { failures }, policy), unknownBefore, 2000)
    }
    const dropped = new NetworkError('create', 'ECONNRESET', 'dropped', false)
    const notSent = new NetworkError('create', 'ECONNREFUSED', 'refused', true)
    const busy = new BoomiError('create', 503, 'busy')
    const bad = new BoomiError('create', 400, 'bad')
    expect(after(dropped, 0, 0)).toMatchObject({ lost: true, look: true, retry: true })
    expect(after(notSent, 0, 0)).toMatchObject({ lost: false, look: false, retry: true })
    expect(after(busy, 2, 0)).toMatchObject({ lost: false, retry: true, throttled: true })
    expect(after(bad, 0, 0)).toMatchObject({ look: false, retry: false })
    expect(after(bad, 0, 1)).toMatchObject({ look: true, retry: false })
    expect(after(dropped, 2, 1)).toMatchObject({ look: true, retry: false })
    // a lost answer's retry waits what the looks have not already waited
    expect(after(new BoomiError('create', 502, 'bad gateway', 5000), 0, 0)).toMatchObject({ lost: true, retry: true, delayMs: 3000 })
    expect(lookSchedule(30_000)).toEqual([0, 500, 1500, 3500, 7500, 15500, 30000])
    expect(lookSchedule(2000)).toEqual([0, 500, 1500, 2000])
  })
})

describe('listing', () => {
  it('warns when an empty group looks like it carries a classification', async () => {
    const boomi = new FakeBoomi()
    const run = await runFake(boomi, makeInputs({ archive: undefined, keepLatest: 3, groupType: `${GROUP}-uat` }), ws.dir)
    expect(run.warnings.join('\n')).toMatch(/ends with '-uat'.*e\.g\. acme-Q7XK2P-sample\./)
  })

  it("does not take a classification-like word inside an empty group's name for a classification", async () => {
    const boomi = new FakeBoomi()
    const run = await runFake(boomi, makeInputs({ archive: undefined, keepLatest: 3, groupType: 'acme-Q7XK2P-prod-tools' }), ws.dir)
    expect(run.warnings.join('\n')).toContain('Group acme-Q7XK2P-prod-tools has no versions')
    expect(run.warnings.join('\n')).not.toMatch(/looks like a classification/)
  })
})

describe('pruning', () => {
  it('a refusal is a skip with Boomi reason; protected versions are skipped', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(6, i => (i === 0 ? { reviewStatus: 'approved'.toUpperCase() } : i === 1 ? { releaseVersion: 'unclear' } : {}))
    boomi.deleteRefusals.set('1002', 400)
    const run = await runFake(boomi, makeInputs({ archive: undefined, keepLatest: 2 }), ws.dir)
    expect(run.error).toBeUndefined()
    const out = outputsOf(run.record)
    expect(JSON.parse(out['deleted-version-ids'])).toEqual(['1003'])
    expect(JSON.parse(out['skipped-version-ids']).sort()).toEqual(['1000', '1001', '1002'])
    expect(run.warnings.join('\n')).toMatch(/in use by classification uat/)
  })

  it('logs deletions oldest first, as planned, although the newer ones finish first', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(6)
    boomi.deleteRefusals.set('1001', 400)
    const orig = boomi.deleteVersion.bind(boomi)
    const finished: string[] = []
    boomi.deleteVersion = async (g, id) => {
      // The oldest takes longest: 1000 answers last, 1004 first.
      for (let tick = 0; tick < 2 * (1005 - Number(id)); tick++) await new Promise(resolve => setImmediate(resolve))
      try {
        return await orig(g, id)
      } finally {
        finished.push(id)
      }
    }
    const run = await runFake(boomi, makeInputs({ archive: undefined, keepLatest: 1 }), ws.dir, { deleteConcurrency: 5 })
    expect(finished).toEqual(['1004', '1003', '1002', '1001', '1000'])
    const logged = run.lines.filter(l => /^deleted |was not deleted/.test(l.replace(/^WARN /, '')))
    expect(logged.map(l => /(?:deleted|Version) (\d+)/.exec(l)![1])).toEqual(['1000', '1001', '1002', '1003', '1004'])
    expect(logged[0]).toMatch(/\[1\/5\]$/)
    expect(logged[4]).toMatch(/\[5\/5\]$/)
  })

  it('a 401 mid-prune stops further deletions, fails at the end, and keeps what was deleted', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(10)
    boomi.deleteFailAfter = { count: 2, status: 401 }
    const run = await runFake(boomi, makeInputs({ archive: undefined, keepLatest: 1 }), ws.dir, { deleteConcurrency: 1 })
    expect(run.error?.message).toMatch(/Pruning failed: 1 deletion failed \(2 done, 6 not tried after it\)/)
    expect(JSON.parse(outputsOf(run.record)['deleted-version-ids'])).toHaveLength(2)
    expect(renderSummary(run.record)).toMatch(/not tried/)
  })

  it('a delete whose answer was lost and whose retry got a 401 is settled by the listing', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    boomi.deleteLostThen.set('1000', 401)
    const run = await runFake(boomi, makeInputs({ archive: undefined, keepLatest: 1 }), ws.dir, { deleteConcurrency: 1 })
    // it did happen: deleted, not failed; a 401 still stops further deletions
    expect(JSON.parse(outputsOf(run.record)['deleted-version-ids'])).toEqual(['1000'])
    expect(run.error?.message).toMatch(
      /Pruning stopped: 1 deletion not tried after Boomi refused one as it would every deletion \(credentials, privileges, or the delete's form\) \(1 done\)/
    )
  })

  it('a deletion that failed while making room and succeeded later is reported once, as deleted', () => {
    const v = boomi1000()
    const plan = { keepLatest: 1, kept: 1 }
    const record = foldRun({ groupType: GROUP, dryRun: false }, [
      { type: 'prune-plan', round: 'room', plan, skip: [], delete: [{ version: v, reason: 'older' }] },
      { type: 'delete-failed', version: v, error: 'HTTP 500' },
      { type: 'prune-plan', round: 'prune', plan, skip: [], delete: [{ version: v, reason: 'older' }] },
      { type: 'deleted', item: { version: v, reason: 'older' } }
    ])
    expect(record.pruning?.deleted.map(d => d.version.versionId)).toEqual(['1000'])
    expect(record.pruning?.failed).toEqual([])
  })

  it('a cancelled run starts no new deletion and reports the rest as not tried', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(6)
    const controller = new AbortController()
    const orig = boomi.deleteVersion.bind(boomi)
    boomi.deleteVersion = async (g, id) => {
      const answer = await orig(g, id)
      controller.abort()
      return answer
    }
    const run = await runFake(boomi, makeInputs({ archive: undefined, keepLatest: 1 }), ws.dir, { deleteConcurrency: 1, signal: controller.signal })
    expect(boomi.calls.filter(c => c.startsWith('delete'))).toHaveLength(1)
    expect(run.record.cancelled).toBe(true)
    // The same error as a cancelled wait or pacer slot throws (src/core/cancel.ts): one message for a cancel.
    expect(run.error).toBeInstanceOf(CancelledError)
    expect(run.error?.message).toMatch(/cancelled/)
    expect(JSON.parse(outputsOf(run.record)['deleted-version-ids'])).toHaveLength(1)
  })
})

function boomi1000() {
  return new FakeBoomi().seed(1)[0]
}

describe('classifications', () => {
  it('switches each after the upload and before pruning, with notes without the trailer', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    boomi.changeAnswers.set(`${GROUP}-prod`, 'PENDING')
    const run = await runFake(boomi, makeInputs({ changeLog: 'Notes', classifications: ['uat', 'prod'], keepLatest: 1 }), ws.dir)
    expect(run.error).toBeUndefined()
    const id = outputsOf(run.record)['version-id']
    const changes = boomi.calls.filter(c => c.startsWith('change'))
    expect(changes).toEqual([`change ${GROUP}-uat ${id} "Notes"`, `change ${GROUP}-prod ${id} "Notes"`])
    expect(boomi.calls.indexOf(changes[1])).toBeLessThan(boomi.calls.findIndex(c => c.startsWith('delete')))
    expect(JSON.parse(outputsOf(run.record)['classification-changes'])).toEqual([
      { classificationType: `${GROUP}-uat`, versionId: id, reviewStatus: 'APPROVED' },
      { classificationType: `${GROUP}-prod`, versionId: id, reviewStatus: 'PENDING' }
    ])
    expect(renderSummary(run.record)).toMatch(/awaiting approval/)
  })

  it('a re-run reuses the version and switches again without uploading', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(1, () => ({ changeLog: `Earlier notes\n\n${trailer}` }))
    await runFake(boomi, makeInputs({ classifications: ['uat'] }), ws.dir)
    expect(boomi.calls).toEqual(['list', `change ${GROUP}-uat 1000 "Earlier notes"`])
  })

  it('a refused change fails the run at the end, after pruning, naming it; the outputs stand', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    boomi.changeAnswers.set(`${GROUP}-qa`, 400)
    const run = await runFake(boomi, makeInputs({ classifications: ['qa', 'uat'], keepLatest: 1 }), ws.dir)
    expect(run.error?.message).toMatch(new RegExp(`${GROUP}-qa`))
    expect(boomi.calls.some(c => c.startsWith('delete'))).toBe(true)
    expect(outputsOf(run.record).uploaded).toBe('true')
    expect(JSON.parse(outputsOf(run.record)['classification-changes'])[1].reviewStatus).toBe('APPROVED')
  })

  it('version-id promotes a live version without uploading', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    const run = await runFake(boomi, makeInputs({ archive: undefined, versionId: '1001', classifications: ['prod'] }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(boomi.calls).toEqual(['list', `change ${GROUP}-prod 1001 "release 2"`])
    expect(outputsOf(run.record)).toMatchObject({ 'version-id': '1001', uploaded: 'false', sha256: '', 'version-sha256': '' })
  })

  it('the summary shows the release notes sent whatever gave the version: given by version-id, reused, or in a dry run', async () => {
    const notesOf = (md: string) => /<summary>(Release notes[^<]*)<\/summary>\n\n```text\n([^`]*)\n```/.exec(md)?.slice(1)
    const given = new FakeBoomi()
    given.seed(3)
    const promoted = await runFake(given, makeInputs({ archive: undefined, versionId: '1001', changeLog: 'Promoted notes', classifications: ['prod'] }), ws.dir)
    expect(given.calls).toContain(`change ${GROUP}-prod 1001 "Promoted notes"`)
    expect(notesOf(renderSummary(promoted.record))).toEqual(['Release notes sent', 'Promoted notes'])
    const dry = await runFake(
      given,
      makeInputs({ archive: undefined, versionId: '1001', changeLog: 'Promoted notes', classifications: ['prod'], dryRun: true }),
      ws.dir
    )
    expect(notesOf(renderSummary(dry.record))).toEqual(['Release notes that would be sent', 'Promoted notes'])
    const same = new FakeBoomi()
    same.seed(1, () => ({ changeLog: `x\n\n${trailer}` }))
    const reused = await runFake(same, makeInputs({ changeLog: 'New notes', classifications: ['uat'] }), ws.dir)
    expect(reused.record.upload?.kind).toBe('reused')
    expect(notesOf(renderSummary(reused.record))).toEqual(['Release notes sent', 'New notes'])
  })

  it("version-id of a version this action uploaded: version-sha256 is that version's archive", async () => {
    const boomi = new FakeBoomi()
    boomi.seed(2, i => (i === 1 ? { changeLog: `notes\n\n${trailer}` } : {}))
    const run = await runFake(boomi, makeInputs({ archive: undefined, versionId: '1001', classifications: ['prod'] }), ws.dir)
    expect(outputsOf(run.record)).toMatchObject({ 'version-id': '1001', sha256: '', 'version-sha256': SHA })
  })

  it.each([['9999'], ['1000']])('version-id %s unknown or deleted fails before any change', async id => {
    const boomi = new FakeBoomi()
    boomi.seed(2, i => (i === 0 ? { deleted: true } : {}))
    const run = await runFake(boomi, makeInputs({ archive: undefined, versionId: id, classifications: ['prod'] }), ws.dir)
    expect(run.error?.message).toMatch(new RegExp(`Version ${id} \\(version-id\\)`))
    expect(boomi.calls).toEqual(['list'])
  })

  it('dry run plans the changes and sends none', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(1, () => ({ changeLog: `x\n\n${trailer}` }))
    const run = await runFake(boomi, makeInputs({ dryRun: true, classifications: ['uat'] }), ws.dir)
    expect(boomi.calls).toEqual(['list'])
    // One that would upload names the version it would make, not an empty cell.
    const upload = await runFake(new FakeBoomi(), makeInputs({ dryRun: true, classifications: ['uat'] }), ws.dir)
    expect(renderSummary(upload.record)).toContain(`| \`${GROUP}-uat\` | the one this run would upload | – | dry run: would request |`)
    expect(JSON.parse(outputsOf(run.record)['classification-changes'])).toEqual([{ classificationType: `${GROUP}-uat`, versionId: '1000', reviewStatus: '' }])
  })
  it('a change the cancel stops before Boomi takes it (its turn under the pace) is not requested, not failed, and not in classification-changes', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(1)
    const controller = new AbortController()
    // As the pacer's gate does: the cancel comes while the change waits for its slot, and nothing is sent.
    boomi.changeVersion = async () => {
      controller.abort()
      throw new CancelledError()
    }
    const run = await runFake(boomi, makeInputs({ classifications: ['uat', 'prod'] }), ws.dir, { signal: controller.signal })
    expect(run.error).toBeInstanceOf(CancelledError)
    const notRequested = (type: string) => ({
      classificationType: type,
      versionId: '2001',
      reviewStatus: '',
      error: 'not requested: the run was cancelled',
      notRequested: true
    })
    expect(run.record.switches).toEqual([notRequested(`${GROUP}-uat`), notRequested(`${GROUP}-prod`)])
    expect(JSON.parse(outputsOf(run.record)['classification-changes'])).toEqual([])
    const summary = renderSummary(run.record)
    expect(summary).toContain(`| \`${GROUP}-uat\` | \`2001\` | – | not requested: the run was cancelled |`)
    expect(summary).not.toMatch(/failed: The run was cancelled/)
    expect(run.warnings.join('\n')).not.toMatch(/Switching .* failed/)
  })
})

describe('record, outputs and summary', () => {
  it('publishes once, also when the listing fails', async () => {
    const boomi = new FakeBoomi()
    boomi.listFailures = [401]
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error).toBeInstanceOf(BoomiError)
    expect(run.published).toBe(1)
    expect(outputsOf(run.record)).toMatchObject({ sha256: SHA, uploaded: 'false', 'version-id': '' })
    expect(renderSummary(run.record)).toMatch(/stopped before the upload/)
  })

  it('reports the throttling seen in the summary', async () => {
    const boomi = new FakeBoomi()
    const run = await runFake(boomi, makeInputs({ archive: undefined, keepLatest: 1 }), ws.dir, {
      throttling: () => ({ throttled: 3, waitedMs: 4500, lowestRate: 2.5 })
    })
    // The rate as the log line gives it (what a rolling second holds), not 2.50.
    expect(renderSummary(run.record)).toMatch(/Throttling \| 3 answers 503\/429, 4\.5 s spent waiting, rate cut to 2\/s at the lowest \|/)
    const quiet = await runFake(boomi, makeInputs({ archive: undefined, keepLatest: 1 }), ws.dir, { throttling: () => ({ throttled: 0, waitedMs: 0 }) })
    expect(renderSummary(quiet.record)).not.toMatch(/Throttling/)
  })

  it('escapes what came from outside in the summary', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(2, () => ({ displayVersion: '<img src=x onerror=alert(1)>`|[x](javascript:y)' }))
    const run = await runFake(boomi, makeInputs({ archive: undefined, keepLatest: 1 }), ws.dir)
    const md = renderSummary(run.record)
    expect(md).not.toContain('<img')
    expect(md).not.toContain('](javascript:')
  })
})

/** A run left hanging on a request that never answers, then written as a forced cancel writes it. */
describe('a forced cancel reports what may have happened', () => {
  it('a classification change sent and never answered is in classification-changes and the summary as outcome not known', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(2)
    boomi.changeHangs.add(`${GROUP}-prod`)
    const record = await forcedWhile(boomi, ws.dir, makeInputs({ classifications: ['uat', 'prod'] }), c => c.startsWith(`change ${GROUP}-prod`))
    // only the unanswered change is left to check; the answered upload and uat change are not
    expect(record.unknown).toEqual([{ operation: 'change', classificationType: `${GROUP}-prod`, versionId: '2001' }])
    const out = outputsOf(record)
    const id = out['version-id']
    expect(id).toBe('2001')
    expect(JSON.parse(out['classification-changes'])).toEqual([
      { classificationType: `${GROUP}-uat`, versionId: id, reviewStatus: 'APPROVED' },
      { classificationType: `${GROUP}-prod`, versionId: id, reviewStatus: '', outcome: 'unknown' }
    ])
    const md = renderSummary(record)
    expect(md).toMatch(/Cancelled/)
    expect(md).toMatch(/in flight; their outcome is not known/)
    expect(md).toMatch(new RegExp(`\\| \`${GROUP}-prod\` \\| \`2001\` \\| – \\| outcome not known`))
    expect(md).toMatch(new RegExp(`### Outcome not known[\\s\\S]*classification \`${GROUP}-prod\` uses \\(this run asked for \`2001\`\\)`))
  })

  it('the classifications after the change in flight are named as not requested, in the order given, and left out of classification-changes', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(2)
    boomi.changeHangs.add(`${GROUP}-prod`)
    const record = await forcedWhile(boomi, ws.dir, makeInputs({ classifications: ['uat', 'prod', 'dev'] }), c => c.startsWith(`change ${GROUP}-prod`))
    expect(boomi.calls.some(c => c.startsWith(`change ${GROUP}-dev`))).toBe(false)
    expect(
      record.switches?.map(s => [s.classificationType, s.reviewStatus || (s.outcomeUnknown ? 'unknown' : s.notRequested ? 'not requested' : '?')])
    ).toEqual([
      [`${GROUP}-uat`, 'APPROVED'],
      [`${GROUP}-prod`, 'unknown'],
      [`${GROUP}-dev`, 'not requested']
    ])
    expect(JSON.parse(outputsOf(record)['classification-changes'])).toEqual([
      { classificationType: `${GROUP}-uat`, versionId: '2001', reviewStatus: 'APPROVED' },
      { classificationType: `${GROUP}-prod`, versionId: '2001', reviewStatus: '', outcome: 'unknown' }
    ])
    const md = renderSummary(record)
    expect(md).toContain(`| \`${GROUP}-dev\` | \`2001\` | – | not requested: the run was cancelled |`)
    // the change in flight is named once among what to check
    expect(md.match(new RegExp(`classification \`${GROUP}-prod\` uses`, 'g'))).toHaveLength(1)
  })

  it('a change already of outcome not known keeps it when a later one is in flight at the end', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(2)
    boomi.changeAnswers.set(`${GROUP}-uat`, 'unreadable')
    boomi.changeHangs.add(`${GROUP}-prod`)
    const record = await forcedWhile(boomi, ws.dir, makeInputs({ classifications: ['uat', 'prod', 'dev'] }), c => c.startsWith(`change ${GROUP}-prod`))
    expect(record.switches).toEqual([
      expect.objectContaining({ classificationType: `${GROUP}-uat`, outcomeUnknown: true }),
      { classificationType: `${GROUP}-prod`, versionId: '2001', reviewStatus: '', outcomeUnknown: true },
      { classificationType: `${GROUP}-dev`, versionId: '2001', reviewStatus: '', error: 'not requested: the run was cancelled', notRequested: true }
    ])
  })

  it('an upload in flight at the end: the classifications, never reached, are not reported at all', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(2)
    boomi.createSteps = ['stored-hang']
    const record = await forcedWhile(boomi, ws.dir, makeInputs({ classifications: ['uat', 'prod'] }), c => c === 'create')
    expect(record.switches).toBeUndefined()
    expect(outputsOf(record)['classification-changes']).toBe('[]')
  })

  it('an upload stored and never answered: version-id empty, uploaded unknown, and the summary names the sha256 line to look for', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(2)
    boomi.createSteps = ['stored-hang']
    const record = await forcedWhile(boomi, ws.dir, makeInputs({ keepLatest: 1 }), c => c === 'create')
    expect(outputsOf(record)).toMatchObject({ 'version-id': '', uploaded: 'unknown', sha256: SHA, 'deleted-version-ids': '[]' })
    const md = renderSummary(record)
    expect(md).not.toMatch(/stopped before the upload/)
    expect(md).toMatch(/Result \| Upload sent, outcome not known/)
    expect(md).toContain(`ends with the line \`sha256: ${SHA}\``)
  })

  it('a delete sent and never answered is neither deleted nor not tried, but outcome not known', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(4)
    const orig = boomi.deleteVersion.bind(boomi)
    boomi.deleteVersion = async (g, id) => (id === '1001' ? (boomi.calls.push(`delete ${id}`), new Promise(() => undefined)) : orig(g, id))
    const record = await forcedWhile(boomi, ws.dir, makeInputs({ archive: undefined, keepLatest: 1 }), c => c === 'delete 1001', { deleteConcurrency: 1 })
    expect(JSON.parse(outputsOf(record)['deleted-version-ids'])).toEqual(['1000'])
    expect(record.pruning?.unknown.map(v => v.versionId)).toEqual(['1001'])
    expect(record.unknown?.map(q => (q.operation === 'delete' ? q.version.versionId : q.operation))).toEqual(['1001'])
    expect(record.pruning?.notTried.map(v => v.versionId)).toEqual(['1002'])
    expect(renderSummary(record)).toMatch(/\| `1001` \|.*\| outcome not known \|/)
  })
})

describe('lost, then unknown', () => {
  it('the listings of the look after a lost answer fail: the error and the summary say the version may be stored and name the line', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = ['lost-stored']
    boomi.listFailures = [0, 500]
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error?.message).toMatch(/Looking for the upload after its answer was lost failed: query failed: HTTP 500.*Boomi may have stored it/)
    expect(run.error?.message).toContain(`ends with the line "sha256: ${SHA}"`)
    expect(outputsOf(run.record)).toMatchObject({ uploaded: 'unknown', 'version-id': '' })
    const md = renderSummary(run.record)
    expect(md).toMatch(/Upload failed, but an attempt whose answer was lost may have stored it/)
    expect(md).toContain(`ends with the line \`sha256: ${SHA}\``)
  })

  it('a cancel during the look after a lost answer: the same, and no further listing or attempt', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = [{ lostStoredAfterListings: 100 }]
    const controller = new AbortController()
    const orig = boomi.createVersion.bind(boomi)
    boomi.createVersion = async (g, body) => {
      try {
        return await orig(g, body)
      } finally {
        controller.abort()
      }
    }
    const run = await runFake(boomi, makeInputs(), ws.dir, { signal: controller.signal })
    expect(boomi.calls).toEqual(['list', 'create'])
    expect(run.error?.message).toMatch(/cancelled.*Boomi may have stored it/)
    expect(outputsOf(run.record).uploaded).toBe('unknown')
    expect(renderSummary(run.record)).toContain(`\`sha256: ${SHA}\``)
  })
})

describe('lost, then cancelled between attempts', () => {
  it('a cancel between upload attempts, after one lost its answer, starts no attempt and says the version may be stored', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = ['lost', { status: 503 }, 'ok']
    const controller = new AbortController()
    const orig = boomi.createVersion.bind(boomi)
    boomi.createVersion = async (g, body) => {
      if (boomi.calls.filter(c => c === 'create').length === 1) controller.abort()
      return orig(g, body)
    }
    const run = await runFake(boomi, makeInputs(), ws.dir, { signal: controller.signal })
    expect(boomi.calls.filter(c => c === 'create')).toHaveLength(2)
    expect(run.error?.message).toMatch(/^The run was cancelled.*Boomi may have stored it/)
    expect(outputsOf(run.record).uploaded).toBe('unknown')
  })
})

describe('seams: what pruning is given', () => {
  const limit = { status: 400, message: 'The account has reached the maximum of 1500 connector versions.' }
  const deletes = (boomi: FakeBoomi) => boomi.calls.filter(c => c.startsWith('delete'))

  it("pruneInputFrom: after an upload, the upload's listing with early deletions marked, early refusals not asked again, the new version first", () => {
    const [a, b, c] = new FakeBoomi().seed(3)
    const mine = { ...a, versionId: '2001' }
    const input = pruneInputFrom(
      [a, b, c],
      {
        kind: 'uploaded',
        version: mine,
        changeLog: 'x',
        listing: [a, b, c, mine],
        earlyPrune: { deleted: [{ version: a, reason: 'older' }], skipped: [{ version: b, reason: 'refused by Boomi: in use' }], failed: [], notTried: [] }
      },
      mine
    )
    expect(input.listing.map(v => [v.versionId, v.deleted])).toEqual([
      ['1000', true],
      ['1001', false],
      ['1002', false],
      ['2001', false]
    ])
    expect([...input.refusedBefore]).toEqual(['1001'])
    expect(input).toMatchObject({ runVersion: mine, uploaded: true, pendingUpload: false })
  })

  it("pruneInputFrom: a reused version is kept but not the newest; a dry run's upload takes a place; no upload gives the listing", () => {
    const listing = new FakeBoomi().seed(2)
    expect(pruneInputFrom(listing, { kind: 'reused', version: listing[0], match: 'sha256', dryRun: false }, listing[0])).toMatchObject({
      listing,
      runVersion: listing[0],
      uploaded: false,
      pendingUpload: false
    })
    expect(pruneInputFrom(listing, { kind: 'would-upload', changeLog: 'x' }, undefined)).toMatchObject({ uploaded: false, pendingUpload: true })
    expect(pruneInputFrom(listing, undefined, undefined)).toMatchObject({ listing, uploaded: false, pendingUpload: false, refusedBefore: new Set() })
  })

  it('lost answer + twin + keep-latest 3 over 4 versions: the deleted twin takes no place, exactly 1001 and 1000 are deleted', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(4)
    // attempt 1 (2001) shows after its seven looks; attempt 2 (2002) is stored at once, its answer lost too
    boomi.createSteps = [{ lostStoredAfterListings: 7 }, 'lost-stored']
    const run = await runFake(boomi, makeInputs({ keepLatest: 3 }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(outputsOf(run.record)['version-id']).toBe('2001')
    expect(deletes(boomi)).toEqual(['delete 2002', 'delete 1000', 'delete 1001'])
    // The twin is in the output too, before pruning's deletions: every version the run deleted.
    expect(JSON.parse(outputsOf(run.record)['deleted-version-ids'])).toEqual(['2002', '1001', '1000'])
    expect(boomi.live().map(v => v.versionId)).toEqual(['1002', '1003', '2001'])
  })

  it("a foreign upload that shows during the look is not this run's: the run uploads its own and leaves the other alone", async () => {
    const boomi = new FakeBoomi()
    boomi.seed(1)
    boomi.createSteps = ['lost', 'ok']
    // another job's upload of another archive shows at the first look
    boomi.arriveAfter(1, { versionId: '3000', displayVersion: '9', changeLog: `other\n\ncontent-sha256: ${'d'.repeat(64)}\nsha256: ${'b'.repeat(64)}` })
    const run = await runFake(boomi, makeInputs({ classifications: ['uat'] }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(boomi.calls.filter(c => c === 'create')).toHaveLength(2)
    expect(outputsOf(run.record)).toMatchObject({ 'version-id': '2001', uploaded: 'true' })
    expect(boomi.calls.filter(c => c.startsWith('change'))).toEqual([expect.stringMatching(new RegExp(`^change ${GROUP}-uat 2001 `))])
    expect(deletes(boomi)).toEqual([])
    expect(
      boomi
        .live()
        .map(v => v.versionId)
        .sort()
    ).toEqual(['1000', '2001', '3000'])
  })

  it('a reused version + keep-latest: it keeps its place by date, and the newer versions are not deleted for it', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(4, i => (i === 1 ? { changeLog: `old\n\nsha256: ${SHA}` } : {}))
    const run = await runFake(boomi, makeInputs({ keepLatest: 2 }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(outputsOf(run.record)).toMatchObject({ 'version-id': '1001', uploaded: 'false' })
    expect(deletes(boomi)).toEqual(['delete 1000'])
  })

  it('an unsure delete that the listing shows still live, after a lost answer then a timeout, is failed, not deleted', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    boomi.deleteLostNotDone.set('1000', 'timeout')
    const run = await runFake(boomi, makeInputs({ archive: undefined, keepLatest: 1 }), ws.dir, { deleteConcurrency: 1 })
    expect(JSON.parse(outputsOf(run.record)['deleted-version-ids'])).toEqual(['1001'])
    expect(run.error?.message).toMatch(/Pruning failed: 1 deletion failed \(1 done\): 1000: delete failed: no answer/)
    expect(boomi.calls.slice(-1)).toEqual(['list'])
    // The log says why one more listing goes out after the deletions.
    expect(run.lines).toContain(`1 deletion lost the answer or found nothing to delete; listing ${GROUP} to see what happened`)
  })

  it("an unsure delete that the listing shows still live, after a lost answer then a refusal, is a skip with Boomi's reason", async () => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    boomi.deleteLostNotDone.set('1000', 409)
    const run = await runFake(boomi, makeInputs({ archive: undefined, keepLatest: 1 }), ws.dir, { deleteConcurrency: 1 })
    expect(run.error).toBeUndefined()
    const out = outputsOf(run.record)
    expect(JSON.parse(out['deleted-version-ids'])).toEqual(['1001'])
    expect(JSON.parse(out['skipped-version-ids'])).toEqual(['1000'])
    expect(renderSummary(run.record)).toMatch(/\| `1000` \|.*\| skipped \| refused by Boomi: version 1000 is in use/)
  })

  it('an unsure delete whose listing fails is failed with outcome unknown, never reported deleted', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    boomi.deleteLostThen.set('1000', 409)
    boomi.listFailures = [0, 500]
    const run = await runFake(boomi, makeInputs({ archive: undefined, keepLatest: 1 }), ws.dir, { deleteConcurrency: 1 })
    expect(JSON.parse(outputsOf(run.record)['deleted-version-ids'])).toEqual(['1001'])
    expect(run.error?.message).toMatch(/1000: outcome unknown: the answer was lost and the group could not be listed/)
  })

  it('versions deleted or refused while making room are not asked for again by the prune after the upload', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(5)
    boomi.deleteRefusals.set('1001', 409)
    boomi.createSteps = [limit, 'ok']
    const run = await runFake(boomi, makeInputs({ keepLatest: 3 }), ws.dir, { deleteConcurrency: 1 })
    expect(run.error).toBeUndefined()
    // making room for the pending upload: 1002, 1001, 1000 (1001 refused); then the prune has nothing new
    expect(deletes(boomi)).toEqual(['delete 1000', 'delete 1001', 'delete 1002'])
    const out = outputsOf(run.record)
    expect(JSON.parse(out['deleted-version-ids'])).toEqual(['1002', '1000'])
    expect(JSON.parse(out['skipped-version-ids'])).toEqual(['1001'])
    expect(out.uploaded).toBe('true')
  })

  it.each([401, 403])('a %i mid-prune starts no further deletion, fails at the end, and keeps what was deleted', async status => {
    const boomi = new FakeBoomi()
    boomi.seed(6)
    boomi.deleteFailAfter = { count: 1, status }
    const run = await runFake(boomi, makeInputs({ archive: undefined, keepLatest: 1 }), ws.dir, { deleteConcurrency: 1 })
    expect(deletes(boomi)).toEqual(['delete 1000', 'delete 1001'])
    expect(JSON.parse(outputsOf(run.record)['deleted-version-ids'])).toEqual(['1000'])
    expect(run.error?.message).toMatch(new RegExp(`Pruning failed: 1 deletion failed \\(1 done, 3 not tried after it\\): 1001: delete failed: HTTP ${status}`))
  })
})
