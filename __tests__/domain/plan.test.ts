import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { ConnectorVersion } from '../../src/domain/versions.js'
import { findDuplicates, findLostUpload, newestFirst, planPrune, protectionReason, unreadDecidingField } from '../../src/domain/plan.js'

const DAY = 86_400_000
const NOW = Date.parse('2026-11-28T12:00:00Z')

function v(id: number, daysAgo: number, extra: Partial<ConnectorVersion> = {}): ConnectorVersion {
  return {
    versionId: String(id),
    displayVersion: String(id - 1000),
    uploadedDate: new Date(NOW - daysAgo * DAY).toISOString(),
    deleted: false,
    releaseVersion: false,
    ...extra
  }
}

const ids = (list: { version: ConnectorVersion }[]) => list.map(p => p.version.versionId)

describe('newestFirst', () => {
  it('orders by uploadedDate, newest first, then by larger numeric versionId', () => {
    const list = [v(1002, 5), v(1010, 1), v(999, 1), v(1001, 3)]
    expect(list.sort(newestFirst).map(x => x.versionId)).toEqual(['1010', '999', '1001', '1002'])
    // 10 > 9 numerically even though '10' < '9' as text
    const tie = [v(9, 1), v(10, 1)]
    expect(tie.sort(newestFirst).map(x => x.versionId)).toEqual(['10', '9'])
  })

  it.each([
    [
      'ids past 2^53 by their exact value',
      [v(1, 1, { versionId: '9007199254740992' }), v(1, 1, { versionId: '9007199254740993' })],
      ['9007199254740993', '9007199254740992']
    ],
    [
      'ids that are not numbers as text, larger first',
      [v(1, 1, { versionId: 'a7' }), v(1, 1, { versionId: 'b1' }), v(1, 1, { versionId: '10' }), v(1, 1, { versionId: '2b' })],
      ['b1', 'a7', '2b', '10']
    ],
    ['an unreadable date by its id, whatever the other date says', [v(5, 1), v(6, 9, { uploadedDate: 'soon' })], ['6', '5']],
    ['two missing dates by id', [v(5, 1, { uploadedDate: undefined }), v(6, 1, { uploadedDate: undefined })], ['6', '5']]
  ])('orders %s', (_case, list, order) => {
    expect([...list].sort(newestFirst).map(x => x.versionId)).toEqual(order)
    expect(
      [...list]
        .reverse()
        .sort(newestFirst)
        .map(x => x.versionId)
    ).toEqual(order)
  })

  it('calls a version level with itself', () => {
    expect(newestFirst(v(7, 1), v(7, 1))).toBe(0)
    expect(newestFirst(v(7, 1, { versionId: 'x' }), v(7, 1, { versionId: 'x' }))).toBe(0)
  })
})

describe('findDuplicates', () => {
  const sha = 'ab'.repeat(32)
  it('finds live versions whose change log has the exact checksum line, newest first', () => {
    const listing = [
      v(1, 9, { changeLog: `old\n\nsha256: ${sha}` }),
      v(2, 1, { changeLog: `new\r\n\r\nsha256: ${sha}` }),
      v(3, 0, { changeLog: `deleted\n\nsha256: ${sha}`, deleted: true }),
      v(4, 0, { changeLog: `other\n\nsha256: ${'cd'.repeat(32)}` }),
      v(5, 0, { changeLog: `prefix only sha256: ${sha}` })
    ]
    expect(findDuplicates(listing, { sha256: sha })?.versions.map(x => x.versionId)).toEqual(['2', '1'])
    expect(findDuplicates(listing, { sha256: sha })?.match).toBe('sha256')
    expect(findDuplicates(listing, { sha256: 'ee'.repeat(32) })).toBeUndefined()
  })
  const uid = '0123456789abcdef'
  const ourLog = (notes: string): string => `${notes}\n\nupload-id: ${uid}\nsha256: ${sha}`
  it('takes the live versions with the line and the upload ID as lost uploads, newest first', () => {
    const listing = [v(1, 9, { changeLog: ourLog('a') }), v(2, 0, { changeLog: ourLog('b') }), v(3, 5, { changeLog: ourLog('c'), deleted: true })]
    expect(findLostUpload(listing, sha, uid).map(x => x.versionId)).toEqual(['2', '1'])
    expect(findLostUpload(listing, sha, 'fedcba9876543210')).toEqual([])
  })

  // issue 19: with the checksum test forced true, another job's upload became this run's version.
  it("does not take another job's upload during the look as this run's lost upload", () => {
    const content = 'cd'.repeat(32)
    const listing = [
      v(1, 9, { changeLog: ourLog('before') }),
      v(2, 0, { changeLog: `another archive\n\nupload-id: ${uid}\nsha256: ${'ef'.repeat(32)}` }),
      v(3, 0, { changeLog: `a rebuild of the same connector\n\nupload-id: ${uid}\ncontent-sha256: ${content}\nsha256: ${'0f'.repeat(32)}` }),
      v(4, 0, { changeLog: 'uploaded by hand' }),
      v(5, 0, { changeLog: undefined }),
      v(6, 0, { changeLog: ourLog('deleted'), deleted: true }),
      // The same archive, uploaded by another run (another ID, or an older release that wrote none).
      v(9, 0, { changeLog: `other run\n\nupload-id: fedcba9876543210\nsha256: ${sha}` }),
      v(10, 0, { changeLog: `older release\n\nsha256: ${sha}` })
    ]
    expect(findLostUpload(listing, sha, uid)).toEqual([v(1, 9, { changeLog: ourLog('before') })])
    const ours = v(7, 0, { changeLog: `notes\n\nupload-id: ${uid}\ncontent-sha256: ${content}\nsha256: ${sha}` })
    expect(findLostUpload([...listing, v(8, 1, { changeLog: ourLog('twin') }), ours], sha, uid).map(x => x.versionId)).toEqual(['7', '8', '1'])
  })

  it("takes a rebuild (the content line alone) as a duplicate; the match is the newest one's", () => {
    const content = 'cd'.repeat(32)
    const rebuild = v(3, 0, { changeLog: `content-sha256: ${content}\nsha256: ${'0f'.repeat(32)}` })
    expect(findDuplicates([rebuild], { sha256: sha, contentSha256: content })).toEqual({ versions: [rebuild], match: 'content-sha256' })
    const exact = v(2, 5, { changeLog: `sha256: ${sha}` })
    expect(findDuplicates([exact, rebuild], { sha256: sha, contentSha256: content })).toEqual({ versions: [rebuild, exact], match: 'content-sha256' })
    expect(findDuplicates([rebuild], { sha256: sha })).toBeUndefined()
  })
})

describe('unreadDecidingField: left alone only because a value was not understood', () => {
  it.each([
    [{}, false],
    [{ reviewStatus: '' }, false],
    [{ reviewStatus: 'CANCELLED' }, false],
    [{ reviewStatus: 'PENDING' }, false],
    [{ reviewStatus: 'APPROVED' }, false],
    [{ reviewStatus: 'REJECTED' }, false],
    [{ releaseVersion: true }, false],
    [{ reviewStatus: 'NONE' }, true],
    [{ reviewStatus: '"CANCELLED"' }, true],
    [{ releaseVersion: 'unclear' as const }, true],
    [{ uploadedDate: undefined }, true],
    [{ uploadedDate: 'yesterday' }, true],
    // Protected for a reason understood, whatever else is unclear: Boomi would refuse it anyway.
    [{ reviewStatus: 'APPROVED', releaseVersion: 'unclear' as const }, false],
    [{ reviewStatus: 'NONE', releaseVersion: true }, false],
    [{ reviewStatus: 'PENDING', uploadedDate: undefined }, false],
    [{ reviewStatus: 'CANCELLED', releaseVersion: 'unclear' as const }, true]
  ])('%j: %s', (extra, unread) => {
    expect(unreadDecidingField(v(1, 1, extra))).toBe(unread)
  })
})

describe('protectionReason (fail closed)', () => {
  it.each([
    ['PENDING', false, true],
    ['APPROVED', false, true],
    ['REJECTED', false, true],
    ['UNDER REVIEW', false, true],
    ['CANCELLED', false, false],
    [undefined, true, true],
    [undefined, 'unclear', true],
    [undefined, false, false]
  ] as const)('review %s, release %s → protected %s', (reviewStatus, releaseVersion, protectedExpected) => {
    expect(protectionReason(v(1, 1, { reviewStatus, releaseVersion })) !== undefined).toBe(protectedExpected)
  })
})

describe('planPrune', () => {
  it('keeps the newest N and deletes the rest', () => {
    const listing = [v(1, 50), v(2, 40), v(3, 30), v(4, 20), v(5, 10)]
    const plan = planPrune({ listing, keepLatest: 2, now: NOW })
    expect(ids(plan.keep)).toEqual(['5', '4'])
    expect(ids(plan.delete)).toEqual(['3', '2', '1'])
    expect(plan.skip).toEqual([])
  })

  it('ignores deleted versions entirely; the listing order means nothing', () => {
    const listing = [v(3, 30), v(9, 1, { deleted: true }), v(1, 50), v(2, 40)]
    const plan = planPrune({ listing, keepLatest: 1, now: NOW })
    expect(ids(plan.keep)).toEqual(['3'])
    expect(ids(plan.delete)).toEqual(['2', '1'])
  })

  it('keeps anything younger than min-age-days', () => {
    const listing = [v(1, 50), v(2, 20), v(3, 5), v(4, 1)]
    const plan = planPrune({ listing, keepLatest: 1, minAgeDays: 30, now: NOW })
    expect(ids(plan.keep)).toEqual(['4', '3', '2'])
    expect(plan.keep[1].reason).toMatch(/younger than 30 days/)
    expect(ids(plan.delete)).toEqual(['1'])
  })

  it('skips protected versions beyond the newest N, with the reason', () => {
    const listing = [
      v(1, 60, { reviewStatus: 'PENDING' }),
      v(2, 50, { reviewStatus: 'APPROVED' }),
      v(3, 40, { reviewStatus: 'REJECTED' }),
      v(4, 30, { reviewStatus: 'CANCELLED' }),
      v(5, 20, { releaseVersion: true }),
      v(6, 1)
    ]
    const plan = planPrune({ listing, keepLatest: 1, now: NOW })
    expect(ids(plan.keep)).toEqual(['6'])
    expect(ids(plan.delete)).toEqual(['4'])
    expect(plan.skip.map(s => [s.version.versionId, s.reason])).toEqual([
      ['5', 'release version'],
      ['3', 'review status REJECTED'],
      ['2', 'review status APPROVED'],
      ['1', 'review status PENDING']
    ])
  })

  it('lets protected versions fill places like any other', () => {
    const listing = [v(1, 30), v(2, 20), v(3, 10, { reviewStatus: 'APPROVED' })]
    const plan = planPrune({ listing, keepLatest: 2, now: NOW })
    expect(ids(plan.keep)).toEqual(['3', '2'])
    expect(ids(plan.delete)).toEqual(['1'])
  })

  it("never touches the run's version, and an uploaded one takes the first place whatever its date", () => {
    const listing = [v(1, 300), v(2, 20), v(3, 10), v(4, 400)]
    const reused = planPrune({ listing, keepLatest: 1, now: NOW, runVersionId: '4' })
    expect(ids(reused.keep)).toEqual(['3', '4'])
    expect(reused.keep[1].reason).toBe('reused by this run')
    expect(ids(reused.delete)).toEqual(['2', '1'])

    const uploaded = planPrune({ listing, keepLatest: 2, now: NOW, runVersionId: '4', runVersionUploaded: true })
    expect(ids(uploaded.keep)).toEqual(['4', '3'])
    expect(ids(uploaded.delete)).toEqual(['2', '1'])
  })

  it('gives each decision its reason', () => {
    const listing = [v(1, 90), v(2, 60, { reviewStatus: 'PENDING' }), v(3, 20), v(4, 10), v(5, 1)]
    const plan = planPrune({ listing, keepLatest: 1, minAgeDays: 30, now: NOW, runVersionId: '4' })
    expect(plan.keep.map(p => [p.version.versionId, p.reason])).toEqual([
      ['5', 'among the newest 1'],
      ['4', 'reused by this run'],
      ['3', 'younger than 30 days']
    ])
    expect(plan.delete.map(p => [p.version.versionId, p.reason])).toEqual([['1', 'older than the newest 1 and 30 days']])
    expect(plan.skip.map(p => [p.version.versionId, p.reason])).toEqual([['2', 'review status PENDING']])
    const uploaded = planPrune({ listing, keepLatest: 2, now: NOW, runVersionId: '5', runVersionUploaded: true })
    expect(uploaded.keep.map(p => p.reason)).toEqual(['uploaded by this run', 'among the newest 2'])
    expect(uploaded.delete[0].reason).toBe('older than the newest 2')
  })

  it('deletes a version exactly min-age-days old, keeps one a millisecond younger', () => {
    const exactly = v(1, 30)
    const younger = v(2, 30, { uploadedDate: new Date(NOW - 30 * DAY + 1).toISOString() })
    const plan = planPrune({ listing: [v(9, 0), exactly, younger], keepLatest: 1, minAgeDays: 30, now: NOW })
    expect(ids(plan.delete)).toEqual(['1'])
    expect(ids(plan.keep)).toEqual(['9', '2'])
    const zero = planPrune({ listing: [v(9, 0), v(1, 0)], keepLatest: 1, minAgeDays: 0, now: NOW })
    expect(zero.delete.map(p => [p.version.versionId, p.reason])).toEqual([['1', 'older than the newest 1 and 0 days']])
  })

  it('says one day in the singular', () => {
    const plan = planPrune({ listing: [v(9, 0), v(2, 0.5), v(1, 2)], keepLatest: 1, minAgeDays: 1, now: NOW })
    expect(plan.keep.map(p => [p.version.versionId, p.reason])).toEqual([
      ['9', 'among the newest 1'],
      ['2', 'younger than 1 day']
    ])
    expect(plan.delete.map(p => [p.version.versionId, p.reason])).toEqual([['1', 'older than the newest 1 and 1 day']])
  })

  it("keeps the run's version even without a readable date, and only it", () => {
    const listing = [v(1, 30), v(2, 20, { uploadedDate: undefined }), v(3, 10, { uploadedDate: 'garbled' }), v(4, 5)]
    const plan = planPrune({ listing, keepLatest: 1, now: NOW, runVersionId: '2' })
    expect(plan.keep.map(p => [p.version.versionId, p.reason])).toEqual([
      ['4', 'among the newest 1'],
      ['2', 'reused by this run']
    ])
    expect(ids(plan.skip)).toEqual(['3'])
    expect(ids(plan.delete)).toEqual(['1'])
    const uploaded = planPrune({ listing, keepLatest: 2, now: NOW, runVersionId: '2', runVersionUploaded: true })
    expect(ids(uploaded.keep)).toEqual(['2', '4'])
    expect(ids(uploaded.delete)).toEqual(['1'])
  })

  it("a reused version without a date takes no place, and the others' order does not depend on the listing's", () => {
    // IDs against dates (clock skew): the undated run version must not be compared by ID with the dated ones
    const listing = [v(1000, 1), v(1001, 0, { uploadedDate: undefined }), v(1002, 5), v(1003, 7), v(1004, 9)]
    const orders = [listing, [...listing].reverse(), [listing[2], listing[0], listing[4], listing[1], listing[3]]]
    for (const order of orders) {
      const plan = planPrune({ listing: order, keepLatest: 2, now: NOW, runVersionId: '1001' })
      expect(plan.keep.map(p => [p.version.versionId, p.reason])).toEqual([
        ['1000', 'among the newest 2'],
        ['1002', 'among the newest 2'],
        ['1001', 'reused by this run']
      ])
      expect(ids(plan.delete)).toEqual(['1003', '1004'])
    }
  })

  it('a run version that is not in the listing takes no place', () => {
    const listing = [v(1, 30), v(2, 20), v(3, 10)]
    const plan = planPrune({ listing, keepLatest: 2, now: NOW, runVersionId: '99', runVersionUploaded: true })
    expect(ids(plan.keep)).toEqual(['3', '2'])
    expect(ids(plan.delete)).toEqual(['1'])
  })

  it('counts a pending upload as the newest in a dry run', () => {
    const listing = [v(1, 30), v(2, 20), v(3, 10)]
    const plan = planPrune({ listing, keepLatest: 2, now: NOW, pendingUpload: true })
    expect(ids(plan.keep)).toEqual(['3'])
    expect(ids(plan.delete)).toEqual(['2', '1'])
    const one = planPrune({ listing, keepLatest: 1, now: NOW, pendingUpload: true })
    expect(ids(one.keep)).toEqual([])
    expect(ids(one.delete)).toEqual(['3', '2', '1'])
  })

  it('leaves versions without a readable date alone, as skips', () => {
    const listing = [v(1, 30), v(7, 0, { uploadedDate: 'yesterday' }), v(8, 0, { uploadedDate: undefined }), v(2, 1)]
    const plan = planPrune({ listing, keepLatest: 1, now: NOW })
    expect(ids(plan.skip).sort()).toEqual(['7', '8'])
    expect(ids(plan.delete)).toEqual(['1'])
  })
})

const REVIEW = fc.constantFrom(undefined, 'PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'SOMETHING NEW')
const versionArb = fc.record({
  id: fc.integer({ min: 1, max: 5000 }),
  daysAgo: fc.integer({ min: 0, max: 400 }),
  deleted: fc.boolean(),
  reviewStatus: REVIEW,
  releaseVersion: fc.constantFrom<boolean | 'unclear'>(true, false, 'unclear')
})
const listingArb = fc
  .uniqueArray(versionArb, { selector: x => x.id, maxLength: 60 })
  .map(list => list.map(x => v(x.id, x.daysAgo, { deleted: x.deleted, reviewStatus: x.reviewStatus, releaseVersion: x.releaseVersion })))

describe('planPrune properties', () => {
  const scenario = fc.record({
    listing: listingArb,
    keepLatest: fc.integer({ min: 1, max: 20 }),
    minAgeDays: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    runPick: fc.option(fc.nat(), { nil: undefined }),
    runVersionUploaded: fc.boolean(),
    pendingUpload: fc.boolean()
  })

  it('never deletes a protected version, the run version, one of the newest N, a young one or a deleted one', () => {
    fc.assert(
      fc.property(scenario, s => {
        const live = s.listing.filter(x => !x.deleted)
        const runVersionId = s.runPick !== undefined && live.length ? live[s.runPick % live.length].versionId : undefined
        const plan = planPrune({
          listing: s.listing,
          keepLatest: s.keepLatest,
          minAgeDays: s.minAgeDays,
          now: NOW,
          runVersionId,
          runVersionUploaded: s.runVersionUploaded,
          pendingUpload: s.pendingUpload
        })
        const sorted = [...live].sort(newestFirst)
        const places = s.keepLatest - (s.pendingUpload ? 1 : 0)
        const newest = new Set(sorted.slice(0, Math.max(0, places - (s.runVersionUploaded && runVersionId ? 1 : 0))).map(x => x.versionId))
        for (const d of plan.delete) {
          expect(d.version.deleted).toBe(false)
          expect(protectionReason(d.version)).toBeUndefined()
          expect(d.version.versionId).not.toBe(runVersionId)
          expect(newest.has(d.version.versionId)).toBe(false)
          if (s.minAgeDays !== undefined) expect(NOW - Date.parse(d.version.uploadedDate!)).toBeGreaterThanOrEqual(s.minAgeDays * DAY)
        }
      }),
      { numRuns: 300 }
    )
  })

  it('places every live version in exactly one of keep, delete, skip and keeps min(N, live) versions at least', () => {
    fc.assert(
      fc.property(scenario, s => {
        const plan = planPrune({ listing: s.listing, keepLatest: s.keepLatest, minAgeDays: s.minAgeDays, now: NOW, pendingUpload: s.pendingUpload })
        const all = [...ids(plan.keep), ...ids(plan.delete), ...ids(plan.skip)].sort()
        const live = s.listing
          .filter(x => !x.deleted)
          .map(x => x.versionId)
          .sort()
        expect(all).toEqual(live)
        const places = s.keepLatest - (s.pendingUpload ? 1 : 0)
        expect(plan.keep.length).toBeGreaterThanOrEqual(Math.min(places, live.length))
      }),
      { numRuns: 300 }
    )
  })

  it('deletes only versions older than every kept newest-N version', () => {
    fc.assert(
      fc.property(scenario, s => {
        const plan = planPrune({ listing: s.listing, keepLatest: s.keepLatest, now: NOW })
        for (const d of plan.delete) for (const k of plan.keep) expect(newestFirst(k.version, d.version)).toBeLessThan(0)
      }),
      { numRuns: 200 }
    )
  })
})
