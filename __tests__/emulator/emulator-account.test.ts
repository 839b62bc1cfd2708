/**
 * The emulator as one account: the prefixes it serves, the rate limit every group and client
 * shares, the counters behind `GET /__stats`, the competing client, and the CLI's flags.
 * Real HTTP on 127.0.0.1, every load bounded in count.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { crc32, deflateRawSync } from 'node:zlib'
import yauzl from 'yauzl'
import { FLAG_NAMES, parseCliOptions, USAGE, UsageError } from '../../emulator/cli-options.js'
import { startCompetitor } from '../../emulator/competitor.js'
import { seedGroups } from '../../emulator/seed.js'
import { Emulator, type EmulatorOptions } from '../../emulator/server.js'
import { isLoopbackAddress } from '../../emulator/stats.js'
import { clientOf, json, sha256, uploadParts } from '../helpers/emulator-client.js'

const G = 'acme-Q7XK2P-sample'
const H = 'acme-Q7XK2P-other'
let emu: Emulator | undefined
async function startEmu(opts: EmulatorOptions = {}): Promise<Emulator> {
  emu = new Emulator({ groups: [G], ...opts })
  await emu.start()
  return emu
}
afterEach(async () => {
  await emu?.close()
  emu = undefined
})
const zipMagic = (s = 'x'): Buffer => Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from(s)])

describe('prefixes', () => {
  test('serving only /api/rest/v1: 404 under /partner/api/rest/v1', async () => {
    const e = await startEmu({ prefixes: ['/api/rest/v1/'] })
    expect(e.apiUrl).toBe(`http://127.0.0.1:${e.port}/api/rest/v1`)
    expect(e.prefix).toBe('/api/rest/v1')
    const served = await clientOf(e).query(G)
    expect(served.status).toBe(200)
    const other = await clientOf(e, e.urlFor('/partner/api/rest/v1')).query(G)
    expect(other.status).toBe(404)
    expect((await json(other)).message).toBe(`Not found: POST /partner/api/rest/v1/${e.accountId}/ConnectorVersion/query`)
    expect(e.requests.map(r => [r.operation, r.status])).toEqual([
      ['query', 200],
      ['unknown', 404]
    ])
  })

  test('a retired prefix answers 410; several prefixes are served alike; apiUrl is the first', async () => {
    const e = await startEmu({ prefixes: ['/partner/api/rest/v1', '/api/rest/v1'], retiredPrefixes: ['/api/rest/v0'] })
    expect(e.apiUrl).toBe(e.urlFor('/partner/api/rest/v1'))
    expect((await clientOf(e, e.urlFor('/api/rest/v1')).query(G)).status).toBe(200)
    expect((await clientOf(e).query(G)).status).toBe(200)
    const gone = await clientOf(e, e.urlFor('/api/rest/v0')).query(G)
    expect(gone.status).toBe(410)
    expect((await json(gone)).message).toMatch(/^Gone: POST \/api\/rest\/v0\//)
    expect((await clientOf(e, e.urlFor('/elsewhere')).query(G)).status).toBe(404)
  })

  test('a refused prefix answers its status to good credentials, 401 to bad ones, and serves nothing', async () => {
    const e = await startEmu({ prefixes: ['/api/rest/v1'], refusedPrefixes: { '/partner/api/rest/v1/': 403, '/other/v1': 401 } })
    e.seed([{ groupType: G, uploadedDate: '2026-01-01T00:00:00Z' }])
    const partner = await clientOf(e, e.urlFor('/partner/api/rest/v1')).query(G)
    expect(partner.status).toBe(403)
    expect(await json(partner)).toEqual({ message: 'Access denied due to insufficient permissions.' })
    const other = await clientOf(e, e.urlFor('/other/v1')).query(G)
    expect(other.status).toBe(401)
    expect(other.headers.get('www-authenticate')).toBe('Basic realm="Boomi"')
    const partnerClient = clientOf(e, e.urlFor('/partner/api/rest/v1'))
    const badToken = await fetch(partnerClient.url('ConnectorVersion/query'), {
      method: 'POST',
      headers: partnerClient.headers({ Authorization: `Basic ${Buffer.from('BOOMI_TOKEN.x:wrong').toString('base64')}` }),
      body: '{}'
    })
    expect(badToken.status).toBe(401)
    expect(e.requests.map(r => [r.operation, r.status])).toEqual([
      ['query', 403],
      ['query', 401],
      ['query', 401]
    ])
    expect(() => new Emulator({ refusedPrefixes: { '/x': 500 } })).toThrow(/4xx/)
  })

  test('a prefix must be an absolute path', () => {
    expect(() => new Emulator({ prefixes: ['api/rest/v1'] })).toThrow(/bad prefix/)
    expect(() => new Emulator({ prefixes: [] })).toThrow(/at least one/)
  })
})

describe('one account shared by every group and client', () => {
  test('the rate limit is the account’s: two groups hit at once share it', async () => {
    const e = await startEmu({ rateLimit: 6 })
    const api = clientOf(e)
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => api.query(i % 2 ? G : H)))
    expect(answers.filter(r => r.status === 200)).toHaveLength(6)
    expect(answers.filter(r => r.status === 503)).toHaveLength(6)
    const s = e.stats()
    expect([s.requests, s.status503, s.rateLimited]).toEqual([12, 6, 6])
    expect(s.byGroup[G].requests + s.byGroup[H].requests).toBe(12)
    expect([s.byGroup[G].requests, s.byGroup[H].requests]).toEqual([6, 6])
    expect(s.byGroup[G].status503 + s.byGroup[H].status503).toBe(6)
  })

  test('GET /__stats: counters per group, never rate-limited or recorded; other methods 405', async () => {
    const e = await startEmu({ rateLimit: 1 })
    const api = clientOf(e)
    e.seed([{ groupType: H, uploadedDate: '2024-01-01T00:00:00Z' }])
    expect((await api.create(uploadParts(zipMagic(), G, 'notes'))).status).toBe(200)
    expect((await api.del(H, '1001')).status).toBe(503)
    const seen = []
    for (let i = 0; i < 3; i++) {
      const r = await fetch(e.statsUrl)
      expect(r.status).toBe(200)
      seen.push(await r.json())
    }
    expect(seen[2]).toEqual({
      requests: 2,
      status503: 1,
      rateLimited: 1,
      dropped: 0,
      byGroup: {
        [G]: { requests: 1, status503: 0, rateLimited: 0, dropped: 0 },
        [H]: { requests: 1, status503: 1, rateLimited: 1, dropped: 0 }
      }
    })
    expect(e.requests).toHaveLength(2)
    expect((await fetch(e.statsUrl, { method: 'POST', body: '{}' })).status).toBe(405)
    e.reset()
    expect(await (await fetch(e.statsUrl)).json()).toEqual({ requests: 0, status503: 0, rateLimited: 0, dropped: 0, byGroup: {} })
  })

  test('queryMore and version changes are counted for their group', async () => {
    const e = await startEmu({ pageSize: 2 })
    const api = clientOf(e)
    const [v] = e.seed([1, 2, 3].map(d => ({ groupType: G, uploadedDate: `2024-01-0${d}T00:00:00Z` })))
    e.setClassification(G, 'uat', { visibility: 'PRIVATE' })
    const first = await json(await api.query(G))
    const more = await fetch(api.url('ConnectorVersion/queryMore'), {
      method: 'POST',
      headers: api.headers({ 'Content-Type': 'text/plain' }),
      body: first.queryToken
    })
    expect(more.status).toBe(200)
    expect((await api.change({ classificationType: `${G}-uat`, versionId: v.versionId })).status).toBe(200)
    expect(e.stats().byGroup[G].requests).toBe(3)
    expect(e.requests.map(r => r.groupType)).toEqual([G, G, G])
  })

  test('only loopback peers may read the counters', () => {
    expect(['127.0.0.1', '127.4.5.6', '::1', '::ffff:127.0.0.1'].map(isLoopbackAddress)).toEqual([true, true, true, true])
    expect(['10.0.0.1', '::ffff:10.0.0.1', '128.0.0.1', 'fe80::1', '', undefined].map(isLoopbackAddress)).toEqual([false, false, false, false, false, false])
  })
})

describe('competing client', () => {
  test('its queries count against the account limit and come back throttled', async () => {
    const e = await startEmu({ rateLimit: 5 })
    const { apiUrl, accountId, username, apiToken } = e
    const c = startCompetitor({ apiUrl, accountId, username, apiToken, requestsPerSecond: 400, durationMs: 1000, maxRequests: 8 })
    const result = await c.done
    // All eight arrive well inside one second: five admitted, three refused.
    expect(result).toEqual({ sent: 8, throttled: 3, failed: 0 })
    expect(e.stats()).toMatchObject({ requests: 8, status503: 3, byGroup: { 'competitor-pipeline': { requests: 8 } } })
    expect(e.requests.every(r => r.operation === 'query')).toBe(true)
    expect(await c.stop()).toEqual(result)
  })

  test('bounded by duration and by count; stop ends it early', async () => {
    const e = await startEmu()
    const { apiUrl, accountId, username, apiToken } = e
    const byCount = await startCompetitor({ apiUrl, accountId, username, apiToken, requestsPerSecond: 1000, durationMs: 60_000, maxRequests: 3 }).done
    expect(byCount.sent).toBe(3)
    const byTime = await startCompetitor({ apiUrl, accountId, username, apiToken, requestsPerSecond: 20, durationMs: 120 }).done
    expect(byTime.sent).toBeGreaterThanOrEqual(1)
    expect(byTime.sent).toBeLessThanOrEqual(3) // ceil(20/s × 0.12 s)
    const long = startCompetitor({ apiUrl, accountId, username, apiToken, requestsPerSecond: 10, durationMs: 3_600_000 })
    const stopped = await long.stop()
    expect(stopped.sent).toBe(1) // the first is sent at once; the rest never
    expect(e.requests).toHaveLength(3 + byTime.sent + 1)
  })

  test('a wrong token is counted as failed, not throttled', async () => {
    const e = await startEmu()
    const r = await startCompetitor({
      apiUrl: e.apiUrl,
      accountId: e.accountId,
      username: e.username,
      apiToken: 'nope',
      requestsPerSecond: 100,
      durationMs: 1000,
      maxRequests: 2
    }).done
    expect(r).toEqual({ sent: 2, throttled: 0, failed: 2 })
  })

  test.each([
    ['a zero rate', { requestsPerSecond: 0 }],
    ['an endless duration', { durationMs: Infinity }],
    ['a fractional count', { maxRequests: 1.5 }],
    ['https', { apiUrl: 'https://127.0.0.1:1/api' }]
  ])('refuses %s', (_name, bad) => {
    const good = { apiUrl: 'http://127.0.0.1:1/api', accountId: 'a', username: 'u', apiToken: 't', requestsPerSecond: 1, durationMs: 1000 }
    expect(() => startCompetitor({ ...good, ...bad })).toThrow(RangeError)
  })
})

/** A real zip (deflated entries, central directory), written here so no binary fixture is checked in. */
function realZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of Object.entries(entries)) {
    const raw = Buffer.from(text)
    const data = deflateRawSync(raw)
    const n = Buffer.from(name)
    const common = (h: Buffer, at: number): void => {
      h.writeUInt16LE(20, at) // version needed
      h.writeUInt16LE(8, at + 4) // deflate
      h.writeUInt32LE(0x21, at + 6) // DOS time/date: 1980-01-01
      h.writeUInt32LE(crc32(raw), at + 10)
      h.writeUInt32LE(data.length, at + 14)
      h.writeUInt32LE(raw.length, at + 18)
      h.writeUInt16LE(n.length, at + 22)
    }
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    common(local, 4)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4) // version made by
    common(central, 6)
    central.writeUInt32LE(offset, 42)
    locals.push(local, n, data)
    centrals.push(central, n)
    offset += local.length + n.length + data.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(entries).length, 8)
  end.writeUInt16LE(Object.keys(entries).length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

function entryNames(zip: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: false }, (err, z) => {
      if (err || !z) return reject(err)
      const names: string[] = []
      z.on('entry', (entry: yauzl.Entry) => names.push(entry.fileName))
      z.on('end', () => resolve(names))
      z.on('error', reject)
    })
  )
}

describe('archives and change logs are kept as given', () => {
  test('a real connector zip built by a test is accepted and hashed', async () => {
    const e = await startEmu()
    const car = realZip({
      'META-INF/connector-config.xml':
        '<GenericConnector sdkApiVersion="2.0.0"><connectorClassName>com.acme.SampleConnector</connectorClassName></GenericConnector>',
      'lib/sample-connector.jar': 'not really a jar, but the outer zip is real'
    })
    expect(await entryNames(car)).toEqual(['META-INF/connector-config.xml', 'lib/sample-connector.jar'])
    const r = await clientOf(e).create(uploadParts(car, G, 'Release 1.0'))
    expect(r.status).toBe(200)
    expect(e.versions(G)[0]).toMatchObject({ archiveSha256: sha256(car), archiveSize: car.length, changeLog: 'Release 1.0' })
  })

  test.each([
    ['CRLF and blank lines', 'Release 1.0\r\n\r\n- a\r\n- b\r\n\r\ncontent-sha256: ab\r\nsha256: cd'],
    ['leading and trailing white space', '  \n\tindented\n\n  '],
    ['Unicode and HTML', 'Größe ✓ 日本 <b>&amp;</b> `code` 🚀'],
    ['a long text', `${'x'.repeat(4100)}\n\nsha256: ${'a'.repeat(64)}`]
  ])('%s', async (_name, changeLog) => {
    const e = await startEmu()
    const api = clientOf(e)
    const created = await json(await api.create(uploadParts(zipMagic(), G, changeLog)))
    expect(created.changeLog).toBe(changeLog)
    expect(e.versions(G)[0].changeLog).toBe(changeLog)
    expect((await json(await api.query(G))).result[0].changeLog).toBe(changeLog)
  })
})

describe('CLI', () => {
  test('repeatable and comma-listed groups and prefixes; numbers checked', () => {
    const o = parseCliOptions(['--group', 'a,b', '--group', 'c', '--group', 'a', '--seed', '20', '--rate-limit', '10', '--prefix', '/api/rest/v1', '--quiet'])
    expect(o.groups).toEqual(['a', 'b', 'c'])
    expect(o.seed).toBe(20)
    expect(o.emulator).toMatchObject({ rateLimit: 10, prefixes: ['/api/rest/v1'], port: 0 })
    expect(o.quiet).toBe(true)
    expect(o.compete).toBeUndefined()
    expect(parseCliOptions([]).groups).toEqual([G])
    expect(parseCliOptions(['--compete-rps', '5']).compete).toEqual({ requestsPerSecond: 5, durationMs: 3_600_000, groupType: 'competitor-pipeline' })
    expect(parseCliOptions(['--refused-prefix', '/partner/api/rest/v1', '--refused-prefix', '/x=401']).emulator.refusedPrefixes).toEqual({
      '/partner/api/rest/v1': 403,
      '/x': 401
    })
    expect(parseCliOptions([]).emulator.answers).toEqual({})
    expect(parseCliOptions([]).emulator.rateLimitCounts).toBeUndefined()
    expect(parseCliOptions(['--rate-limit', '10', '--rate-limit-counts', 'all']).emulator).toMatchObject({ rateLimit: 10, rateLimitCounts: 'all' })
    expect(parseCliOptions(['--answers', 'earlier,milliseconds', '--answers', 'describing=null,page-count']).emulator.answers).toEqual({
      numberOfResults: 'page',
      describing: 'null',
      milliseconds: true
    })
    for (const bad of [
      ['--seed', 'x'],
      ['--rate-limit', '0'],
      ['--rate-limit-counts', 'refused'],
      ['--port', '70000'],
      ['--group', 'a,,b'],
      ['--compete-rps', ''],
      ['--answers', 'describing=xml'],
      ['--answers', 'milliseconds=yes'],
      ['--nope'],
      ['stray'],
      ['--refused-prefix', '/x=500'],
      ['--refused-prefix', '/x=40.5']
    ]) {
      expect(() => parseCliOptions(bad)).toThrow(UsageError)
    }
  })

  test('--group names the groups that exist, seeded or not: a create into another answers 400', async () => {
    expect(parseCliOptions(['--group', 'a,b', '--group', 'a']).emulator.groups).toEqual(['a', 'b'])
    expect(parseCliOptions([]).emulator.groups).toEqual([G])
    const e = await startEmu({ groups: undefined, ...parseCliOptions(['--group', H]).emulator })
    const api = clientOf(e)
    expect((await api.create(uploadParts(zipMagic(), H))).status).toBe(200)
    const refused = await api.create(uploadParts(zipMagic(), G))
    expect(refused.status).toBe(400)
    expect(await json(refused)).toEqual({ message: `Connector group type '${G}' does not exist.` })
    expect((await json(await api.query(G))).result).toEqual([])
  })

  test('--help (or -h): asked for whatever else is on the line; the usage has one line for every flag', () => {
    expect(parseCliOptions([]).help).toBe(false)
    expect(parseCliOptions(['--help']).help).toBe(true)
    expect(parseCliOptions(['-h']).help).toBe(true)
    expect(parseCliOptions(['--seed', 'x', '--help']).help).toBe(true)
    expect(() => parseCliOptions(['--help', '--nope'])).toThrow(UsageError)
    const lines = USAGE.split('\n')
    expect(lines[0]).toMatch(/^Usage: /)
    for (const name of FLAG_NAMES) {
      expect([name, lines.filter(l => new RegExp(`^  --${name}\\b(?!-)`).test(l)).length]).toEqual([name, 1])
    }
    expect(lines.filter(l => l.startsWith('  --'))).toHaveLength(FLAG_NAMES.length)
    expect(USAGE.endsWith('\n')).toBe(true)
  })

  test('each group is seeded; the first exactly as before (PRNG seed 1)', async () => {
    const e = await startEmu()
    const now = new Date('2025-03-01T12:00:00Z')
    seedGroups(e, [G, H], 20, now)
    expect([e.versions(G).length, e.versions(H).length]).toEqual([20, 20])
    expect(Object.keys(e.classifications(H)).sort()).toEqual(['prod', 'uat'])
    const alone = new Emulator()
    seedGroups(alone, [G], 20, now)
    expect(e.versions(G)).toEqual(alone.versions(G))
    expect(e.versions(H).map(v => v.changeLog)).not.toEqual(e.versions(G).map(v => v.changeLog))
  })
})
