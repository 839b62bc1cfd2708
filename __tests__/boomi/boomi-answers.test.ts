// Reading Boomi's answers strictly (issue 12 points 1–5, 7, 13): pure, no HTTP.
import { describe, expect, it } from '@jest/globals'
import {
  readCreatedVersion,
  readDeleted,
  readQueryPage,
  readReleaseVersion,
  readReviewStatus,
  readVersion,
  readVersionChange
} from '../../src/boomi/answers.js'
import { isVersionLimitRefusal, MAX_LISTED_VERSIONS, MAX_QUERY_PAGES } from '../../src/boomi/contract.js'
import { ListingPages } from '../../src/boomi/listing.js'
import { hintFor, toBoomiError } from '../../src/boomi/refusals.js'
import { AnswerError } from '../../src/errors.js'
import { versionJson } from '../helpers/hostile-server.js'

const GROUP = 'acme-Q7XK2P-sample'

function page(result: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ '@type': 'QueryResult', numberOfResults: result.length, ...extra, result })
}

function thrown(fn: () => unknown): unknown {
  try {
    fn()
  } catch (err) {
    return err
  }
  throw new Error('expected a throw')
}

describe('query answers that are not query results', () => {
  it.each([
    ['{}', /'result' is missing, not a list/],
    ['null', /the answer is null, not a query result/],
    ['[]', /the answer is a list, not a query result/],
    ['{"numberOfResults":2,"result":{"versionId":"1"}}', /'result' is an object, not a list/],
    ['{"result":"none"}', /'result' is a string, not a list/],
    ['not json', /not JSON/],
    ['{"queryToken":7,"result":[]}', /'queryToken' is a number/]
  ])('%s is not understood', (text, problem) => {
    const err = thrown(() => readQueryPage(text, 'query'))
    expect(err).toBeInstanceOf(AnswerError)
    expect((err as Error).message).toMatch(/^query answer not understood: /)
    expect((err as Error).message).toMatch(problem)
    expect((err as Error).message).toMatch(/Check api-url/)
  })

  it.each([[-1], ['-2'], ['2.0'], [' 2'], [''], [1.5], [{ count: 2 }], [[2]], [null]])(
    'numberOfResults %j describes nothing usable: read as absent, never a failure',
    count => {
      const read = readQueryPage(JSON.stringify({ numberOfResults: count, result: [versionJson(1, GROUP)] }), 'query')
      expect(read.numberOfResults).toBeUndefined()
      expect(read.result.map(v => v.versionId)).toEqual(['1'])
    }
  )

  it('an answer that says numberOfResults 0 outright may leave result out', () => {
    expect(readQueryPage('{"@type":"QueryResult","numberOfResults":0}', 'query').result).toEqual([])
  })

  it('numberOfResults as decimal digits in text is the same count: "0" may leave result out too, "2" counts 2', () => {
    expect(readQueryPage('{"@type":"QueryResult","numberOfResults":"0"}', 'query').result).toEqual([])
    expect(readQueryPage(JSON.stringify({ numberOfResults: '2', result: [versionJson(1, GROUP)] }), 'query').numberOfResults).toBe(2)
    expect(readQueryPage(JSON.stringify({ numberOfResults: '12', result: [versionJson(1, GROUP)] }), 'query').numberOfResults).toBe(12)
  })

  it('reads an integer versionId as text and keeps only the fields of docs/boomi-api.md, "Answers"', () => {
    const [v] = readQueryPage(page([versionJson(1234, GROUP, { extra: 'x' })]), 'query').result
    expect(v.versionId).toBe('1234')
    expect(v).not.toHaveProperty('extra')
    expect(v).not.toHaveProperty('@type')
  })

  it.each([[''], ['   '], ['a\nb'], ['x'.repeat(101)], [1.5], [-3], [null], [true]])('versionId %j is refused', id => {
    expect(() => readVersion(versionJson(0, GROUP, { versionId: id }), 'query')).toThrow(AnswerError)
  })

  it('a text field holding an object is refused', () => {
    expect(() => readVersion(versionJson(1, GROUP, { changeLog: { text: 'x' } }), 'query')).toThrow(/'changeLog' of version "1" is an object/)
  })
})

describe('fields read strictly for deletion, tolerantly for protection', () => {
  it.each([
    [true, true],
    ['true', true],
    ['TRUE', true],
    [1, true],
    ['1', true],
    [false, false],
    ['false', false],
    [0, false],
    ['0', false],
    [undefined, false],
    [null, false]
  ])('deleted %j reads as %j', (value, expected) => {
    expect(readDeleted(value, '1', 'query')).toBe(expected)
  })

  it.each([['yes'], ['deleted'], [2], [' true'], [{}], [[]]])('deleted %j makes the listing not understood', value => {
    expect(() => readDeleted(value, '1', 'query')).toThrow(/'deleted' of version "1" is neither true nor false/)
  })

  it.each([
    [true, true],
    ['true', true],
    ['TRUE', true],
    [' Yes ', true],
    [1, true],
    [false, false],
    ['false', false],
    [0, false],
    [undefined, false],
    [null, false],
    ['maybe', 'unclear'],
    [2, 'unclear'],
    [{}, 'unclear']
  ])('releaseVersion %j reads as %j', (value, expected) => {
    expect(readReleaseVersion(value)).toBe(expected)
  })

  it.each([
    ['approved', 'APPROVED'],
    ['Pending', 'PENDING'],
    [' REJECTED', 'REJECTED'],
    ['in_review', 'IN_REVIEW'],
    ['', undefined],
    ['  ', undefined],
    [null, undefined],
    [undefined, undefined]
  ])('reviewStatus %j reads as %j', (value, expected) => {
    expect(readReviewStatus(value, '1', 'query')).toBe(expected)
  })

  it('the reading reaches the version object', () => {
    const v = readVersion(versionJson(7, GROUP, { deleted: 'true', releaseVersion: '1', reviewStatus: ' approved ' }), 'query')
    expect(v).toMatchObject({ versionId: '7', deleted: true, releaseVersion: true, reviewStatus: 'APPROVED' })
  })
})

describe('a listing over pages', () => {
  const v = (id: number, extra: Record<string, unknown> = {}) => readVersion(versionJson(id, GROUP, extra), 'query')

  it('collapses identical copies of a version listed on two pages', () => {
    const pages = new ListingPages(GROUP)
    expect(pages.add({ numberOfResults: 3, queryToken: 't1', result: [v(1), v(2)] }, 'query')).toBe('t1')
    expect(pages.add({ numberOfResults: 3, result: [v(1)] }, 'queryMore')).toBeUndefined()
    expect(pages.finish('queryMore').versions.map(x => x.versionId)).toEqual(['1', '2'])
  })

  it('collapses copies that differ only in fields that describe, keeping the first', () => {
    const pages = new ListingPages(GROUP)
    pages.add({ queryToken: 't1', result: [v(1, { uploadedBy: { email: 'a@acme.example' }, displayVersion: '1.0' })] }, 'query')
    pages.add({ result: [v(1, { uploadedBy: ['not', 'a', 'user'], displayVersion: { major: 1 }, carLink: 'x' })] }, 'queryMore')
    expect(pages.finish('queryMore').versions).toEqual([v(1, { uploadedBy: { email: 'a@acme.example' }, displayVersion: '1.0' })])
  })

  it.each([
    ['reviewStatus', 'APPROVED'],
    ['changeLog', 'sha256: ' + 'a'.repeat(64)],
    ['uploadedDate', '2024-01-02T00:00:00Z'],
    ['deleted', true],
    ['releaseVersion', 'maybe'],
    ['groupType', 'other-group']
  ])('refuses copies of a version that differ in %s, a field that decides', (field, value) => {
    const pages = new ListingPages(GROUP)
    pages.add({ queryToken: 't1', result: [v(1)] }, 'query')
    pages.add({ result: [v(1, { [field]: value })] }, 'queryMore')
    expect(() => pages.finish('queryMore')).toThrow(/version "1" is listed twice with different fields/)
  })

  it('refuses copies of a version that differ', () => {
    const pages = new ListingPages(GROUP)
    pages.add({ queryToken: 't1', result: [v(1)] }, 'query')
    pages.add({ result: [v(1, { reviewStatus: 'APPROVED' })] }, 'queryMore')
    expect(() => pages.finish('queryMore')).toThrow(/version "1" is listed twice with different fields/)
  })

  it('sets aside versions of another group, keeps those that do not name one', () => {
    const pages = new ListingPages(GROUP)
    const foreign = readVersion(versionJson(9, 'someone-else'), 'query')
    const unnamed = readVersion({ versionId: '8' }, 'query')
    pages.add({ result: [v(1), foreign, unnamed] }, 'query')
    expect(pages.finish('query')).toEqual({ versions: [v(1), unnamed], foreign: ['9'] })
  })

  it('refuses a token it has already returned', () => {
    const pages = new ListingPages(GROUP)
    pages.add({ queryToken: 'same', result: [v(1)] }, 'query')
    expect(() => pages.add({ queryToken: 'same', result: [v(2)] }, 'queryMore')).toThrow(/queryMore returned a token it had already returned/)
  })

  it('stops after the page bound even with fresh tokens', () => {
    const pages = new ListingPages(GROUP)
    let n = 0
    const err = thrown(() => {
      for (; n < 1000; n++) pages.add({ queryToken: `t${n}`, result: [] }, 'queryMore')
    })
    expect(err).toBeInstanceOf(AnswerError)
    expect(n + 1).toBe(MAX_QUERY_PAGES)
  })

  it('stops beyond the version bound', () => {
    const pages = new ListingPages(GROUP, { pages: 100, versions: 5 })
    pages.add({ queryToken: 'a', result: [v(1), v(2), v(3)] }, 'query')
    expect(() => pages.add({ queryToken: 'b', result: [v(4), v(5), v(6)] }, 'queryMore')).toThrow(/more than 5 versions/)
    expect(MAX_LISTED_VERSIONS).toBeGreaterThanOrEqual(1500)
  })

  const twoPages = (first: number, second: number) => {
    const pages = new ListingPages(GROUP)
    pages.add({ numberOfResults: first, queryToken: 't', result: [v(1), v(2), v(3)] }, 'query')
    pages.add({ numberOfResults: second, result: [v(4)] }, 'queryMore')
    return pages.finish('queryMore')
  }

  it.each([
    [3, 1, 'each page'],
    [4, 4, 'the whole query']
  ])('numberOfResults %j then %j (counting %s) is accepted without a note', (first, second) => {
    const listing = twoPages(first, second)
    expect(listing.versions.map(x => x.versionId)).toEqual(['1', '2', '3', '4'])
    expect(listing.countNote).toBeUndefined()
  })

  it.each([
    [5, 5],
    [1, 1],
    [4, 3],
    [3, 4]
  ])('numberOfResults %j then %j fits neither reading: the listing stands, with a note', (first, second) => {
    const listing = twoPages(first, second)
    expect(listing.versions.map(x => x.versionId)).toEqual(['1', '2', '3', '4'])
    expect(listing.countNote).toMatch(new RegExp(`'numberOfResults' \\(${first}, ${second}\\) fits neither .*\\(4 over 2 page`))
  })
})

describe('create and version-change answers', () => {
  it('the new version must be of the group asked for', () => {
    expect(() => readCreatedVersion(JSON.stringify(versionJson(5, 'other-group')), GROUP)).toThrow(/create answer not understood: .*another group type/)
    expect(() => readCreatedVersion(JSON.stringify({ groupType: GROUP }), GROUP)).toThrow(/versionId/)
    expect(readCreatedVersion(JSON.stringify(versionJson(5, GROUP)), GROUP).versionId).toBe('5')
  })

  it.each([
    ['APPROVED', 'APPROVED'],
    ['pending', 'PENDING'],
    [' Rejected ', 'REJECTED'],
    ['cancelled', 'CANCELLED']
  ])('reviewStatus %j reads as %s', (status, expected) => {
    const text = JSON.stringify({ classificationType: `${GROUP}-uat`, versionId: '12', reviewStatus: status })
    expect(readVersionChange(text, `${GROUP}-uat`, '12')).toEqual({ classificationType: `${GROUP}-uat`, versionId: '12', reviewStatus: expected })
  })

  it.each([
    ['{}', /reviewStatus/],
    ['{"reviewStatus":"DONE"}', /reviewStatus/],
    ['{"reviewStatus":true}', /reviewStatus/],
    ['[]', /a list/],
    ['{"reviewStatus":"APPROVED","versionId":"13"}', /another version/],
    ['{"reviewStatus":"APPROVED","classificationType":"x-prod"}', /another classification/]
  ])('%s is not understood', (text, problem) => {
    expect(() => readVersionChange(text, `${GROUP}-uat`, '12')).toThrow(problem)
  })
})

describe('refusals', () => {
  it.each([429, 401, 403, 500, 502, 503])('HTTP %i mentioning a maximum of versions is not the version limit', status => {
    expect(isVersionLimitRefusal(status, 'The account has reached the maximum of 1500 connector versions.')).toBe(false)
  })

  it('a 400 saying so still is', () => {
    expect(isVersionLimitRefusal(400, 'The account has reached the maximum of 1500 connector versions.')).toBe(true)
  })

  const token = 'tok-9f8e7d6c5b4a3210fedcba'
  const credentials = `BOOMI_TOKEN.ci@acme.example:${token}`
  const basic = `Basic ${Buffer.from(credentials).toString('base64')}`
  const secrets = [token, credentials, basic]

  it('scrubs the token, the Basic value and their fragments before cutting, whatever the body shape', () => {
    const echo = `upstream said: ${'x'.repeat(470)} ${credentials} and ${basic.slice(0, 30)} and ${token.slice(3, 15)}`
    for (const [text, type] of [
      [echo, 'text/plain'],
      [JSON.stringify({ message: echo }), 'application/json'],
      [`<error><message>${echo}</message></error>`, 'application/xml']
    ]) {
      const err = toBoomiError('query', { status: 500, headers: { 'content-type': type }, text }, 0, secrets)
      expect(err.boomiMessage.length).toBeLessThanOrEqual(500)
      for (const s of [token.slice(0, 6), token.slice(-6), basic.slice(6, 12), Buffer.from(credentials).toString('base64').slice(0, 8)]) {
        expect(err.message).not.toContain(s)
      }
    }
  })

  it('a prefix of the token surviving a cut at 500 characters is masked', () => {
    const text = `${'y'.repeat(490)}${token}`
    const err = toBoomiError('query', { status: 500, headers: {}, text }, 0, secrets)
    expect(err.message).not.toContain(token.slice(0, 6))
  })

  it('a message that tries to start a workflow command stays on one inert line', () => {
    const text = JSON.stringify({ message: 'busy\n::stop-commands::x\r\n::add-mask::y\u2028##[warning]z' })
    const err = toBoomiError('query', { status: 503, headers: { 'content-type': 'application/json' }, text }, 0, secrets)
    expect(err.boomiMessage).toBe('busy ::stop-commands::x ::add-mask::y ## [warning]z')
    expect(err.message.split(/\r|\n|\u2028/)).toHaveLength(1)
  })

  it('a version change refused gets the hint for its status', () => {
    expect(hintFor('version change', 403)).toMatch(/Connector Administration feature and the Connector Submission privilege/)
    expect(hintFor('version change', 400, `${GROUP}-uat`)).toBe(
      `Check that classification '${GROUP}-uat' exists for this group in the Developer tab and that the version is live.`
    )
    expect(hintFor('version change', 401)).toMatch(/Check username/)
    expect(hintFor('delete', 400)).toBeUndefined()
  })
})
