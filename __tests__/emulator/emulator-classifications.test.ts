/**
 * The emulator's classifications and ConnectorVersionChange (docs/boomi-api.md, "Answers"), over real HTTP on 127.0.0.1.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { Emulator } from '../../emulator/server.js'
import { seedGroup } from '../../emulator/seed.js'
import { clientOf, json } from '../helpers/emulator-client.js'

const G = 'acme-Q7XK2P-sample'
let emu: Emulator
let api: ReturnType<typeof clientOf>

beforeEach(async () => {
  emu = new Emulator()
  await emu.start()
  api = clientOf(emu)
})
afterEach(() => emu.close())

/** Three live versions of G (1001..1003), uat PRIVATE on 1001, prod PUBLIC on 1002. */
function seedThree(): string[] {
  const ids = emu.seed([1, 2, 3].map(d => ({ groupType: G, uploadedDate: `2024-01-0${d}T00:00:00Z` }))).map(v => v.versionId)
  emu.setClassification(G, 'uat', { versionId: ids[0], visibility: 'PRIVATE' })
  emu.setClassification(G, 'prod', { versionId: ids[1], visibility: 'PUBLIC' })
  return ids
}

describe('ConnectorVersionChange', () => {
  test('a PRIVATE classification switches at once: APPROVED', async () => {
    const [, , newest] = seedThree()
    const r = await api.change({ classificationType: `${G}-uat`, versionId: newest, releaseNotes: 'Release 1.2.0\n\n- faster paging' })
    expect(r.status).toBe(200)
    const user = { email: emu.username, firstName: 'ci-bot', lastName: 'Acme' }
    const date = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(await json(r)).toEqual({
      '@type': 'ConnectorVersionChange',
      uid: 9001,
      classificationType: `${G}-uat`,
      versionId: newest,
      releaseNotes: 'Release 1.2.0\n\n- faster paging',
      reviewStatus: 'APPROVED',
      reviewReason: '',
      completedDate: date,
      requestedBy: user,
      reviewedBy: user,
      ConnectorClassification: {
        '@type': 'ConnectorClassification',
        classification: 'uat',
        classificationType: `${G}-uat`,
        displayName: `${G} (uat)`,
        groupType: G,
        visibility: 'PRIVATE',
        version: Number(newest),
        deleted: false,
        dateCreated: date,
        lastModifiedDate: date,
        createdBy: user
      }
    })
    expect(emu.classifications(G).uat).toEqual({ versionId: newest, visibility: 'PRIVATE' })
    expect(emu.versionChanges).toEqual([
      {
        classificationType: `${G}-uat`,
        versionId: newest,
        releaseNotes: 'Release 1.2.0\n\n- faster paging',
        status: 200,
        answer: expect.objectContaining({ reviewStatus: 'APPROVED' })
      }
    ])
    expect(emu.requests.at(-1)).toMatchObject({ operation: 'versionChange', status: 200, groupType: G })
  })

  test('a PUBLIC classification keeps its version and records the pending one: PENDING, until approved', async () => {
    const [, prodNow, newest] = seedThree()
    const r = await api.change({ classificationType: `${G}-prod`, versionId: newest, releaseNotes: 'notes' })
    expect(r.status).toBe(200)
    const answer = await json(r)
    expect(answer).toMatchObject({
      uid: 9001,
      reviewStatus: 'PENDING',
      completedDate: null,
      ConnectorClassification: { version: Number(prodNow), visibility: 'PUBLIC' }
    })
    expect(answer).not.toHaveProperty('reviewedBy')
    expect(emu.classifications(G).prod).toEqual({ versionId: prodNow, visibility: 'PUBLIC', pending: { versionId: newest, releaseNotes: 'notes' } })
    emu.approve(G, 'prod')
    expect(emu.classifications(G).prod).toEqual({ versionId: newest, visibility: 'PUBLIC' })
  })

  test('releaseNotes may be absent or empty; any other key, or a non-string, is 400', async () => {
    const [, , newest] = seedThree()
    expect((await json(await api.change({ classificationType: `${G}-uat`, versionId: newest }))).releaseNotes).toBe('')
    expect((await api.change({ classificationType: `${G}-uat`, versionId: newest, releaseNotes: '' })).status).toBe(200)
    for (const bad of [
      { classificationType: `${G}-uat`, versionId: newest, releaseNotes: 'x', extra: 1 },
      { classificationType: `${G}-uat`, versionId: Number(newest) },
      { classificationType: `${G}-uat`, versionId: newest, releaseNotes: null },
      { versionId: newest },
      'not json'
    ]) {
      const r = await api.change(bad)
      expect(r.status).toBe(400)
      expect((await json(r)).message).toMatch(/^Invalid version change/)
    }
    expect(emu.versionChanges).toHaveLength(2) // refused shapes are not requests of a change
  })

  test('415 without a JSON content type', async () => {
    const [, , newest] = seedThree()
    const r = await fetch(api.url('ConnectorVersionChange'), {
      method: 'POST',
      headers: api.headers({ 'Content-Type': 'text/plain' }),
      body: JSON.stringify({ classificationType: `${G}-uat`, versionId: newest })
    })
    expect(r.status).toBe(415)
    expect(emu.classifications(G).uat.versionId).toBe('1001')
  })

  test.each([
    ['an unknown label', `${G}-dev`, '1003', `Unknown classification type '${G}-dev'`],
    ['an unknown group', 'other-group-uat', '1003', "Unknown classification type 'other-group-uat'"],
    ['a bare label', 'uat', '1003', "Unknown classification type 'uat'"],
    ['an unknown version', `${G}-uat`, '999999', `Connector version 999999 not found in connector group ${G}`],
    ['a version of another group', `${G}-uat`, '1004', `Connector version 1004 not found in connector group ${G}`],
    ['a deleted version', `${G}-uat`, '1005', `Connector version 1005 of connector group ${G} was deleted on 2024-02-02T00:00:00Z`]
  ])('400 for %s, naming it; nothing changes', async (_name, classificationType, versionId, message) => {
    seedThree()
    emu.seed([
      { groupType: 'other-group', uploadedDate: '2024-02-01T00:00:00Z' },
      { groupType: G, uploadedDate: '2024-02-01T00:00:00Z', deleted: true, deletedDate: '2024-02-02T00:00:00Z' }
    ])
    const before = emu.classifications(G)
    const r = await api.change({ classificationType, versionId, releaseNotes: '' })
    expect(r.status).toBe(400)
    expect((await json(r)).message).toContain(message)
    expect(emu.classifications(G)).toEqual(before)
    expect(emu.versionChanges).toEqual([expect.objectContaining({ classificationType, versionId, status: 400 })])
  })

  test('the group of a classification type is the longest group that has that label', async () => {
    // 'acme-sample' with label 'x-uat' and 'acme-sample-x' with label 'uat' both spell 'acme-sample-x-uat'.
    const [short, long] = emu.seed([
      { groupType: 'acme-sample', uploadedDate: '2024-01-01T00:00:00Z' },
      { groupType: 'acme-sample-x', uploadedDate: '2024-01-01T00:00:00Z' }
    ])
    emu.setClassification('acme-sample', 'x-uat', { visibility: 'PRIVATE' })
    emu.setClassification('acme-sample-x', 'uat', { visibility: 'PRIVATE' })
    expect((await api.change({ classificationType: 'acme-sample-x-uat', versionId: long.versionId })).status).toBe(200)
    expect(emu.classifications('acme-sample-x').uat.versionId).toBe(long.versionId)
    expect(emu.classifications('acme-sample')['x-uat'].versionId).toBeUndefined()
    expect((await api.change({ classificationType: 'acme-sample-x-uat', versionId: short.versionId })).status).toBe(400)
  })

  test('faults are scripted as for the other operations; a dropped answer still switched', async () => {
    const [, , newest] = seedThree()
    emu.script('versionChange', { status: 503, headers: { 'Retry-After': '1' } }, { dropAfterCreate: true })
    const busy = await api.change({ classificationType: `${G}-uat`, versionId: newest })
    expect(busy.status).toBe(503)
    expect(emu.classifications(G).uat.versionId).toBe('1001')
    await expect(api.change({ classificationType: `${G}-uat`, versionId: newest })).rejects.toThrow()
    expect(emu.classifications(G).uat.versionId).toBe(newest)
    expect(emu.requests.map(r => [r.operation, r.status])).toEqual([
      ['versionChange', 503],
      ['versionChange', 0]
    ])
    expect(emu.pendingFaults('versionChange')).toBe(0)
  })

  test('only POST: any other method is an unknown route', async () => {
    const r = await fetch(api.url('ConnectorVersionChange'), { method: 'PUT', headers: api.headers({ 'Content-Type': 'application/json' }), body: '{}' })
    expect(r.status).toBe(404)
    expect(emu.requests.at(-1)?.operation).toBe('unknown')
  })

  test('a version pending for a classification reads as in use', async () => {
    const [, , newest] = seedThree()
    await api.change({ classificationType: `${G}-prod`, versionId: newest })
    expect(emu.versions(G).map(v => v.inUse)).toEqual(['uat', 'prod', 'prod'])
  })

  test('answered in XML when Accept lacks application/json', async () => {
    const [, , newest] = seedThree()
    const r = await fetch(api.url('ConnectorVersionChange'), {
      method: 'POST',
      headers: { ...api.headers({ 'Content-Type': 'application/json' }), Accept: 'application/xml' },
      body: JSON.stringify({ classificationType: `${G}-uat`, versionId: newest, releaseNotes: 'a < b' })
    })
    expect(await r.text()).toContain(`<ConnectorVersionChange><uid>9001</uid><classificationType>${G}-uat</classificationType>`)
  })
})

describe('deleting a version a classification holds', () => {
  test('refused while used or pending, naming the classification; allowed once it moved on', async () => {
    const [uatOld, prodOld, newest] = seedThree()
    const used = await api.del(G, uatOld)
    expect(used.status).toBe(400)
    expect((await json(used)).message).toBe(
      `Connector version ${uatOld} of connector group ${G} cannot be deleted: it is used by classification 'uat' (${G}-uat).`
    )

    await api.change({ classificationType: `${G}-prod`, versionId: newest })
    const pending = await api.del(G, newest)
    expect(pending.status).toBe(400)
    expect((await json(pending)).message).toContain(`it is pending approval for classification 'prod' (${G}-prod)`)
    expect((await api.del(G, prodOld)).status).toBe(400) // still prod's version until approved

    await api.change({ classificationType: `${G}-uat`, versionId: newest })
    expect((await api.del(G, uatOld)).status).toBe(200)
    emu.approve(G, 'prod')
    expect((await api.del(G, prodOld)).status).toBe(200)
    expect(emu.live(G).map(v => v.versionId)).toEqual([newest])
  })

  test('a classification of another group with the same label does not protect this group', async () => {
    const [mine] = emu.seed([{ groupType: G, uploadedDate: '2024-01-01T00:00:00Z' }])
    const [theirs] = emu.seed([{ groupType: 'other-group', uploadedDate: '2024-01-01T00:00:00Z' }])
    emu.setClassification('other-group', 'uat', { versionId: theirs.versionId, visibility: 'PRIVATE' })
    expect((await api.del(G, mine.versionId)).status).toBe(200)
  })
})

describe('setting classifications up', () => {
  test('setClassification checks its versions; classifications() gives copies', () => {
    const [a] = seedThree()
    expect(() => emu.setClassification(G, 'dev', { versionId: '999', visibility: 'PRIVATE' })).toThrow(/no live version 999/)
    expect(() => emu.setClassification('other', 'dev', { versionId: a, visibility: 'PRIVATE' })).toThrow(/no live version/)
    expect(() => emu.setClassification(G, 'dev', { visibility: 'SECRET' as 'PUBLIC' })).toThrow(/visibility/)
    emu.classifications(G).uat.versionId = 'changed'
    expect(emu.classifications(G).uat.versionId).toBe(a)
    expect(emu.classifications('nobody')).toEqual({})
  })

  test('seed inUse and setInUse are thin wrappers over classifications', () => {
    const [v] = emu.seed([{ groupType: G, uploadedDate: '2024-01-01T00:00:00Z', inUse: 'uat' }])
    expect(v.inUse).toBe('uat')
    expect(emu.classifications(G)).toEqual({ uat: { versionId: v.versionId, visibility: 'PRIVATE' } })
    emu.setClassification(G, 'prod', { versionId: v.versionId, visibility: 'PUBLIC' })
    const [w] = emu.seed([{ groupType: G, uploadedDate: '2024-01-02T00:00:00Z' }])
    emu.setInUse(w.versionId, 'prod')
    expect(emu.classifications(G).prod).toEqual({ versionId: w.versionId, visibility: 'PUBLIC' }) // keeps its visibility
    emu.setInUse(v.versionId, undefined)
    expect(emu.versions(G).map(x => x.inUse)).toEqual([undefined, 'prod'])
    expect(emu.classifications(G).uat).toEqual({ visibility: 'PRIVATE' })
  })

  test('seedGroup with protected kinds: uat PRIVATE and prod PUBLIC on live, otherwise plain versions', () => {
    const vs = seedGroup(emu, { groupType: G, count: 30, seed: 11, protectedKinds: true })
    const c = emu.classifications(G)
    expect(Object.keys(c).sort()).toEqual(['prod', 'uat'])
    expect([c.uat.visibility, c.prod.visibility]).toEqual(['PRIVATE', 'PUBLIC'])
    for (const label of ['uat', 'prod']) {
      const v = vs.find(x => x.versionId === c[label].versionId)
      expect(v).toMatchObject({ deleted: false, releaseVersion: false, inUse: label })
      expect(v?.reviewStatus).toBeUndefined()
    }
    seedGroup(emu, { groupType: 'plain', count: 30, seed: 11 })
    expect(emu.classifications('plain')).toEqual({})
  })

  test('reset clears classifications and recorded changes', async () => {
    const [, , newest] = seedThree()
    await api.change({ classificationType: `${G}-uat`, versionId: newest })
    emu.reset()
    expect([emu.classifications(G), emu.versionChanges]).toEqual([{}, []])
  })
})
