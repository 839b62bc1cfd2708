// The orchestrator's decisions around the upload, driven in-process through
// RunDeps (fake Boomi, fake clock): lost answers and their looks, second copies,
// what a forced record says was sent, cancels between phases, and the archive's
// own checks before any request.
import { describe, expect, it } from '@jest/globals'
import { classifyFailure } from '../../src/boomi/failures.js'
import { ARCHIVE_SIZE_GUIDANCE_BYTES } from '../../src/boomi/contract.js'
import { outputsOf } from '../../src/domain/outputs.js'
import { renderSummary } from '../../src/domain/summary.js'
import { BoomiError, CancelledError, InputError, NetworkError } from '../../src/errors.js'
import { nextStep } from '../../src/net/retry.js'
import { afterUploadFailure, lookSchedule } from '../../src/orchestrator/lost-answers.js'
import { runRelease } from '../../src/orchestrator/release.js'
import { CONTENT, FakeBoomi, GROUP, SHA, T0, fakeArchiveFile, fakeDeps, forcedWhile, makeInputs, runFake, useWorkspace } from '../helpers/fake-run.js'

const ws = useWorkspace()
const policy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000, random: () => 0.5 }
const creates = (boomi: FakeBoomi) => boomi.calls.filter(c => c === 'create').length

describe('after a failed upload attempt', () => {
  it('a final failure after the request was written may have stored the version: a look, and no retry', () => {
    const failure = classifyFailure(new NetworkError('create', 'CERT_HAS_EXPIRED', 'certificate has expired', false))
    expect(failure.mayHaveTakenEffect).toBe(true)
    expect(afterUploadFailure(failure, nextStep(failure, { failures: 0 }, policy), 0, 2000)).toMatchObject({ lost: true, look: true, retry: false })
  })

  it('a certificate failure before anything was written is no lost answer: no look, no retry', () => {
    const failure = classifyFailure(new NetworkError('create', 'CERT_HAS_EXPIRED', 'certificate has expired', true))
    expect(afterUploadFailure(failure, nextStep(failure, { failures: 0 }, policy), 0, 2000)).toMatchObject({ lost: false, look: false, retry: false })
  })

  it('an upload answered 2xx with something not understood is looked for; found by its checksum, the run goes on with it', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(2)
    boomi.createSteps = ['stored-unreadable']
    const run = await runFake(boomi, makeInputs({ classifications: ['uat'] }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(creates(boomi)).toBe(1)
    expect(run.lines.some(l => l.startsWith("upload: the answer to attempt 1 was not understood (create answer not understood: 'uploadedDate'"))).toBe(true)
    const outputs = outputsOf(run.record)
    expect(outputs.uploaded).toBe('true')
    expect(outputs['version-id']).toBe(boomi.live().at(-1)!.versionId)
    expect(boomi.calls.filter(c => c.startsWith('change'))).toHaveLength(1)
  })

  it('an upload answered 2xx with something not understood and not seen: no second attempt, and uploaded is unknown', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(2)
    boomi.createSteps = ['unreadable', 'ok']
    const run = await runFake(boomi, makeInputs({ classifications: ['uat'] }), ws.dir)
    expect(creates(boomi)).toBe(1)
    expect(boomi.calls.filter(c => c.startsWith('change'))).toEqual([])
    expect(run.error?.message).toMatch(
      /create answer not understood.*answer was lost or not understood, and its version was not seen, so Boomi may have stored it/
    )
    expect(outputsOf(run.record).uploaded).toBe('unknown')
    expect(renderSummary(run.record)).toContain('### Outcome not known')
  })

  it('giving up is neither a wait nor throttling', () => {
    const failure = classifyFailure(new BoomiError('create', 400, 'bad'))
    expect(afterUploadFailure(failure, nextStep(failure, { failures: 0 }, policy), 0, 2000)).toEqual({
      lost: false,
      look: false,
      retry: false,
      delayMs: 0,
      throttled: false,
      failures: 1
    })
  })

  it('the looks end at the settle window, listing no moment twice', () => {
    expect(lookSchedule(1500)).toEqual([0, 500, 1500])
    expect(lookSchedule(0)).toEqual([0])
  })

  it('the first look after a lost answer is at once: no wait before it', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = ['lost-stored']
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error).toBeUndefined()
    expect(run.sleeps).toEqual([])
    expect(run.lines).toContain(
      `upload: the answer to attempt 1 was lost (create failed: the connection was dropped before an answer came); looking for the version in ${GROUP}`
    )
  })

  it('a wait between attempts that fails ends the upload with that failure, sending nothing more', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = [{ status: 503, retryAfterMs: 1000 }, 'ok']
    const { deps } = fakeDeps(boomi, makeInputs(), ws.dir)
    const broken = new Error('the wait failed')
    deps.clock = { now: deps.clock.now, sleep: async () => Promise.reject(broken) }
    let published: Parameters<Parameters<typeof runRelease>[1]>[0] | undefined
    await expect(runRelease(deps, async r => void (published = r))).rejects.toBe(broken)
    expect(creates(boomi)).toBe(1)
    // no attempt lost its answer, so nothing may have been stored
    expect(outputsOf(published!)).toMatchObject({ uploaded: 'false', 'version-id': '' })
  })

  it('the throttled time ends when the upload succeeds', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = [{ status: 503, retryAfterMs: 2000 }, { status: 503, retryAfterMs: 2000 }, 'ok']
    const { deps, clock } = fakeDeps(boomi, makeInputs(), ws.dir)
    await runRelease(deps, async () => undefined)
    expect(deps.retry.throttledMs).toBe(4000)
    clock.t += 60_000
    expect(deps.retry.throttledMs).toBe(4000)
  })
})

describe('a forced record after upload attempts', () => {
  const secondCreate = (boomi: FakeBoomi) => (c: string) => c === 'create' && creates(boomi) >= 2

  it('an attempt refused as busy is answered: only the hanging attempt is not known', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = [{ status: 503, retryAfterMs: 1000 }, 'stored-hang']
    const record = await forcedWhile(boomi, ws.dir, makeInputs(), secondCreate(boomi))
    expect(record.unknown?.map(q => q.operation)).toEqual(['upload'])
  })

  it('an attempt whose answer was lost and whose version never showed stays not known', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = ['lost', 'stored-hang']
    const record = await forcedWhile(boomi, ws.dir, makeInputs(), secondCreate(boomi))
    expect(record.unknown?.map(q => q.operation)).toEqual(['upload', 'upload'])
    expect(outputsOf(record).uploaded).toBe('unknown')
  })
})

describe('second copies of the archive', () => {
  // Attempt 1 (2001) loses its answer and shows only at the look for a twin; attempt 2 (2002) is the run's.
  const twinLate = (): FakeBoomi => {
    const boomi = new FakeBoomi()
    boomi.createSteps = [{ lostStoredAfterListings: 7 }, 'ok']
    return boomi
  }

  it('a twin removed leaves no warning of second copies, and pruning sees it as deleted', async () => {
    const boomi = twinLate()
    boomi.seed(2)
    const run = await runFake(boomi, makeInputs({ keepLatest: 1 }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(run.warnings.join('\n')).not.toMatch(/Second copies left/)
    expect(boomi.calls.filter(c => c.startsWith('delete')).sort()).toEqual(['delete 1000', 'delete 1001', 'delete 2001'])
    // Every version the run deleted is in the output and the summary, the twin first.
    expect(JSON.parse(outputsOf(run.record)['deleted-version-ids'])).toEqual(['2001', '1001', '1000'])
    expect(renderSummary(run.record)).toContain('| Second copies | deleted 2001 (made by upload attempts whose answers were lost) |')
    // the removed twin is not a version pruning has to pass over
    expect(run.record.pruning?.skipped).toEqual([])
    expect(boomi.live().map(v => v.versionId)).toEqual(['2002'])
  })

  it('a twin whose delete got no answer is left: named, and the run fails after its outputs', async () => {
    const boomi = twinLate()
    boomi.deleteLostNotDone.set('2001', 'timeout')
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error?.message).toMatch(/also stored 2001, a second copy/)
    expect(run.warnings.join('\n')).toMatch(/Second copies left: .*2001/)
    expect(outputsOf(run.record)).toMatchObject({ 'version-id': '2002', 'deleted-version-ids': '[]' })
    expect(renderSummary(run.record)).toContain(
      '| Second copies | left, delete them in the Developer tab: 2001 (made by upload attempts whose answers were lost) |'
    )
  })

  it('a twin whose delete lost its answer and then found nothing is settled by a listing: gone, so removed, and pruning keeps the releases it should', async () => {
    const boomi = twinLate()
    boomi.seed(2)
    boomi.deleteLostThen.set('2001', 404)
    const run = await runFake(boomi, makeInputs({ keepLatest: 2 }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(run.warnings.join('\n')).not.toMatch(/Second copies left/)
    // the twin took no keep place: the previous release 1001 stays, only 1000 goes
    expect(
      boomi
        .live()
        .map(v => v.versionId)
        .sort()
    ).toEqual(['1001', '2002'])
    expect(JSON.parse(outputsOf(run.record)['deleted-version-ids'])).toEqual(['2001', '1000'])
  })

  it('a twin whose delete lost its answer and that the listing still shows is left, named', async () => {
    const boomi = twinLate()
    boomi.deleteLostNotDone.set('2001', 409)
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error?.message).toMatch(/also stored 2001, a second copy/)
    expect(run.warnings.join('\n')).toMatch(/Deleting the second copy 2001 failed: .*an earlier attempt's answer was lost, and the listing still shows it/)
  })

  it('a twin whose delete lost its answer, when the group cannot be listed, is left, named, with a warning saying why', async () => {
    const boomi = twinLate()
    boomi.deleteLostNotDone.set('2001', 'timeout')
    const del = boomi.deleteVersion.bind(boomi)
    boomi.deleteVersion = async (g, id) => {
      const answer = await del(g, id)
      if (id === '2001') boomi.listFailures.push(500)
      return answer
    }
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error?.message).toMatch(/also stored 2001, a second copy/)
    expect(run.warnings.join('\n')).toMatch(new RegExp(`Could not list ${GROUP} to see whether the second copies were deleted: query failed: HTTP 500`))
    expect(run.warnings.join('\n')).toMatch(
      /Deleting the second copy 2001 failed: .*\(an earlier attempt's answer was lost, and the group could not be listed to see whether it is gone\)/
    )
  })

  it.each([
    ['shows it deleted: removed', 'deleted', undefined],
    ['still shows it live: left, named', 'live', /Deleting the second copy 2001 failed: delete failed: HTTP 404: .* \(the listing still shows it\)/],
    [
      'does not show it at all: left, named (deletes are soft)',
      'absent',
      /Deleting the second copy 2001 failed: delete failed: HTTP 404: not found \(the listing does not show it at all, though Boomi lists a deleted version as deleted\)/
    ]
  ] as const)('a twin delete answered not found is settled by a listing that %s', async (_name, after, warned) => {
    const boomi = twinLate()
    const del = boomi.deleteVersion.bind(boomi)
    boomi.deleteVersion = async (g, id) => {
      if (id === '2001' && after === 'deleted') boomi.versions.find(v => v.versionId === id)!.deleted = true
      if (id === '2001' && after === 'absent') boomi.versions = boomi.versions.filter(v => v.versionId !== id)
      if (id === '2001' && after === 'live') boomi.deleteRefusals.set(id, 404)
      return del(g, id)
    }
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(outputsOf(run.record)['version-id']).toBe('2002')
    // One listing settles it: the first, the seven looks, the look for a twin, and this one.
    expect(boomi.calls.filter(c => c === 'list')).toHaveLength(10)
    if (warned) {
      expect(run.error?.message).toMatch(/also stored 2001, a second copy/)
      expect(run.warnings.join('\n')).toMatch(warned)
    } else {
      expect(run.error).toBeUndefined()
      expect(run.warnings.join('\n')).not.toMatch(/Deleting the second copy/)
    }
  })

  it('a twin whose delete lost its answer and that the settling listing does not show at all is left, named', async () => {
    const boomi = twinLate()
    boomi.deleteLostThen.set('2001', 404)
    const list = boomi.listGroup.bind(boomi)
    boomi.listGroup = async g => (await list(g)).filter(v => !(v.versionId === '2001' && v.deleted))
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error?.message).toMatch(/also stored 2001, a second copy/)
    expect(run.warnings.join('\n')).toMatch(/an earlier attempt's answer was lost, and the listing does not show it at all/)
  })

  it('a twin delete refused at once (not a 404) is left at once, named, with no listing to settle it', async () => {
    const boomi = twinLate()
    boomi.deleteRefusals.set('2001', 409)
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error?.message).toMatch(/also stored 2001, a second copy/)
    expect(run.warnings).toContain('Deleting the second copy 2001 failed: delete failed: HTTP 409: version 2001 is in use by classification uat')
    // The first listing, seven looks, the look for a late twin: none after the delete.
    expect(boomi.calls.filter(c => c === 'list')).toHaveLength(9)
  })

  it("a twin that could not be deleted takes no keep-latest place, and pruning leaves it to the run's error", async () => {
    const boomi = twinLate()
    boomi.seed(2)
    boomi.deleteLostNotDone.set('2001', 'timeout')
    const run = await runFake(boomi, makeInputs({ keepLatest: 2 }), ws.dir)
    expect(run.error?.message).toMatch(/also stored 2001, a second copy/)
    // The release before this run's (1001) keeps its place; only 1000 goes, and the twin is not pruning's.
    expect(JSON.parse(outputsOf(run.record)['deleted-version-ids'])).toEqual(['1000'])
    expect(
      boomi
        .live()
        .map(v => v.versionId)
        .sort()
    ).toEqual(['1001', '2001', '2002'])
    expect(run.record.pruning?.skipped).toEqual([])
  })

  it('a twin the look saw is deleted though the look for late twins lags and misses it', async () => {
    const boomi = new FakeBoomi()
    // Attempt 1 (2001) shows only after the seven looks; attempt 2 (2002) loses its answer too. The look after it sees both.
    boomi.createSteps = [{ lostStoredAfterListings: 7 }, 'lost-stored']
    const list = boomi.listGroup.bind(boomi)
    let listings = 0
    boomi.listGroup = async g => {
      const listed = await list(g)
      // The tenth listing, the look for late twins, lags: 2002 is not in it yet.
      return ++listings === 10 ? listed.filter(v => v.versionId !== '2002') : listed
    }
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error).toBeUndefined()
    expect(outputsOf(run.record)).toMatchObject({ 'version-id': '2001', 'deleted-version-ids': '["2002"]' })
    expect(boomi.live().map(v => v.versionId)).toEqual(['2001'])
  })

  it('a run stopped while the listing that settles a twin delete is out reports that delete as not known', async () => {
    const boomi = twinLate()
    boomi.deleteLostNotDone.set('2001', 'timeout')
    const list = boomi.listGroup.bind(boomi)
    boomi.listGroup = async g => (boomi.calls.includes('delete 2001') ? (boomi.calls.push('list-hang'), new Promise(() => undefined)) : list(g))
    const record = await forcedWhile(boomi, ws.dir, makeInputs(), c => c === 'list-hang')
    expect(record.unknown).toEqual([{ operation: 'delete', round: 'twin', version: expect.objectContaining({ versionId: '2001' }) }])
  })

  it('of two twins, one waiting on the settling listing and one deleted, a run stopped then reports only the first as not known', async () => {
    const boomi = twinLate()
    const list = boomi.listGroup.bind(boomi)
    boomi.listGroup = async g => {
      if (boomi.calls.includes('delete 2001')) return (boomi.calls.push('list-hang'), new Promise(() => undefined))
      const listed = await list(g)
      // Another late copy of attempt 1's upload, stored beside it.
      const first = boomi.versions.find(v => v.versionId === '2001')
      if (first && !boomi.versions.some(v => v.versionId === '2003')) {
        boomi.versions.push({ ...first, versionId: '2003' })
        listed.push({ ...first, versionId: '2003' })
      }
      return listed
    }
    // The first twin's delete loses its answer and waits on the listing; the second's is answered.
    boomi.deleteLostNotDone.set('2003', 'timeout')
    const record = await forcedWhile(boomi, ws.dir, makeInputs(), c => c === 'list-hang')
    expect(boomi.calls.filter(c => c.startsWith('delete'))).toEqual(['delete 2003', 'delete 2001'])
    expect(record.unknown).toEqual([{ operation: 'delete', round: 'twin', version: expect.objectContaining({ versionId: '2003' }) }])
  })

  it('a run cancelled before the listing that settles a twin delete tells: that delete is not known, not a twin left', async () => {
    const boomi = twinLate()
    boomi.deleteLostNotDone.set('2001', 'timeout')
    const controller = new AbortController()
    const list = boomi.listGroup.bind(boomi)
    boomi.listGroup = async g => {
      if (!boomi.calls.includes('delete 2001')) return list(g)
      // As the client's gate does once the runner cancels: the listing is never sent.
      controller.abort()
      throw new CancelledError()
    }
    const run = await runFake(boomi, makeInputs(), ws.dir, { signal: controller.signal })
    expect(run.record.cancelled).toBe(true)
    expect(run.record.unknown).toEqual([{ operation: 'delete', round: 'twin', version: expect.objectContaining({ versionId: '2001' }) }])
    expect(run.warnings.join('\n')).not.toMatch(/Deleting the second copy 2001 failed|Second copies left/)
    expect(renderSummary(run.record)).not.toContain('| Second copies |')
  })

  it('a twin delete sent and never answered is in the forced record as a twin deletion', async () => {
    const boomi = twinLate()
    const orig = boomi.deleteVersion.bind(boomi)
    boomi.deleteVersion = async (g, id) => (id === '2001' ? (boomi.calls.push(`delete ${id}`), new Promise(() => undefined)) : orig(g, id))
    const record = await forcedWhile(boomi, ws.dir, makeInputs(), c => c === 'delete 2001')
    expect(record.unknown).toEqual([{ operation: 'delete', round: 'twin', version: expect.objectContaining({ versionId: '2001' }) }])
  })

  it('a twin delete that was answered is not in the forced record', async () => {
    const boomi = twinLate()
    boomi.changeHangs.add(`${GROUP}-prod`)
    const record = await forcedWhile(boomi, ws.dir, makeInputs({ classifications: ['prod'] }), c => c.startsWith(`change ${GROUP}-prod`))
    expect(boomi.calls).toContain('delete 2001')
    expect(record.unknown).toEqual([{ operation: 'change', classificationType: `${GROUP}-prod`, versionId: '2002' }])
  })
})

describe("another run's upload of the same archive, met while this run's answer is lost", () => {
  // The same archive, uploaded meanwhile by a concurrent job or a re-run racing this one: its own upload ID.
  const otherRuns = (versionId: string) => ({
    versionId,
    displayVersion: versionId,
    changeLog: `Released by another run\n\nupload-id: fedcba9876543210\ncontent-sha256: ${CONTENT}\nsha256: ${SHA}`
  })

  it.each([
    ['newer', '3000'],
    ['older', '1500']
  ])("is neither taken as this run's upload nor deleted as a second copy when the look finds it beside this run's (%s ID)", async (_order, other) => {
    const boomi = new FakeBoomi()
    boomi.createSteps = ['lost-stored']
    // Shows after the listing taken before the upload, at the first look.
    boomi.arriveAfter(1, otherRuns(other))
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error).toBeUndefined()
    expect(outputsOf(run.record)).toMatchObject({ uploaded: 'true', 'version-id': '2001' })
    expect(boomi.calls.filter(c => c.startsWith('delete'))).toEqual([])
    expect(
      boomi
        .live()
        .map(v => v.versionId)
        .sort()
    ).toEqual([other, '2001'].sort())
    expect(run.warnings.join('\n')).not.toMatch(/second copy/)
  })

  it('is not deleted as a second copy by the look for a late twin after this run was answered', async () => {
    const boomi = new FakeBoomi()
    // Attempt 1 loses its answer and never shows within the looks; attempt 2 (2002) is answered.
    boomi.createSteps = [{ lostStoredAfterListings: 100 }, 'ok']
    // The listing before the upload, seven looks, then the look for a late twin sees the other run's copy.
    boomi.arriveAfter(8, otherRuns('3000'))
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error).toBeUndefined()
    expect(outputsOf(run.record)['version-id']).toBe('2002')
    expect(boomi.calls.filter(c => c === 'list')).toHaveLength(9)
    expect(boomi.calls.filter(c => c.startsWith('delete'))).toEqual([])
    expect(boomi.live().map(v => v.versionId)).toContain('3000')
  })

  it("is not pruned when it appeared during the run: pruning weighs the first listing and the run's own version", async () => {
    const boomi = new FakeBoomi()
    boomi.seed(1)
    boomi.createSteps = ['lost-stored']
    boomi.arriveAfter(1, otherRuns('1500'))
    const run = await runFake(boomi, makeInputs({ keepLatest: 1 }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(JSON.parse(outputsOf(run.record)['deleted-version-ids'])).toEqual(['1000'])
    expect(
      boomi
        .live()
        .map(v => v.versionId)
        .sort()
    ).toEqual(['1500', '2001'])
  })

  it("a version of this archive from before the run, missed by the first listing, is not taken as this run's upload", async () => {
    const boomi = new FakeBoomi()
    // An earlier release of these bytes (written before upload IDs) that the first listing does not show yet.
    boomi.arriveAfter(1, {
      versionId: '1200',
      displayVersion: '1.1',
      uploadedDate: new Date(T0 - 86_400_000).toISOString(),
      changeLog: `v1.1\n\nsha256: ${SHA}`
    })
    boomi.createSteps = ['lost', 'ok']
    const run = await runFake(boomi, makeInputs({ keepLatest: 1 }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(outputsOf(run.record)).toMatchObject({ uploaded: 'true', 'version-id': '2001' })
    expect(creates(boomi)).toBe(2)
    // Pruning weighs the versions of the first listing and the run's own: one it missed is left for the next run.
    expect(JSON.parse(outputsOf(run.record)['deleted-version-ids'])).toEqual([])
    expect(boomi.live().map(v => v.versionId)).toContain('1200')
  })
})

describe('cancels between phases', () => {
  it('a cancel while the upload is answered switches nothing', async () => {
    const boomi = new FakeBoomi()
    const controller = new AbortController()
    const orig = boomi.createVersion.bind(boomi)
    boomi.createVersion = async (g, body) => {
      const v = await orig(g, body)
      controller.abort()
      return v
    }
    const run = await runFake(boomi, makeInputs({ classifications: ['prod'] }), ws.dir, { signal: controller.signal })
    expect(run.error).toBeInstanceOf(CancelledError)
    expect(boomi.calls.some(c => c.startsWith('change'))).toBe(false)
    expect(run.record.switches).toBeUndefined()
    expect(outputsOf(run.record)).toMatchObject({ uploaded: 'true', 'version-id': '2001' })
  })

  it('a cancel during switching requests no further change and prunes nothing', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    const controller = new AbortController()
    const orig = boomi.changeVersion.bind(boomi)
    boomi.changeVersion = async (c, v, n) => {
      const answer = await orig(c, v, n)
      controller.abort()
      return answer
    }
    const run = await runFake(boomi, makeInputs({ classifications: ['uat', 'prod'], keepLatest: 1 }), ws.dir, { signal: controller.signal })
    expect(run.error).toBeInstanceOf(CancelledError)
    expect(boomi.calls.filter(c => c.startsWith('change')).map(c => c.split(' ')[1])).toEqual([`${GROUP}-uat`])
    expect(run.record.switches).toEqual([
      { classificationType: `${GROUP}-uat`, versionId: '2001', reviewStatus: 'APPROVED' },
      { classificationType: `${GROUP}-prod`, versionId: '2001', reviewStatus: '', error: 'not requested: the run was cancelled', notRequested: true }
    ])
    expect(boomi.calls.some(c => c.startsWith('delete'))).toBe(false)
    expect(run.record.pruning).toBeUndefined()
  })

  it('a run that was not cancelled is not recorded as cancelled', async () => {
    const boomi = new FakeBoomi()
    const run = await runFake(boomi, makeInputs(), ws.dir, { signal: new AbortController().signal })
    expect(run.error).toBeUndefined()
    expect(run.record.cancelled).toBeFalsy()
    expect(renderSummary(run.record)).not.toMatch(/Cancelled/)
  })
})

describe('the workspace, before any request', () => {
  it('the record says where the change log came from', async () => {
    const boomi = new FakeBoomi()
    const run = await runFake(boomi, makeInputs({ changeLogFile: 'CHANGELOG.md' }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(run.record.changeLog).toMatchObject({ source: 'file', text: '- Paging fixed' })
    const given = await runFake(new FakeBoomi(), makeInputs({ changeLog: 'Paging fixed' }), ws.dir)
    expect(given.record.changeLog).toEqual({ source: 'input', text: 'Paging fixed' })
  })

  it('a change-log-file that cannot be read is a bad input carrying the read failure, before any request', async () => {
    const boomi = new FakeBoomi()
    const readErr = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
    const run = await runFake(boomi, makeInputs({ changeLogFile: 'CHANGELOG.md' }), ws.dir, { readTextFile: async () => Promise.reject(readErr) })
    expect(run.error).toBeInstanceOf(InputError)
    expect(run.error?.message).toMatch(/Cannot read change-log-file 'CHANGELOG\.md' \(EACCES: permission denied\)/)
    expect(run.error?.cause).toBe(readErr)
    expect(boomi.calls).toEqual([])
  })

  it('a change-log-file outside the workspace is refused as such, not as unreadable', async () => {
    const boomi = new FakeBoomi()
    const run = await runFake(boomi, makeInputs({ changeLogFile: '../../etc/passwd' }), ws.dir)
    expect(run.error).toBeInstanceOf(InputError)
    expect(run.error?.message).not.toMatch(/Cannot read/)
  })

  it('expected-sha256: a different archive is refused before any request; the same one is uploaded', async () => {
    const other = new FakeBoomi()
    const refused = await runFake(other, makeInputs({ expectedSha256: 'a'.repeat(64) }), ws.dir)
    expect(refused.error).toBeInstanceOf(InputError)
    expect(refused.error?.message).toContain(`The archive's sha256 is ${SHA}`)
    expect(other.calls).toEqual([])
    const same = new FakeBoomi()
    const run = await runFake(same, makeInputs({ expectedSha256: SHA }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(same.calls).toEqual(['list', 'create'])
  })

  it('archive-path is the path below the workspace, with forward slashes', async () => {
    const run = await runFake(new FakeBoomi(), makeInputs({ dryRun: true }), ws.dir, {
      locateArchive: async () => ({ path: `${ws.dir}/build/libs/sample.car.zip`, fileName: 'sample.car.zip', size: 40 })
    })
    expect(run.error).toBeUndefined()
    expect(outputsOf(run.record)['archive-path']).toBe('build/libs/sample.car.zip')
  })

  it('version-id of a version listed without a change log: the release notes are empty', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(2, () => ({ changeLog: undefined }))
    const run = await runFake(boomi, makeInputs({ archive: undefined, versionId: '1001', classifications: ['prod'] }), ws.dir)
    expect(run.error).toBeUndefined()
    expect(boomi.calls).toEqual(['list', `change ${GROUP}-prod 1001 ""`])
  })

  it("warns of an archive over Boomi's size guidance, not of one at it", async () => {
    const sized = (size: number) => ({
      locateArchive: async () => ({ path: `${ws.dir}/sample.car.zip`, fileName: 'sample.car.zip', size }),
      inspectArchive: async () => ({
        sha256: SHA,
        contentSha256: 'c'.repeat(64),
        connector: {},
        layoutWarnings: [],
        entries: 3,
        file: fakeArchiveFile()
      })
    })
    const over = await runFake(new FakeBoomi(), makeInputs({ dryRun: true }), ws.dir, sized(ARCHIVE_SIZE_GUIDANCE_BYTES + 1))
    expect(over.warnings.join('\n')).toMatch(/over Boomi's guidance/)
    const at = await runFake(new FakeBoomi(), makeInputs({ dryRun: true }), ws.dir, sized(ARCHIVE_SIZE_GUIDANCE_BYTES))
    expect(at.warnings.join('\n')).not.toMatch(/over Boomi's guidance/)
  })
})

describe('upload progress', () => {
  it("reports the body's bytes as they are sent, up to the whole body, against its size", async () => {
    const boomi = new FakeBoomi()
    const seen: [number, number][] = []
    const run = await runFake(boomi, makeInputs({ keepLatest: undefined }), ws.dir, {
      progress: { upload: (sent, total) => seen.push([sent, total]), prune: () => undefined }
    })
    expect(run.error).toBeUndefined()
    expect(seen.length).toBeGreaterThan(0)
    const total = seen[0][1]
    expect(total).toBeGreaterThan(0)
    expect(seen.every(([, t]) => t === total)).toBe(true)
    expect(seen.at(-1)![0]).toBeGreaterThanOrEqual(total)
  })
})
