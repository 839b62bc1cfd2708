// The answer readers on Boomi's example answers, and on the shapes our docs say
// Boomi may also use (docs/boomi-api.md, "Reading answers"): strict where a field
// decides, tolerant where it describes. Pure: no HTTP.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readCreatedVersion, readQueryPage, readUploadedDate, readUser, readVersion, readVersionChange } from '../../src/boomi/answers.js'
import { ListingPages } from '../../src/boomi/listing.js'
import { toBoomiError } from '../../src/boomi/refusals.js'
import { matchKind } from '../../src/domain/changelog.js'
import { planPrune } from '../../src/domain/plan.js'
import { renderSummary } from '../../src/domain/summary.js'
import { AnswerError } from '../../src/errors.js'
import { EXAMPLE_GROUP as GROUP, example, exampleText } from '../helpers/boomi-examples.js'
import { versionJson } from '../helpers/hostile-server.js'

/** Both example pages, read and put together as the client does. */
function exampleListing() {
  const pages = new ListingPages(GROUP)
  const token = pages.add(readQueryPage(exampleText('query-page-1.json'), 'query'), 'query')
  expect(token).toBe(example('query-page-1.json').queryToken)
  expect(pages.add(readQueryPage(exampleText('query-page-2.json'), 'queryMore'), 'queryMore')).toBeUndefined()
  return pages.finish('queryMore')
}

describe("Boomi's example answers", () => {
  it('version.json: the created version, its uploader shown as the email, its date with milliseconds kept', () => {
    const v = readCreatedVersion(exampleText('version.json'), GROUP)
    expect(v).toEqual({
      versionId: '42',
      groupType: GROUP,
      displayVersion: '2.1.2',
      changeLog: example('version.json').changeLog,
      uploadedDate: '2026-11-28T14:03:27.512Z',
      uploadedBy: 'release-bot@acme.example',
      deleted: false,
      releaseVersion: false
    })
    // the change log decides identity: its trailer is read as written
    expect(matchKind(v.changeLog, { sha256: '9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab' })).toBe('sha256')
  })

  it('query-page-1 and -2: 120 versions over two pages, per-page counts accepted without a note', () => {
    const { versions, foreign, countNote } = exampleListing()
    expect(versions).toHaveLength(120)
    expect(foreign).toEqual([])
    expect(countNote).toBeUndefined()
    const raw = [...example('query-page-1.json').result, ...example('query-page-2.json').result]
    versions.forEach((v, i) => {
      expect(v.versionId).toBe(raw[i].versionId)
      expect(v.uploadedDate).toBe(raw[i].uploadedDate)
      expect(v.uploadedBy).toBe(raw[i].uploadedBy.email)
      expect(v.deleted).toBe(raw[i].deleted)
    })
    expect(versions.filter(v => v.deleted).map(v => v.versionId)).toEqual(['5'])
    expect(versions.filter(v => v.reviewStatus).map(v => [v.versionId, v.reviewStatus])).toEqual([['7', 'APPROVED']])
  })

  it('the example group prunes by its upload dates: the oldest go, the deleted and the approved one stay out of it', () => {
    const { versions } = exampleListing()
    const plan = planPrune({ listing: versions, keepLatest: 100, now: Date.parse('2026-12-01T00:00:00Z') })
    // 119 live; the 100 newest are 21..120; of 1..20 (5 deleted), 7 is APPROVED
    expect(plan.keep.map(k => k.version.versionId)).toEqual(Array.from({ length: 100 }, (_, i) => String(120 - i)))
    expect(plan.skip.map(s => [s.version.versionId, s.reason])).toEqual([['7', 'review status APPROVED']])
    const deleted = Array.from({ length: 20 }, (_, i) => String(20 - i)).filter(id => id !== '5' && id !== '7')
    expect(plan.delete.map(d => d.version.versionId)).toEqual(deleted)
  })

  it('version-change.json: a private classification switched', () => {
    expect(readVersionChange(exampleText('version-change.json'), `${GROUP}-uat`, '42')).toEqual({
      classificationType: `${GROUP}-uat`,
      versionId: '42',
      reviewStatus: 'APPROVED'
    })
  })

  it('version-change-pending.json: a public classification waiting for approval', () => {
    expect(readVersionChange(exampleText('version-change-pending.json'), `${GROUP}-prod`, '42').reviewStatus).toBe('PENDING')
  })

  it('classification.json, as a version change carries it, only describes', () => {
    const change = { ...example('version-change.json'), ConnectorClassification: example('classification.json') }
    expect(readVersionChange(JSON.stringify(change), `${GROUP}-uat`, '42').reviewStatus).toBe('APPROVED')
    const without = { ...example('version-change.json'), ConnectorClassification: undefined, requestedBy: 'text', reviewedBy: null, uid: '9031' }
    expect(readVersionChange(JSON.stringify(without), `${GROUP}-uat`, '42').reviewStatus).toBe('APPROVED')
  })

  it("error-403.json: Boomi's message reaches the error", () => {
    const err = toBoomiError('delete', { status: 403, headers: { 'content-type': 'application/json' }, text: exampleText('error-403.json') }, 0)
    expect(err.boomiMessage).toBe('Access denied due to insufficient permissions.')
  })
})

describe('fields that describe: any shape, never a failure', () => {
  const shapes: unknown[] = [null, undefined, {}, [], [1, { a: 2 }], true, 0, 3.5, '', 'text', { email: 7 }, { '@type': 'User', nested: { deep: [] } }]

  it.each(['displayVersion', 'uploadedBy', 'deletedDate', 'deletedBy', 'carLink', 'somethingNew', '@type'])('%s of every shape is read', field => {
    for (const value of shapes) {
      const v = readVersion(versionJson(3, GROUP, { [field]: value }), 'query')
      expect(v).toMatchObject({ versionId: '3', groupType: GROUP, uploadedDate: '2024-01-01T00:00:00Z', deleted: false })
    }
  })

  it.each([
    [{ email: 'a@acme.example', firstName: 'A', lastName: 'B' }, 'a@acme.example'],
    ['a@acme.example', 'a@acme.example'],
    [{ firstName: 'A' }, undefined],
    [{ email: { nested: true } }, undefined],
    [['a@acme.example'], undefined],
    [null, undefined],
    [42, '42']
  ])('uploadedBy %j is shown as %j', (value, shown) => {
    expect(readUser(value)).toBe(shown)
  })

  it('an uploader that tries to start a workflow command or break the table stays text in the summary', () => {
    const v = readVersion(versionJson(3, GROUP, { uploadedBy: { email: '::warning::x | <b>y</b>\n## z' } }), 'create')
    const summary = renderSummary({ groupType: GROUP, dryRun: false, upload: { kind: 'uploaded', version: v, removedTwins: [], strayTwins: [] } } as never)
    const row = summary.split('\n').find(l => l.startsWith('| Uploaded by'))
    // read onto one line (it describes), then made inert for the table
    expect(row).toBe('| Uploaded by | ::warning::x \\| &lt;b&gt;y&lt;/b&gt; \\#\\# z |')
  })

  it('property: unknown fields and describing fields of any JSON value change nothing that decides', () => {
    const base = versionJson(11, GROUP, { changeLog: 'x\n\nsha256: ' + 'a'.repeat(64), uploadedDate: '2026-01-02T09:01:00.250Z', reviewStatus: 'PENDING' })
    const decided = readVersion(base, 'query')
    const describing = fc.constantFrom('displayVersion', 'uploadedBy', 'deletedDate', 'deletedBy', 'carLink', '@type', 'extra', 'links')
    fc.assert(
      fc.property(fc.dictionary(describing, fc.jsonValue()), extra => {
        const v = readVersion({ ...base, ...extra }, 'query')
        for (const key of ['versionId', 'groupType', 'changeLog', 'uploadedDate', 'deleted', 'reviewStatus', 'releaseVersion'] as const) {
          expect(v[key]).toEqual(decided[key])
        }
      })
    )
  })
})

describe('fields that decide: strict', () => {
  it.each([['2026-11-28T14:03:27.512Z'], ['2026-01-02T09:01:00Z'], ['2026-01-02T09:01:00.123456789Z'], ['2026-01-02T10:01:00+01:00'], ['2026-01-02T09:01Z']])(
    'uploadedDate %j is one instant',
    date => {
      expect(readUploadedDate(date, '1', 'query')).toBe(date)
    }
  )

  it.each([
    ['2026-02-30T09:01:00Z'],
    ['2026-13-02T09:01:00Z'],
    ['2026-01-02'],
    ['2026-01-02T09:01:00'],
    ['2026-01-02 09:01:00Z'],
    ['Jan 2 2026 09:01:00 GMT'],
    ['yesterday'],
    [''],
    [1767344460000],
    [{ date: '2026-01-02T09:01:00Z' }],
    [['2026-01-02T09:01:00Z']],
    [true]
  ])('uploadedDate %j stops the listing', date => {
    expect(() => readVersion(versionJson(1, GROUP, { uploadedDate: date }), 'query')).toThrow(
      /'uploadedDate' of version "1" is .*, not an ISO 8601 date-time with a zone/
    )
  })

  it('an absent or null uploadedDate is absent: the planner leaves that version alone and says why', () => {
    const undated = readVersion(versionJson(1, GROUP, { uploadedDate: null }), 'query')
    expect(undated).not.toHaveProperty('uploadedDate')
    const plan = planPrune({ listing: [undated, readVersion(versionJson(2, GROUP), 'query')], keepLatest: 1, now: 0 })
    expect(plan.skip).toEqual([{ version: undated, reason: 'upload date missing or unreadable' }])
  })

  it.each([[{ text: 'x' }], [['x']], [true]])('changeLog %j (it decides identity) stops the listing', changeLog => {
    expect(() => readVersion(versionJson(1, GROUP, { changeLog }), 'query')).toThrow(AnswerError)
  })

  it.each([[{ id: 1 }], [['x']], [true]])('groupType %j stops the listing', groupType => {
    expect(() => readVersion(versionJson(1, GROUP, { groupType }), 'query')).toThrow(/'groupType' of version "1" is/)
  })

  it('a version change naming the version as a number is about that version', () => {
    const text = JSON.stringify({ ...example('version-change.json'), versionId: 42 })
    expect(readVersionChange(text, `${GROUP}-uat`, '42').reviewStatus).toBe('APPROVED')
    expect(() => readVersionChange(text, `${GROUP}-uat`, '43')).toThrow(/another version than "43"/)
  })

  it.each([
    [{ versionId: { id: '42' } }, /'versionId' is an object/],
    [{ versionId: 42.5 }, /'versionId' is a number/],
    [{ versionId: true }, /'versionId' is a boolean/],
    [{ classificationType: ['x'] }, /'classificationType' is a list, not text/],
    [{ classificationType: 7 }, /'classificationType' is a number, not text/],
    [{ reviewStatus: { status: 'APPROVED' } }, /reviewStatus/]
  ])('a version change with %j is not understood', (override, problem) => {
    const text = JSON.stringify({ ...example('version-change.json'), ...override })
    expect(() => readVersionChange(text, `${GROUP}-uat`, '42')).toThrow(problem)
  })

  it('a paging token that is not text still stops the listing', () => {
    expect(() => readQueryPage(JSON.stringify({ ...example('query-page-1.json'), queryToken: { next: 'x' } }), 'query')).toThrow(/'queryToken' is an object/)
  })
})
