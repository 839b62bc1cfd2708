// The edges of Boomi's answer readers: where a deciding field turns from read to
// refused, and which spellings of a describing field count (docs/boomi-api.md,
// "Reading answers"). Pure: no HTTP.
import { describe, expect, it } from '@jest/globals'
import {
  MAX_DESCRIBING_LENGTH,
  MAX_REVIEW_STATUS_LENGTH,
  readCreatedVersion,
  readQueryPage,
  readReleaseVersion,
  readReviewStatus,
  readUploadedDate,
  readVersion,
  readVersionChange
} from '../../src/boomi/answers.js'
import { MAX_VERSION_ID_LENGTH } from '../../src/boomi/contract.js'
import { protectionReason } from '../../src/domain/plan.js'
import { AnswerError } from '../../src/errors.js'
import { versionJson } from '../helpers/hostile-server.js'

const GROUP = 'acme-Q7XK2P-sample'
const UAT = `${GROUP}-uat`

function thrown(fn: () => unknown): AnswerError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(AnswerError)
    return err as AnswerError
  }
  throw new Error('expected a throw')
}

describe('a describing value is kept as Boomi wrote it, on one line', () => {
  it('emoji sequences and Persian spelling keep their zero-width joiners; line breaks and controls become spaces', () => {
    const written = '2.0 \u{1F468}\u200D\u{1F469}\u200D\u{1F467} \u0645\u06CC\u200C\u062E\u0648\u0627\u0647'
    expect(readVersion({ ...versionJson(3, GROUP), displayVersion: written }, 'query').displayVersion).toBe(written)
    expect(readVersion({ ...versionJson(3, GROUP), displayVersion: 'a\nb\u0085c\u2028d' }, 'query').displayVersion).toBe('a b c d')
  })
})

describe('a query page', () => {
  it('a byte order mark before the JSON is not part of it; one anywhere else is', () => {
    const page = JSON.stringify({ numberOfResults: 1, result: [versionJson(3, GROUP)] })
    expect(readQueryPage(`\uFEFF${page}`, 'query').result.map(v => v.versionId)).toEqual(['3'])
    expect(readCreatedVersion(`\uFEFF${JSON.stringify(versionJson(4, GROUP))}`, GROUP).versionId).toBe('4')
    expect(thrown(() => readQueryPage(`\uFEFF\uFEFF${page}`, 'query')).problem).toBe('the answer is not JSON')
    expect(thrown(() => readQueryPage(` \uFEFF${page}`, 'query')).problem).toBe('the answer is not JSON')
  })

  it('a count of 0 does not excuse a result that is there: a list is read, anything else refused', () => {
    const listed = readQueryPage(JSON.stringify({ numberOfResults: 0, result: [versionJson(3, GROUP)] }), 'query')
    expect(listed.result.map(v => v.versionId)).toEqual(['3'])
    expect(() => readQueryPage(JSON.stringify({ numberOfResults: 0, result: 'none' }), 'query')).toThrow(/'result' is a string, not a list/)
    expect(() => readQueryPage(JSON.stringify({ numberOfResults: 0, result: null }), 'query')).toThrow(/'result' is null, not a list/)
  })

  it('a null paging token is no token: the listing ends there', () => {
    const last = readQueryPage(JSON.stringify({ numberOfResults: 1, queryToken: null, result: [versionJson(3, GROUP)] }), 'queryMore')
    expect(last.queryToken).toBeUndefined()
    expect(last.result.map(v => v.versionId)).toEqual(['3'])
  })

  it('an empty paging token is no token: the listing ends there', () => {
    const last = readQueryPage(JSON.stringify({ numberOfResults: 1, queryToken: '', result: [versionJson(3, GROUP)] }), 'queryMore')
    expect(last.queryToken).toBeUndefined()
  })

  it('a paging token of 8192 characters is kept; one longer, or one holding a control character, stops the listing', () => {
    const page = (queryToken: string): string => JSON.stringify({ numberOfResults: 1, queryToken, result: [versionJson(3, GROUP)] })
    expect(readQueryPage(page('t'.repeat(8192)), 'query').queryToken).toBe('t'.repeat(8192))
    for (const token of ['t'.repeat(8193), 'next\u0000page', 'next\npage', 'next\u001b[31mpage']) {
      const err = thrown(() => readQueryPage(page(token), 'queryMore'))
      expect(err.operation).toBe('queryMore')
      expect(err.problem).toMatch(/'queryToken'/)
    }
  })

  it('a version that is null is not understood (and is not a crash)', () => {
    const err = thrown(() => readQueryPage(JSON.stringify({ numberOfResults: 1, result: [null] }), 'query'))
    expect(err.problem).toMatch(/a version is null, not an object/)
  })
})

describe('a version', () => {
  it('versionId 0 is a whole number like any other', () => {
    expect(readVersion(versionJson(0, GROUP), 'query').versionId).toBe('0')
  })

  it(`a versionId of ${MAX_VERSION_ID_LENGTH} characters is read; one longer, or an empty one, is refused and named`, () => {
    const longest = '9'.repeat(MAX_VERSION_ID_LENGTH)
    expect(readVersion(versionJson(longest, GROUP), 'query').versionId).toBe(longest)
    for (const id of ['9'.repeat(MAX_VERSION_ID_LENGTH + 1), '', '  ']) {
      expect(thrown(() => readVersion(versionJson(id, GROUP), 'query')).problem).toMatch(/'versionId'/)
    }
  })

  it('a null groupType or changeLog is absent; a number is its decimal text; an infinite one is refused', () => {
    const nulls = readVersion(versionJson(4, GROUP, { groupType: null, changeLog: null }), 'query')
    expect(nulls).not.toHaveProperty('groupType')
    expect(nulls).not.toHaveProperty('changeLog')
    expect(readVersion(versionJson(4, GROUP, { groupType: 42 }), 'query').groupType).toBe('42')
    expect(readVersion(versionJson(4, GROUP, { changeLog: 2.5 }), 'query').changeLog).toBe('2.5')
    // JSON.parse reads 1e999 as Infinity: not a value Boomi can mean for a deciding field.
    const infinite = thrown(() => readQueryPage(`{"numberOfResults":1,"result":[{"versionId":"4","changeLog":1e999}]}`, 'query'))
    expect(infinite.problem).toMatch(/'changeLog' of version "4"/)
  })

  it('a describing field holding an infinite number is as if absent', () => {
    const page = readQueryPage(`{"numberOfResults":1,"result":[{"versionId":"4","displayVersion":1e999,"carLink":-1e999}]}`, 'query')
    expect(page.result).toEqual([{ versionId: '4', deleted: false, releaseVersion: false }])
  })

  it('a reviewStatus that is a number or a boolean is its text, kept so the planner protects it; an object or a list is refused', () => {
    expect(readReviewStatus(3, '1', 'query')).toBe('3')
    expect(readReviewStatus(true, '1', 'query')).toBe('TRUE')
    expect(readReviewStatus(false, '1', 'query')).toBe('FALSE')
    for (const value of [{ status: 'APPROVED' }, ['APPROVED']]) {
      expect(thrown(() => readReviewStatus(value, '1', 'query')).problem).toMatch(/'reviewStatus' of version "1"/)
    }
  })

  it('releaseVersion "no" and "0" are not release versions', () => {
    expect(readReleaseVersion('no')).toBe(false)
    expect(readReleaseVersion(' NO ')).toBe(false)
    expect(readReleaseVersion('0')).toBe(false)
    expect(readReleaseVersion('')).toBe('unclear')
  })

  it('an upload date on a calendar day that does not exist, or in the first century, stops the listing', () => {
    // Date.UTC reads years 0-99 as 1900-1999, so the calendar check refuses them: no Boomi upload
    // is that old, and a date that cannot be right must stop the pruning, never order it.
    for (const date of ['2026-02-30T09:01:00Z', '2026-04-31T09:01:00Z', '0050-01-01T00:00:00Z']) {
      expect(() => readUploadedDate(date, '1', 'query')).toThrow(AnswerError)
    }
    expect(readUploadedDate('2024-02-29T09:01:00Z', '1', 'query')).toBe('2024-02-29T09:01:00Z')
  })

  // The date orders pruning: only one whole instant is read, nothing before or after it, offsets with or without a colon.
  it.each([
    ['2026-03-01T09:01:00+05:30', true],
    ['2026-03-01T09:01:00+0530', true],
    ['2026-03-01T09:01:00-23:59', true],
    ['2026-03-01T09:01:00+24:00', false],
    ['x2026-03-01T09:01:00Z', false],
    // V8's Date.parse reads this one (the text from '(' on as a comment): the pattern alone refuses it.
    ['1(2026-03-01T09:01:00Z', false],
    ['2026-03-01T09:01:00Zx', false],
    ['2026-03-01T09:01:00+05:30 ', false]
  ])('an upload date %s is read: %s', (date, read) => {
    if (read) expect(readUploadedDate(date, '1', 'query')).toBe(date)
    else expect(() => readUploadedDate(date, '1', 'query')).toThrow(AnswerError)
  })
})

describe('the create answer', () => {
  it('a new version that names no group type is accepted as the one asked for', () => {
    expect(readCreatedVersion(JSON.stringify({ versionId: '7' }), GROUP)).toEqual({ versionId: '7', deleted: false, releaseVersion: false })
  })

  it('a create answer not understood is an error of the create operation', () => {
    expect(thrown(() => readCreatedVersion('not json', GROUP)).operation).toBe('create')
    expect(thrown(() => readCreatedVersion('null', GROUP)).operation).toBe('create')
  })
})

describe('the version-change answer', () => {
  it('an absent or null classificationType or versionId is no echo: the change is the one asked for', () => {
    for (const echo of [{}, { classificationType: null, versionId: null }, { classificationType: null }, { versionId: null }]) {
      expect(readVersionChange(JSON.stringify({ reviewStatus: 'PENDING', ...echo }), UAT, '12')).toEqual({
        classificationType: UAT,
        versionId: '12',
        reviewStatus: 'PENDING'
      })
    }
  })

  it('a version change not understood is an error of the version change operation', () => {
    expect(thrown(() => readVersionChange('not json', UAT, '12')).operation).toBe('version change')
    expect(thrown(() => readVersionChange('{"reviewStatus":"DONE"}', UAT, '12')).operation).toBe('version change')
  })
})

describe('outside text that is shown as it is: one line, bounded', () => {
  it('a describing field is read onto one line and cut, so a log line that shows it stays one bounded line', () => {
    const huge = 'x'.repeat(200_000)
    const v = readVersion(
      versionJson(7, GROUP, { displayVersion: `${huge}\ndeleted 999 [1/1]`, uploadedBy: { email: `a@b\r\n${huge}` }, carLink: huge, deletedDate: `a\u2028b` }),
      'query'
    )
    for (const text of [v.displayVersion, v.uploadedBy, v.carLink, v.deletedDate]) {
      expect(text!.length).toBeLessThanOrEqual(MAX_DESCRIBING_LENGTH)
      expect(text).not.toMatch(/[\n\r\u2028]/)
    }
    expect(v.displayVersion!.endsWith('…')).toBe(true)
    expect(v.deletedDate).toBe('a b')
    // short, ordinary text is kept as Boomi wrote it
    expect(readVersion(versionJson(8, GROUP, { displayVersion: '12' }), 'query').displayVersion).toBe('12')
  })

  it.each([
    ['CANCELLED\u0007', '"CANCELLED"'],
    ['PENDING\nAPPROVED', '"PENDING APPROVED"'],
    ['\u0000', '""']
  ])('a review status %j with control characters stays unknown, shown quoted on one line as %s', (raw, shown) => {
    const status = readReviewStatus(raw, '1', 'query')
    expect(status).toBe(shown)
    // unknown, so the planner protects it: never read as CANCELLED, the one status that allows deletion
    expect(protectionReason({ versionId: '1', reviewStatus: status, deleted: false, releaseVersion: false })).toBe(
      `review status ${shown} (not understood, so left alone)`
    )
  })

  it('a review status longer than the bound stays unknown and is cut, quoted', () => {
    const status = readReviewStatus('CANCELLED'.repeat(1000), '1', 'query')!
    expect(status.length).toBe(MAX_REVIEW_STATUS_LENGTH)
    expect(status.startsWith('"CANCELLED')).toBe(true)
    expect(status.endsWith('…')).toBe(true)
    expect(protectionReason({ versionId: '1', reviewStatus: status, deleted: false, releaseVersion: false })).toMatch(/not understood, so left alone/)
    // at the bound it is still a status as written
    expect(readReviewStatus('X'.repeat(MAX_REVIEW_STATUS_LENGTH), '1', 'query')).toBe('X'.repeat(MAX_REVIEW_STATUS_LENGTH))
  })
})
