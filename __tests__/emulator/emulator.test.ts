/**
 * Tests of the Boomi emulator itself (emulator/), over real HTTP on 127.0.0.1.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import http from 'node:http'
import { RateLimiter, type RateLimitCounts } from '../../emulator/admission.js'
import { Emulator, type EmulatorOptions } from '../../emulator/server.js'
import { seedGroup } from '../../emulator/seed.js'
import { type Part, multipart } from '../helpers/emulator-client.js'

const G = 'acme-Q7XK2P-sample'
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex')
const zip = (content = 'connector'): Buffer => Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from(content)])

let emu: Emulator
async function startEmu(opts: EmulatorOptions = {}): Promise<Emulator> {
  await emu?.close()
  emu = new Emulator({ groups: [G], ...opts })
  await emu.start()
  return emu
}
beforeEach(async () => {
  await startEmu()
})
afterEach(async () => {
  await emu.close()
})

const basic = (user: string, pass: string): string => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`
const goodAuth = (): string => basic(`BOOMI_TOKEN.${emu.username}`, emu.apiToken)
const url = (tail = ''): string => `${emu.apiUrl}/${emu.accountId}/ConnectorVersion${tail}`
const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
  Authorization: goodAuth(),
  Accept: 'application/json',
  ...extra
})

function uploadParts(file: Buffer, o: { groupType?: string; changeLog?: string; checksum?: string } = {}): Part[] {
  return [
    { name: 'connectorVersionArchive', value: file, fileName: 'sample.car.zip' },
    { name: 'groupType', value: o.groupType ?? G },
    { name: 'changeLog', value: o.changeLog ?? 'first' },
    { name: 'sha256Checksum', value: o.checksum ?? sha256(file) }
  ]
}
async function create(parts: Part[], extra: Record<string, string> = {}): Promise<Response> {
  const { body, contentType } = multipart(parts)
  return fetch(url(), { method: 'POST', headers: headers({ 'Content-Type': contentType, ...extra }), body })
}
async function query(groupType = G, extra: Record<string, string> = {}): Promise<Response> {
  const body = JSON.stringify({ QueryFilter: { expression: { argument: [groupType], operator: 'EQUALS', property: 'GROUP_TYPE' } } })
  return fetch(url('/query'), { method: 'POST', headers: headers({ 'Content-Type': 'application/json', ...extra }), body })
}
async function queryMore(token: string): Promise<Response> {
  return fetch(url('/queryMore'), { method: 'POST', headers: headers({ 'Content-Type': 'text/plain' }), body: token })
}
async function del(versionId: string, groupType = G): Promise<Response> {
  return fetch(url(), {
    method: 'DELETE',
    headers: headers({ 'Content-Type': 'application/json' }),
    body: JSON.stringify({ groupType, versionId })
  })
}
const json = async (r: Response): Promise<any> => JSON.parse(await r.text()) // eslint-disable-line @typescript-eslint/no-explicit-any
const seedOne = (extra: Record<string, unknown> = {}): string => emu.seed([{ groupType: G, uploadedDate: '2024-01-01T00:00:00Z', ...extra }])[0].versionId

describe('auth, routing and formats', () => {
  test.each([
    ['no header', undefined],
    ['user without BOOMI_TOKEN. prefix', basic('ci-bot@acme.example', 'emu-token-5f2c9a7b1d3e')],
    ['wrong token', basic('BOOMI_TOKEN.ci-bot@acme.example', 'nope')]
  ])('401 with %s', async (_name, authorization) => {
    const r = await fetch(url('/query'), {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
      body: '{}'
    })
    expect(r.status).toBe(401)
    expect(r.headers.get('www-authenticate')).toBe('Basic realm="Boomi"')
    expect(await json(r)).toEqual({ message: expect.any(String) })
    expect(emu.requests.at(-1)).toMatchObject({ operation: 'query', status: 401, body: '{}' })
  })

  test('default credentials are the fixed demo values', () => {
    expect([emu.accountId, emu.username, emu.apiToken]).toEqual(['acme-Q7XK2P', 'ci-bot@acme.example', 'emu-token-5f2c9a7b1d3e'])
    // The prefix Boomi's pages lean to (docs/boomi-api.md, "Hosts and prefixes"): a host-alone api-url finds it on the first try.
    expect(emu.apiUrl).toBe(`http://127.0.0.1:${emu.port}/api/rest/v1`)
    expect(emu.hostUrl).toBe(`http://127.0.0.1:${emu.port}`)
  })

  test('403 for another account, 404 for unknown routes', async () => {
    const r403 = await fetch(`${emu.apiUrl}/other-ACCOUNT/ConnectorVersion/query`, { method: 'POST', headers: headers(), body: '{}' })
    expect(r403.status).toBe(403)
    const r404 = await fetch(url('/42'), { headers: headers() })
    expect(r404.status).toBe(404)
    expect(Object.keys(await json(r404))).toEqual(['message'])
    const wrongPrefix = await fetch(`http://127.0.0.1:${emu.port}/partner/api/rest/v1/${emu.accountId}/ConnectorVersion/query`, {
      method: 'POST',
      headers: headers()
    })
    expect(wrongPrefix.status).toBe(404)
    expect(emu.requests.map(r => [r.operation, r.status])).toEqual([
      ['query', 403],
      ['unknown', 404],
      ['unknown', 404]
    ])
  })

  test('XML when Accept lacks application/json', async () => {
    const r401 = await fetch(url('/query'), { method: 'POST', headers: { Accept: 'application/xml' } })
    expect(r401.status).toBe(401)
    expect(r401.headers.get('content-type')).toMatch(/application\/xml/)
    expect(await r401.text()).toMatch(/<error><message>Unauthorized[^<]*<\/message><\/error>/)

    seedOne({ changeLog: 'a < b & c' })
    const r = await query(G, { Accept: '*/*' })
    expect(r.status).toBe(200)
    const xml = await r.text()
    expect(xml).toContain('<QueryResult><numberOfResults>1</numberOfResults><result><groupType>acme-Q7XK2P-sample</groupType><versionId>1001</versionId>')
    expect(xml).toContain('<uploadedBy><email>ci-bot@acme.example</email><firstName>ci-bot</firstName><lastName>Acme</lastName></uploadedBy>')
    expect(xml).toContain('<changeLog>a &lt; b &amp; c</changeLog>')
  })

  test('extra response headers on every answer', async () => {
    emu.setResponseHeaders({ Deprecation: 'true', Sunset: 'Wed, 31 Dec 2025 23:59:59 GMT' })
    const r = await query()
    expect(r.headers.get('deprecation')).toBe('true')
    expect(r.headers.get('sunset')).toMatch(/2025/)
    const r401 = await fetch(url('/query'), { method: 'POST' })
    expect(r401.headers.get('deprecation')).toBe('true')
  })

  test('latency delays each answer', async () => {
    await startEmu({ latencyMs: 120 })
    const t0 = performance.now()
    expect((await query()).status).toBe(200)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(110)
  })
})

describe('create', () => {
  test('create and query round trip', async () => {
    await startEmu({ now: () => new Date('2024-06-01T12:00:00.456Z') })
    const file = zip('x'.repeat(1000))
    const r = await create(uploadParts(file, { changeLog: 'Release 1.0\n\nsha256: abc' }))
    expect(r.status).toBe(200)
    const v = await json(r)
    expect(v).toEqual({
      '@type': 'ConnectorVersion',
      versionId: '1001',
      groupType: G,
      displayVersion: '1',
      changeLog: 'Release 1.0\n\nsha256: abc',
      uploadedDate: '2024-06-01T12:00:00Z',
      uploadedBy: { email: 'ci-bot@acme.example', firstName: 'ci-bot', lastName: 'Acme' },
      deleted: false
    })
    const rec = emu.requests[0]
    expect(rec).toMatchObject({
      operation: 'create',
      status: 200,
      partOrder: ['connectorVersionArchive', 'groupType', 'changeLog', 'sha256Checksum'],
      fields: { groupType: G, changeLog: 'Release 1.0\n\nsha256: abc', sha256Checksum: sha256(file) },
      fileName: 'sample.car.zip',
      fileSize: file.length,
      fileSha256: sha256(file),
      versionId: '1001'
    })
    expect(emu.versions(G)[0]).toMatchObject({ archiveSha256: sha256(file), archiveSize: file.length })

    const second = await json(await create(uploadParts(zip('other'))))
    expect([second.versionId, second.displayVersion]).toEqual(['1002', '2'])

    const q = await json(await query())
    expect(q).toEqual({ '@type': 'QueryResult', numberOfResults: 2, result: [v, second] })
    expect(q.result[0]).not.toHaveProperty('archiveSha256')
    expect(q.result[0]).not.toHaveProperty('inUse')
  })

  test('checksum compare is case-insensitive; a mismatch is 400', async () => {
    const file = zip()
    expect((await create(uploadParts(file, { checksum: sha256(file).toUpperCase() }))).status).toBe(200)
    const bad = await create(uploadParts(file, { checksum: sha256(zip('other')) }))
    expect(bad.status).toBe(400)
    expect((await json(bad)).message).toMatch(/checksum/i)
    expect(emu.versions()).toHaveLength(1)
  })

  test.each([
    ['not a zip', uploadParts(Buffer.from('hello world')), /not a zip/],
    ['empty archive', uploadParts(Buffer.alloc(0)), /empty/],
    ['no archive', uploadParts(zip()).slice(1), /connectorVersionArchive/],
    [
      'archive not a file',
      [
        { name: 'connectorVersionArchive', value: zip() },
        { name: 'groupType', value: G }
      ],
      /must be a file/
    ],
    ['no groupType', uploadParts(zip()).filter(p => p.name !== 'groupType'), /groupType/]
  ])('400 for %s', async (_name, parts, message) => {
    const r = await create(parts)
    expect(r.status).toBe(400)
    expect((await json(r)).message).toMatch(message)
    expect(emu.versions()).toHaveLength(0)
  })

  test('400 for a non-multipart create and a truncated multipart body', async () => {
    const r = await fetch(url(), { method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: '{}' })
    expect(r.status).toBe(400)
    const { body, contentType } = multipart(uploadParts(zip()))
    const cut = await fetch(url(), { method: 'POST', headers: headers({ 'Content-Type': contentType }), body: body.subarray(0, body.length - 30) })
    expect(cut.status).toBe(400)
    expect((await json(cut)).message).toMatch(/Malformed multipart/)
  })

  test('refused at maxVersions live versions in the account; deleted ones do not count', async () => {
    await startEmu({ maxVersions: 3 })
    emu.seed([
      { groupType: 'other-group', uploadedDate: '2024-01-01T00:00:00Z' },
      { groupType: G, uploadedDate: '2024-01-02T00:00:00Z', deleted: true },
      { groupType: G, uploadedDate: '2024-01-03T00:00:00Z' }
    ])
    expect((await create(uploadParts(zip('a')))).status).toBe(200)
    const full = await create(uploadParts(zip('b')))
    expect(full.status).toBe(400)
    expect((await json(full)).message).toBe('The account has reached the maximum of 3 connector versions. Delete unused connector versions and try again.')
    expect((await del('1003')).status).toBe(200)
    expect((await create(uploadParts(zip('b')))).status).toBe(200)
  })

  test('a large upload streams through and is hashed', async () => {
    const file = Buffer.concat([Buffer.from('PK'), Buffer.alloc(8 * 1024 * 1024, 7)])
    const r = await create(uploadParts(file))
    expect(r.status).toBe(200)
    expect(emu.requests[0]).toMatchObject({ fileSize: file.length, fileSha256: sha256(file) })
  })
})

describe('connector groups: a create needs a group that exists (docs/boomi-api.md: Add Connector Group first)', () => {
  const EMPTY_LISTING = { '@type': 'QueryResult', numberOfResults: 0, result: [] }

  test('a create into a group that was never declared nor seeded: 400 with the message alone, nothing stored', async () => {
    await startEmu({ groups: [G] })
    const r = await create(uploadParts(zip(), { groupType: 'acme-Q7XK2P-missing' }))
    expect(r.status).toBe(400)
    expect(r.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await json(r)).toEqual({ message: "Connector group type 'acme-Q7XK2P-missing' does not exist." })
    expect(emu.versions()).toEqual([])
    expect(emu.requests.map(q => [q.operation, q.status, q.groupType, q.versionId])).toEqual([['create', 400, 'acme-Q7XK2P-missing', undefined]])
    // A group type is matched exactly: a declared group's type with its classification is another group.
    expect((await create(uploadParts(zip(), { groupType: `${G}-uat` }))).status).toBe(400)
    expect((await create(uploadParts(zip(), { groupType: G.toUpperCase() }))).status).toBe(400)
    expect(emu.versions()).toEqual([])
  })

  test('an account with no groups declared refuses every create', async () => {
    await startEmu({ groups: undefined })
    expect(emu.groups()).toEqual([])
    expect((await create(uploadParts(zip()))).status).toBe(400)
    expect(emu.versions()).toEqual([])
  })

  test('a declared group with no versions yet: its query is empty, its first create 200', async () => {
    await startEmu({ groups: ['acme-Q7XK2P-fresh', G] })
    expect(emu.groups()).toEqual(['acme-Q7XK2P-fresh', G])
    expect(await json(await query('acme-Q7XK2P-fresh'))).toEqual(EMPTY_LISTING)
    const r = await create(uploadParts(zip(), { groupType: 'acme-Q7XK2P-fresh' }))
    expect(r.status).toBe(200)
    expect(await json(r)).toMatchObject({ groupType: 'acme-Q7XK2P-fresh', versionId: '1001', displayVersion: '1' })
    expect(emu.versions('acme-Q7XK2P-fresh')).toHaveLength(1)
  })

  test('a query of a group that does not exist answers an empty listing, not an error', async () => {
    await startEmu({ groups: [G] })
    const r = await query('acme-Q7XK2P-missing')
    expect(r.status).toBe(200)
    expect(await json(r)).toEqual(EMPTY_LISTING)
  })

  test('seeding versions makes a group exist, even when all are deleted; addGroups adds one; reset goes back to the declared ones', async () => {
    await startEmu({ groups: [G] })
    emu.seed([{ groupType: 'acme-Q7XK2P-seeded', uploadedDate: '2024-01-01T00:00:00Z', deleted: true }])
    expect((await create(uploadParts(zip('a'), { groupType: 'acme-Q7XK2P-seeded' }))).status).toBe(200)
    expect((await create(uploadParts(zip('b'), { groupType: 'acme-Q7XK2P-added' }))).status).toBe(400)
    emu.addGroups('acme-Q7XK2P-added')
    expect((await create(uploadParts(zip('b'), { groupType: 'acme-Q7XK2P-added' }))).status).toBe(200)
    expect(emu.groups()).toEqual([G, 'acme-Q7XK2P-seeded', 'acme-Q7XK2P-added'])
    expect(() => emu.addGroups('')).toThrow(/empty/)
    expect(() => new Emulator({ groups: [''] })).toThrow(/empty/)

    emu.reset()
    expect(emu.groups()).toEqual([G])
    expect((await create(uploadParts(zip('c'), { groupType: 'acme-Q7XK2P-seeded' }))).status).toBe(400)
    expect((await create(uploadParts(zip('c')))).status).toBe(200)
  })

  test('XML when asked: the same refusal as <error><message>', async () => {
    await startEmu({ groups: [G] })
    const r = await create(uploadParts(zip(), { groupType: 'acme-Q7XK2P-missing' }), { Accept: 'application/xml' })
    expect(r.status).toBe(400)
    expect(await r.text()).toContain('<error><message>Connector group type &apos;acme-Q7XK2P-missing&apos; does not exist.</message></error>')
  })
})

describe('query and paging', () => {
  test('250 versions over 3 pages, tokens are one use only', async () => {
    emu.seed(Array.from({ length: 250 }, (_, i) => ({ groupType: G, uploadedDate: new Date(Date.UTC(2024, 0, 1, i)).toISOString() })))
    emu.seed([{ groupType: 'another-group', uploadedDate: '2024-01-01T00:00:00Z' }])
    const p1 = await json(await query())
    // numberOfResults counts each page, as Boomi's example pages do
    expect([p1.numberOfResults, p1.result.length, typeof p1.queryToken]).toEqual([100, 100, 'string'])
    const p2 = await json(await queryMore(p1.queryToken))
    expect([p2.numberOfResults, p2.result.length, typeof p2.queryToken]).toEqual([100, 100, 'string'])
    const reuse = await queryMore(p1.queryToken)
    expect(reuse.status).toBe(400)
    const p3 = await json(await queryMore(p2.queryToken))
    expect([p3.numberOfResults, p3.result.length]).toEqual([50, 50])
    expect(p3).not.toHaveProperty('queryToken')
    const ids = [...p1.result, ...p2.result, ...p3.result].map((v: { versionId: string }) => v.versionId)
    expect(ids).toEqual(Array.from({ length: 250 }, (_, i) => String(1001 + i)))
    expect((await queryMore('not-a-token')).status).toBe(400)
    expect(emu.requests.map(r => r.status)).toEqual([200, 200, 400, 200, 400])
    expect(emu.requests[1].body).toBe(p1.queryToken)
  })

  test('empty group: no results, no token', async () => {
    expect(await json(await query('nobody'))).toEqual({ '@type': 'QueryResult', numberOfResults: 0, result: [] })
  })

  test.each([
    ['another operator', { QueryFilter: { expression: { argument: [G], operator: 'LIKE', property: 'GROUP_TYPE' } } }],
    ['another property', { QueryFilter: { expression: { argument: [G], operator: 'EQUALS', property: 'NAME' } } }],
    ['argument not an array', { QueryFilter: { expression: { argument: G, operator: 'EQUALS', property: 'GROUP_TYPE' } } }],
    ['an extra key', { QueryFilter: { expression: { argument: [G], operator: 'EQUALS', property: 'GROUP_TYPE', x: 1 } } }],
    ['no QueryFilter', { expression: { argument: [G], operator: 'EQUALS', property: 'GROUP_TYPE' } }]
  ])('400 for a query with %s', async (_name, body) => {
    const r = await fetch(url('/query'), { method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(body) })
    expect(r.status).toBe(400)
  })

  test('415 for a query without a JSON content type', async () => {
    const r = await fetch(url('/query'), { method: 'POST', headers: headers({ 'Content-Type': 'text/plain' }), body: '{}' })
    expect(r.status).toBe(415)
  })
})

describe('delete', () => {
  test('soft delete: still listed with deleted:true; deleting again is 400; unknown is 404', async () => {
    await startEmu({ now: () => new Date('2024-07-01T08:00:00Z') })
    const id = seedOne()
    const r = await del(id)
    expect(r.status).toBe(200)
    expect(await json(r)).toMatchObject({ versionId: id, deleted: true, deletedDate: '2024-07-01T08:00:00Z' })
    const q = await json(await query())
    expect(q.result).toEqual([expect.objectContaining({ versionId: id, deleted: true, deletedDate: '2024-07-01T08:00:00Z' })])
    expect(emu.live(G)).toHaveLength(0)
    expect(emu.versions(G)).toHaveLength(1)
    expect((await del(id)).status).toBe(400)
    expect((await del('999999')).status).toBe(404)
    expect((await del(id, 'other-group')).status).toBe(404)
    expect(emu.requests[0]).toMatchObject({ operation: 'delete', versionId: id, body: JSON.stringify({ groupType: G, versionId: id }) })
  })

  test.each([
    ['inUse', { inUse: 'prod' }, /used by classification 'prod'/],
    ['PENDING', { reviewStatus: 'PENDING' }, /review status is PENDING/],
    ['APPROVED', { reviewStatus: 'APPROVED' }, /review status is APPROVED/],
    ['REJECTED', { reviewStatus: 'REJECTED' }, /review status is REJECTED/],
    ['releaseVersion', { releaseVersion: true }, /release version/]
  ])('refused when %s', async (_name, extra, message) => {
    const id = seedOne(extra)
    const r = await del(id)
    expect(r.status).toBe(400)
    expect((await json(r)).message).toMatch(message)
    expect(emu.live(G)).toHaveLength(1)
  })

  test('CANCELLED review and a cleared inUse can be deleted', async () => {
    const a = seedOne({ reviewStatus: 'CANCELLED' })
    const b = seedOne({ inUse: 'uat' })
    expect((await del(a)).status).toBe(200)
    emu.setInUse(b, undefined)
    expect((await del(b)).status).toBe(200)
  })

  test('400 for a body that is not {groupType, versionId} strings', async () => {
    const id = seedOne()
    const r = await fetch(url(), {
      method: 'DELETE',
      headers: headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ groupType: G, versionId: Number(id) })
    })
    expect(r.status).toBe(400)
  })
})

describe('faults', () => {
  test('503 with Retry-After, then success', async () => {
    emu.script('create', { status: 503, headers: { 'Retry-After': '2' } })
    const first = await create(uploadParts(zip()))
    expect(first.status).toBe(503)
    expect(first.headers.get('retry-after')).toBe('2')
    expect(await json(first)).toEqual({ message: expect.any(String) })
    expect(emu.versions()).toHaveLength(0)
    expect((await create(uploadParts(zip()))).status).toBe(200)
    expect(emu.requests.map(r => r.status)).toEqual([503, 200])
    // The failed attempt's body was read and recorded in full.
    expect(emu.requests[0].fileSha256).toBe(sha256(zip()))
    expect(emu.pendingFaults()).toBe(0)
  })

  test('a fault with a custom body and content type; faults are per operation and skip 401s', async () => {
    emu.script('query', { status: 504, body: '<html>Gateway Timeout</html>', contentType: 'text/html' }, { status: 410 })
    const unauth = await fetch(url('/query'), { method: 'POST' })
    expect(unauth.status).toBe(401) // did not consume a fault
    expect((await create(uploadParts(zip()))).status).toBe(200) // another operation
    const r = await query()
    expect(r.status).toBe(504)
    expect(r.headers.get('content-type')).toMatch(/text\/html/)
    expect(await r.text()).toBe('<html>Gateway Timeout</html>')
    expect((await query()).status).toBe(410)
    expect((await query()).status).toBe(200)
  })

  test('dropAfterCreate: the version exists but the client sees a socket error', async () => {
    emu.script('create', { dropAfterCreate: true })
    await expect(create(uploadParts(zip()))).rejects.toThrow()
    expect(emu.live(G)).toHaveLength(1)
    expect(emu.requests[0]).toMatchObject({ operation: 'create', status: 0, versionId: '1001' })
    expect((await create(uploadParts(zip('2')))).status).toBe(200)
  })

  test('dropBeforeBody: nothing created', async () => {
    emu.script('create', { dropBeforeBody: true })
    await expect(create(uploadParts(zip()))).rejects.toThrow()
    expect(emu.versions()).toHaveLength(0)
    expect(emu.requests[0]).toMatchObject({ status: 0 })
  })

  test('a client that aborts mid-body: recorded with status 0, nothing created', async () => {
    const { body, contentType } = multipart(uploadParts(zip('x'.repeat(100_000))))
    const req = http.request(url(), { method: 'POST', headers: headers({ 'Content-Type': contentType, 'Content-Length': String(body.length) }) })
    req.on('error', () => undefined)
    req.write(body.subarray(0, 50_000))
    await new Promise(r => setTimeout(r, 50))
    req.destroy()
    await new Promise(r => setTimeout(r, 50))
    expect(emu.requests[0]).toMatchObject({ operation: 'create', status: 0 })
    expect(emu.versions()).toHaveLength(0)
  })

  test('hangMs: a client timeout loses the answer; the create still happens', async () => {
    emu.script('create', { hangMs: 300 })
    await expect(create(uploadParts(zip()), {}).then(() => 'answered')).resolves.toBe('answered') // no timeout: just slow
    emu.script('create', { hangMs: 300 })
    const { body, contentType } = multipart(uploadParts(zip('late')))
    // The client gives up once the server has the whole body (a fixed timeout could fire mid-body on a busy machine).
    const gaveUp = new AbortController()
    const bodyRead = setInterval(() => emu.requests[1]?.fileSize !== undefined && gaveUp.abort(), 5)
    try {
      await expect(fetch(url(), { method: 'POST', headers: headers({ 'Content-Type': contentType }), body, signal: gaveUp.signal })).rejects.toThrow()
    } finally {
      clearInterval(bodyRead)
    }
    await new Promise(r => setTimeout(r, 400))
    expect(emu.versions()).toHaveLength(2)
    expect(emu.requests[1]).toMatchObject({ status: 0, versionId: '1002' })
  })
})

describe('rate limit', () => {
  test('arrivals beyond the limit in a rolling second get 503', async () => {
    await startEmu({ rateLimit: 5 })
    const answers = await Promise.all(Array.from({ length: 15 }, () => query()))
    const statuses = answers.map(r => r.status).sort()
    expect(statuses.filter(s => s === 200)).toHaveLength(5)
    expect(statuses.filter(s => s === 503)).toHaveLength(10)
    const limited = answers.find(r => r.status === 503)!
    expect((await json(limited)).message).toMatch(/^Rate limit exceeded/)
    expect(emu.requests.filter(r => r.rateLimited)).toHaveLength(10)
    expect(emu.requests.filter(r => r.rateLimited).every(r => r.status === 503)).toBe(true)
    expect(emu.maxRequestsInWindow()).toBe(15)
    expect(emu.maxRequestsInWindow(1000, r => !r.rateLimited)).toBe(5)
  })

  test.each<[RateLimitCounts, string]>([
    // limit 2; arrivals at these ms; R = refused
    ['accepted', '..R..R.'],
    ['all', '..RRRR.']
  ])('the limiter counting %s arrivals refuses %s', (counts, expected) => {
    const limiter = new RateLimiter(2, counts)
    const at = [0, 100, 200, 1050, 1150, 1250, 2300]
    expect(at.map(t => (limiter.refuses(t) ? 'R' : '.')).join('')).toBe(expected)
  })

  test.each<[RateLimitCounts | undefined, (admitted: number) => boolean]>([
    [undefined, admitted => admitted >= 4],
    ['all', admitted => admitted === 2]
  ])('over HTTP, a client that keeps knocking for 1.6 s, with rateLimitCounts %s', async (rateLimitCounts, expected) => {
    await startEmu({ rateLimit: 2, rateLimitCounts })
    // A request every 20 ms: refused ones counting, the window never empties after the first two.
    const statuses: number[] = []
    for (const end = Date.now() + 1600; Date.now() < end && statuses.length < 2000; await new Promise(resolve => setTimeout(resolve, 20)))
      statuses.push((await query()).status)
    const admitted = statuses.filter(s => s === 200).length
    expect(admitted + statuses.filter(s => s === 503).length).toBe(statuses.length)
    expect(expected(admitted)).toBe(true)
  })

  test('maxRequestsInWindow counts arrivals in (t - window, t]', async () => {
    const at = [0, 100, 999, 1000, 1001, 2500]
    emu.requests.push(...at.map(arrivedAt => ({ operation: 'query' as const, method: 'POST', path: '/', status: 200, arrivedAt, headers: {} })))
    expect(emu.maxRequestsInWindow()).toBe(4) // 100, 999, 1000, 1001 (0 is out of (1, 1001])
    expect(emu.maxRequestsInWindow(200)).toBe(3)
  })
})

describe('lifecycle', () => {
  test('close does not hang with keep-alive sockets open', async () => {
    const agent = new http.Agent({ keepAlive: true })
    await new Promise<void>((resolve, reject) => {
      http.get(url('/x'), { agent, headers: headers() }, res => res.resume().on('end', resolve)).on('error', reject)
    })
    const t0 = performance.now()
    await emu.close()
    expect(performance.now() - t0).toBeLessThan(1000)
    agent.destroy()
  })

  test('reset clears versions, requests and scripts', async () => {
    seedOne()
    emu.script('query', { status: 500 })
    await create(uploadParts(zip()))
    emu.reset()
    expect([emu.versions().length, emu.requests.length, emu.pendingFaults()]).toEqual([0, 0, 0])
    expect((await query()).status).toBe(200)
    expect(seedOne()).toBe('1001')
  })
})

describe('seedGroup', () => {
  const opts = { groupType: G, count: 120, seed: 42, protectedKinds: true }

  test('deterministic from the seed', async () => {
    const a = seedGroup(emu, opts)
    const other = new Emulator()
    const b = seedGroup(other, opts)
    expect(b).toEqual(a)
    const c = seedGroup(new Emulator(), { ...opts, seed: 43 })
    expect(c).not.toEqual(a)
    expect(a).toHaveLength(120)
    expect(emu.versions(G)).toEqual(a)
  })

  test('an upload after seeding continues both counters', async () => {
    seedGroup(emu, opts)
    const v = await json(await create(uploadParts(zip())))
    expect([v.versionId, v.displayVersion]).toEqual(['1121', '121'])
  })

  test('every protected kind, a tie, distinct dates otherwise, shuffled insertion', () => {
    const vs = seedGroup(emu, opts)
    expect(vs.filter(v => v.deleted).length).toBeGreaterThanOrEqual(2)
    expect(vs.filter(v => v.deleted).every(v => v.deletedDate !== undefined && v.deletedDate >= v.uploadedDate)).toBe(true)
    for (const s of ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED']) expect(vs.some(v => v.reviewStatus === s)).toBe(true)
    expect(vs.filter(v => v.releaseVersion).length).toBeGreaterThanOrEqual(1)
    expect(
      vs
        .filter(v => v.inUse)
        .map(v => v.inUse)
        .sort()
    ).toEqual(['prod', 'uat'])
    // Protected kinds never overlap, and never sit on a deleted version.
    const kinds = vs.map(v => [v.deleted, v.reviewStatus, v.releaseVersion, v.inUse].filter(Boolean).length)
    expect(Math.max(...kinds)).toBe(1)

    const dates = vs.map(v => v.uploadedDate)
    expect(new Set(dates).size).toBe(vs.length - 1) // exactly one tie
    const byDate = [...vs].sort((x, y) => x.uploadedDate.localeCompare(y.uploadedDate))
    expect(byDate.map(v => v.displayVersion)).not.toEqual(vs.map(v => v.displayVersion)) // shuffled
    expect(vs.some(v => /\nsha256: [0-9a-f]{64}$/.test(v.changeLog))).toBe(true)
    expect(vs.every(v => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(v.uploadedDate))).toBe(true)
  })

  test('without protected kinds or shuffle: plain, in date order', () => {
    const vs = seedGroup(emu, { groupType: G, count: 5, shuffle: false, startDate: new Date('2024-01-01T00:00:00Z'), spacingHours: 1 })
    expect(vs.map(v => v.versionId)).toEqual(['1001', '1002', '1003', '1004', '1005'])
    expect(vs.every(v => !v.deleted && !v.reviewStatus && !v.releaseVersion && !v.inUse)).toBe(true)
    const dates = vs.map(v => v.uploadedDate)
    expect([...dates].sort()).toEqual(dates)
  })
})
