/**
 * The emulator answers in Boomi's documented shapes: every kind of answer has the same keys,
 * and the same JSON type for every value, as the matching example in
 * `__tests__/fixtures/boomi-answers/`. Requests are built by hand (emulator-client.ts), so
 * nothing here leans on src/.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { EARLIER_SHAPE, Emulator, type AnswerShape } from '../../emulator/server.js'
import { EXAMPLE_GROUP as G, example } from '../helpers/boomi-examples.js'
import { basic, clientOf, json, uploadParts } from '../helpers/emulator-client.js'
import { makeConnectorZip } from '../helpers/zip.js'

/** The keys and JSON types of a value, all the way down; a list is the shapes of its items, each once. */
type Shape = string | { [key: string]: Shape } | { list: Shape[] }

function shapeOf(value: unknown): Shape {
  if (value === null) return 'null'
  if (Array.isArray(value)) {
    const seen = new Map(value.map(v => [JSON.stringify(shapeOf(v)), shapeOf(v)]))
    return { list: [...seen.keys()].sort().map(k => seen.get(k)!) }
  }
  if (typeof value === 'object') {
    const out: { [key: string]: Shape } = {}
    for (const key of Object.keys(value).sort()) out[key] = shapeOf((value as Record<string, unknown>)[key])
    return out
  }
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

let emu: Emulator
let api: ReturnType<typeof clientOf>
beforeAll(async () => {
  emu = new Emulator({ accountId: 'acme-Q7XK2P', groups: [G] })
  await emu.start()
  api = clientOf(emu)
})
afterAll(() => emu.close())
beforeEach(() => emu.reset())

/** Like the example group: 120 versions, the 5th deleted, the 7th APPROVED; uat PRIVATE, prod PUBLIC. */
function seedLikeTheExamples(): string[] {
  const ids = emu
    .seed(
      Array.from({ length: 120 }, (_, i) => ({
        groupType: G,
        uploadedDate: new Date(Date.UTC(2026, 0, 2 + i, 9, i % 60)).toISOString().replace('.000Z', 'Z'),
        displayVersion: `1.${i + 1}.0`,
        changeLog: `Release 1.${i + 1}.0`,
        uploadedBy: `dev${i % 3}@acme.example`,
        ...(i === 4 ? { deleted: true, deletedDate: '2026-02-10T11:00:00Z' } : {}),
        ...(i === 6 ? { reviewStatus: 'APPROVED' as const } : {})
      }))
    )
    .map(v => v.versionId)
  emu.setClassification(G, 'uat', { versionId: ids[100], visibility: 'PRIVATE' })
  emu.setClassification(G, 'prod', { versionId: ids[99], visibility: 'PUBLIC' })
  return ids
}

/** The examples' versions by kind: plain, deleted, under review. */
function exampleVersions() {
  const all = [...example('query-page-1.json').result, ...example('query-page-2.json').result]
  return {
    plain: all.find(v => !v.deleted && !v.reviewStatus),
    deleted: all.find(v => v.deleted),
    reviewed: all.find(v => v.reviewStatus)
  }
}

describe('every kind of emulator answer has the shape of its example', () => {
  test('create: version.json', async () => {
    const r = await api.create(uploadParts(makeConnectorZip(), G, 'Fixes the paging bug\n\nsha256: abc'))
    expect(r.status).toBe(200)
    expect(shapeOf(await json(r))).toEqual(shapeOf(example('version.json')))
  })

  test('query and queryMore: query-page-1.json and query-page-2.json, and each kind of version in them', async () => {
    seedLikeTheExamples()
    const first = await json(await api.query(G))
    const second = await json(await api.queryMore(first.queryToken))
    const { result: r1, ...page1 } = first
    const { result: r2, ...page2 } = second
    const { result: _e1, ...example1 } = example('query-page-1.json')
    const { result: _e2, ...example2 } = example('query-page-2.json')
    expect(shapeOf(page1)).toEqual(shapeOf(example1))
    expect(shapeOf(page2)).toEqual(shapeOf(example2))
    // the counts as the examples give them: each page's own
    expect([first.numberOfResults, r1.length, second.numberOfResults, r2.length]).toEqual([100, 100, 20, 20])
    const want = exampleVersions()
    const got = [...r1, ...r2]
    expect(shapeOf(got.find(v => !v.deleted && !v.reviewStatus))).toEqual(shapeOf(want.plain))
    expect(shapeOf(got.find(v => v.deleted))).toEqual(shapeOf(want.deleted))
    expect(shapeOf(got.find(v => v.reviewStatus))).toEqual(shapeOf(want.reviewed))
    // no version has a key, or a type, that the examples never show
    const known = new Set([want.plain, want.deleted, want.reviewed].map(v => JSON.stringify(shapeOf(v))))
    for (const v of got) expect(known).toContain(JSON.stringify(shapeOf(v)))
  })

  test('a switched PRIVATE classification: version-change.json, with classification.json inside', async () => {
    const ids = seedLikeTheExamples()
    const r = await api.change({ classificationType: `${G}-uat`, versionId: ids[119], releaseNotes: 'Fixes the paging bug' })
    expect(r.status).toBe(200)
    const answer = await json(r)
    expect(shapeOf(answer)).toEqual(shapeOf(example('version-change.json')))
    expect(shapeOf(answer.ConnectorClassification)).toEqual(shapeOf(example('classification.json')))
  })

  test('a PUBLIC classification waiting for approval: version-change-pending.json', async () => {
    const ids = seedLikeTheExamples()
    const r = await api.change({ classificationType: `${G}-prod`, versionId: ids[119], releaseNotes: 'Fixes the paging bug' })
    expect(r.status).toBe(200)
    expect(shapeOf(await json(r))).toEqual(shapeOf(example('version-change-pending.json')))
  })

  test('a refusal: error-403.json', async () => {
    const r = await fetch(`${emu.apiUrl}/another-account/ConnectorVersion/query`, {
      method: 'POST',
      headers: { Authorization: basic(`BOOMI_TOKEN.${emu.username}`, emu.apiToken), Accept: 'application/json', 'Content-Type': 'application/json' },
      body: '{}'
    })
    expect(r.status).toBe(403)
    expect(shapeOf(await json(r))).toEqual(shapeOf(example('error-403.json')))
  })
})

describe('the comparison itself', () => {
  test('tells a user object from text, an integer from text, and a missing key from a null one', () => {
    expect(shapeOf({ uploadedBy: { email: 'a' } })).not.toEqual(shapeOf({ uploadedBy: 'a' }))
    expect(shapeOf({ uid: 9031 })).not.toEqual(shapeOf({ uid: '9031' }))
    expect(shapeOf({ completedDate: null })).not.toEqual(shapeOf({}))
    expect(shapeOf({ a: [1, 2], b: 'x' })).toEqual(shapeOf({ b: 'y', a: [3] }))
  })
})

describe('each AnswerShape option changes the answers as it says (so the variant tests vary something)', () => {
  async function answers(shape: AnswerShape) {
    emu.setAnswerShape(shape)
    const ids = seedLikeTheExamples()
    const first = await json(await api.query(G))
    const second = await json(await api.queryMore(first.queryToken))
    const change = await json(await api.change({ classificationType: `${G}-uat`, versionId: ids[119], releaseNotes: 'n' }))
    const created = await json(await api.create(uploadParts(makeConnectorZip(), G, 'c')))
    const deleted = [...first.result, ...second.result].find(v => v.deleted)
    return { first, second, change, created, deleted, plain: first.result[0] }
  }

  test('numberOfResults: query counts the whole query on every page', async () => {
    const a = await answers({ numberOfResults: 'query' })
    expect([a.first.numberOfResults, a.second.numberOfResults]).toEqual([120, 120])
  })

  test('milliseconds: every date has them', async () => {
    const a = await answers({ milliseconds: true })
    for (const date of [
      a.plain.uploadedDate,
      a.created.uploadedDate,
      a.deleted.deletedDate,
      a.change.completedDate,
      a.change.ConnectorClassification.dateCreated
    ]) {
      expect(date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    }
  })

  test('numericVersionChangeId: the version change names the version as a number', async () => {
    const a = await answers({ numericVersionChangeId: true })
    expect(typeof a.change.versionId).toBe('number')
    expect(typeof a.created.versionId).toBe('string')
  })

  test('unknownFields: objects, lists and a nested @type in every answer object', async () => {
    const a = await answers({ unknownFields: true })
    for (const o of [a.first, a.plain, a.created, a.change, a.change.ConnectorClassification]) {
      expect(o.links).toEqual(expect.any(Array))
      expect(o.audit['@type']).toBe('AuditInfo')
    }
  })

  test.each<[NonNullable<AnswerShape['describing']>, (v: unknown) => boolean]>([
    ['text', v => typeof v === 'string'],
    ['null', v => v === null],
    ['absent', v => v === undefined],
    ['object', v => typeof v === 'object' && v !== null && (v as { '@type'?: string })['@type'] === 'Described']
  ])('describing: %s', async (mode, isShaped) => {
    const a = await answers({ describing: mode })
    for (const value of [a.plain.uploadedBy, a.created.uploadedBy, a.deleted.deletedBy, a.change.requestedBy, a.change.reviewedBy, a.change.uid]) {
      expect(isShaped(value)).toBe(true)
    }
    // what decides is never touched
    expect(a.plain).toMatchObject({
      versionId: expect.any(String),
      groupType: G,
      deleted: false,
      uploadedDate: expect.any(String),
      changeLog: expect.any(String)
    })
    expect(a.change).toMatchObject({ reviewStatus: 'APPROVED', classificationType: `${G}-uat` })
  })

  test('EARLIER_SHAPE: users as text, releaseVersion and carLink given, whole-query counts', async () => {
    const a = await answers(EARLIER_SHAPE)
    expect(a.first.numberOfResults).toBe(120)
    expect(a.plain).toMatchObject({ uploadedBy: expect.stringMatching(/@acme\.example$/), releaseVersion: false, carLink: expect.stringMatching(/^https:/) })
  })
})
