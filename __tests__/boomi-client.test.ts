// The HTTP client against the emulator over real loopback HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import * as http from 'node:http'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { crc32 } from 'node:zlib'
import { Emulator } from '../emulator/server.js'
import { seedGroup } from '../emulator/seed.js'
import { ArchiveFile } from '../src/archive/open.js'
import { HttpBoomiClient } from '../src/boomi/client.js'
import { BoomiError, NetworkError } from '../src/errors.js'
import { createTransport } from '../src/net/transport.js'
import { Pacer } from '../src/net/pacer.js'
import { realSleep } from '../src/net/retry.js'
import { multipartBody } from '../src/net/multipart.js'

const GROUP = 'acme-Q7XK2P-sample'
let emu: Emulator
const made: string[] = []

beforeAll(async () => {
  emu = new Emulator()
  await emu.start()
})
afterAll(async () => {
  await emu.close()
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => emu.reset())

interface ClientSetup {
  rps?: number
  maxAttempts?: number
  timeoutMs?: number
  apiToken?: string
  server?: Emulator
  apiUrl?: string
  fallbackApiUrl?: string
}

function client(opts: ClientSetup = {}) {
  const lines: string[] = []
  const log = { info: (l: string) => lines.push(l), warning: (l: string) => lines.push(`warning: ${l}`), debug: () => undefined }
  const server = opts.server ?? emu
  const c = new HttpBoomiClient({
    apiUrl: opts.apiUrl ?? server.apiUrl,
    fallbackApiUrl: opts.fallbackApiUrl,
    accountId: server.accountId,
    username: `BOOMI_TOKEN.${server.username}`,
    apiToken: opts.apiToken ?? server.apiToken,
    timeoutMs: opts.timeoutMs ?? 5000,
    transport: createTransport('boomi-connector-action/test'),
    pacer: new Pacer(opts.rps ?? 100, () => performance.now(), realSleep),
    retry: {
      maxAttempts: opts.maxAttempts ?? 3,
      baseDelayMs: 1,
      maxDelayMs: 5,
      maxRetryAfterMs: 50,
      sleep: realSleep,
      random: Math.random,
      log: l => lines.push(l)
    },
    log
  })
  return { c, lines }
}

function zipFile(size = 2048): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zip-'))
  made.push(dir)
  const file = path.join(dir, 'c.car.zip')
  const body = Buffer.alloc(size, 3)
  Buffer.from('PK\x03\x04').copy(body)
  writeFileSync(file, body)
  return file
}

describe('listGroup', () => {
  it('pages through queryMore until no token', async () => {
    seedGroup(emu, { groupType: GROUP, count: 250, seed: 1, protectedKinds: true })
    seedGroup(emu, { groupType: 'other', count: 3, seed: 2 })
    const { c } = client()
    const all = await c.listGroup(GROUP)
    expect(all).toHaveLength(250)
    expect(new Set(all.map(v => v.versionId)).size).toBe(250)
    expect(all.filter(v => v.deleted).length).toBeGreaterThan(0)
    expect(emu.requests.map(r => r.operation)).toEqual(['query', 'queryMore', 'queryMore'])
    expect(emu.requests[1].body).toMatch(/^[A-Za-z0-9+/=_-]+$/)
    expect(emu.requests[1].headers['content-type']).toMatch(/^text\/plain/)
  })

  it('starts over when a lost answer used up the page token', async () => {
    seedGroup(emu, { groupType: GROUP, count: 150, seed: 1 })
    emu.script('queryMore', { dropAfterCreate: true })
    const { c, lines } = client()
    expect(await c.listGroup(GROUP)).toHaveLength(150)
    expect(emu.requests.map(r => `${r.operation}:${r.status}`)).toEqual(['query:200', 'queryMore:0', 'queryMore:400', 'query:200', 'queryMore:200'])
    expect(lines.join('\n')).toMatch(/listing acme-Q7XK2P-sample again from the start/)
  })

  it('retries a refused page with the same token', async () => {
    seedGroup(emu, { groupType: GROUP, count: 150, seed: 1 })
    emu.script('queryMore', { status: 503 })
    const { c } = client()
    expect(await c.listGroup(GROUP)).toHaveLength(150)
    expect(emu.requests.map(r => `${r.operation}:${r.status}`)).toEqual(['query:200', 'queryMore:503', 'queryMore:200'])
  })
})

describe('errors', () => {
  it.each([
    ['{"message":"flat"}', 'application/json', 'flat'],
    ['{"error":{"message":"nested"}}', 'application/json', 'nested'],
    ['{"@type":"Error","message":"typed"}', 'application/json', 'typed'],
    ['<error><message>in xml</message></error>', 'application/xml', 'in xml'],
    ['Service Unavailable', 'text/plain', 'Service Unavailable']
  ])('reads %s into one error type', async (body, contentType, message) => {
    emu.script('query', { status: 400, body, contentType })
    const { c } = client()
    const err = await c.listGroup(GROUP).catch(e => e)
    expect(err).toBeInstanceOf(BoomiError)
    expect(err.status).toBe(400)
    expect(err.boomiMessage).toBe(message)
  })

  it('401 is not retried and says what to check', async () => {
    const { c } = client({ apiToken: 'nope' })
    const err = await c.listGroup(GROUP).catch(e => e)
    expect(err.status).toBe(401)
    expect(err.message).toMatch(/Check username .* and api-token/)
    expect(emu.requests).toHaveLength(1)
  })

  it('a refused delete carries Boomi’s reason', async () => {
    const [v] = emu.seed([{ groupType: GROUP, uploadedDate: '2024-01-01T00:00:00Z', reviewStatus: 'APPROVED' }])
    const { c } = client()
    const err = await c.deleteVersion(GROUP, v.versionId).catch(e => e)
    expect(err.status).toBe(400)
    expect(err.boomiMessage).toMatch(/APPROVED/)
  })

  it('a delete whose answer was lost and whose retry is refused answers unknown, not a failure: only a listing can tell', async () => {
    const [v] = emu.seed([{ groupType: GROUP, uploadedDate: '2024-01-01T00:00:00Z' }])
    emu.script('delete', { dropAfterCreate: true }, { status: 400, body: '{"message":"not found"}', contentType: 'application/json' })
    const { c } = client()
    const answer = await c.deleteVersion(GROUP, v.versionId)
    expect(answer).toMatchObject({ outcome: 'unknown', error: { status: 400 } })
    expect(emu.requests.filter(q => q.operation === 'delete')).toHaveLength(2)
  })

  it('a delete refused at once throws: its outcome is known', async () => {
    const [v] = emu.seed([{ groupType: GROUP, uploadedDate: '2024-01-01T00:00:00Z' }])
    emu.script('delete', { status: 409, body: '{"message":"in use"}', contentType: 'application/json' })
    const { c } = client()
    await expect(c.deleteVersion(GROUP, v.versionId)).rejects.toMatchObject({ status: 409 })
  })

  it('a hung upload times out as a network error that may have created the version', async () => {
    emu.script('create', { hangMs: 1500 })
    const { c } = client({ timeoutMs: 300 })
    const file = zipFile()
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex')
    const archive = await ArchiveFile.open(file)
    archive.checked({ sha256, crc32: crc32(readFileSync(file)) })
    const body = multipartBody({ archive, fileName: 'c.car.zip', size: 2048, groupType: GROUP, changeLog: 'x', sha256 })
    const err = await c.createVersion(GROUP, body).catch(e => e)
    await archive.close()
    expect(err).toBeInstanceOf(NetworkError)
    expect(err.code).toBe('ETIMEDOUT')
    expect(err.notSent).toBe(false)
  })

  it('a refused connection is known to have sent nothing', async () => {
    const closed = new Emulator()
    await closed.start()
    const url = closed.apiUrl
    await closed.close()
    const c = new HttpBoomiClient({
      apiUrl: url,
      accountId: 'a',
      username: 'BOOMI_TOKEN.u',
      apiToken: 't',
      timeoutMs: 2000,
      transport: createTransport('t'),
      pacer: new Pacer(100, () => performance.now(), realSleep),
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1, sleep: realSleep, random: Math.random, log: () => undefined },
      log: { info: () => undefined, warning: () => undefined, debug: () => undefined }
    })
    const err = await c.listGroup(GROUP).catch(e => e)
    expect(err).toBeInstanceOf(NetworkError)
    expect(err.notSent).toBe(true)
  })
})

describe('upload body', () => {
  it('streams all four parts, file last with its name, with an exact Content-Length; rebuilt on each attempt', async () => {
    const file = zipFile(300_000)
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex')
    const archive = await ArchiveFile.open(file)
    archive.checked({ sha256: sha, crc32: crc32(readFileSync(file)) })
    const body = multipartBody({ archive, fileName: 'c.car.zip', size: 300_000, groupType: GROUP, changeLog: 'notes\n\nsha256: ' + sha, sha256: sha })
    emu.script('create', { status: 503 })
    const { c } = client()
    await expect(c.createVersion(GROUP, body)).rejects.toThrow(/503/)
    const v = await c.createVersion(GROUP, body)
    const creates = emu.requests.filter(r => r.operation === 'create')
    expect(creates).toHaveLength(2)
    const ok = creates[1]
    expect(ok.partOrder).toEqual(['groupType', 'changeLog', 'sha256Checksum', 'connectorVersionArchive'])
    expect(ok.fileName).toBe('c.car.zip')
    expect(ok.fileSize).toBe(300_000)
    expect(ok.fileSha256).toBe(sha)
    expect(Number(ok.headers['content-length'])).toBe(body.length)
    expect(ok.headers['transfer-encoding']).toBeUndefined()
    expect(v.versionId).toBe(emu.live(GROUP)[0].versionId)
    await archive.close()
  })
})

describe('pacing against a rate-limited server', () => {
  it('stays within requests-per-second over every rolling second: no 503', async () => {
    const limited = new Emulator({ rateLimit: 8 })
    await limited.start()
    try {
      seedGroup(limited, { groupType: GROUP, count: 20, seed: 4 })
      const c = new HttpBoomiClient({
        apiUrl: limited.apiUrl,
        accountId: limited.accountId,
        username: `BOOMI_TOKEN.${limited.username}`,
        apiToken: limited.apiToken,
        timeoutMs: 5000,
        transport: createTransport('t'),
        pacer: new Pacer(8, () => performance.now(), realSleep),
        retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1, sleep: realSleep, random: Math.random, log: () => undefined },
        log: { info: () => undefined, warning: () => undefined, debug: () => undefined }
      })
      const versions = (await c.listGroup(GROUP)).filter(v => !v.deleted)
      // 1 query + 16 deletes, 4 in flight at a time: about two seconds
      await Promise.all(
        [0, 1, 2, 3].map(async w => {
          for (let i = w; i < 16; i += 4) await c.deleteVersion(GROUP, versions[i].versionId)
        })
      )
      expect(limited.requests.filter(r => r.status === 503)).toHaveLength(0)
      expect(limited.maxRequestsInWindow(1000)).toBeLessThanOrEqual(8)
      expect(limited.requests).toHaveLength(17)
    } finally {
      await limited.close()
    }
  })
})

describe('the path prefix fallback (default api-url only)', () => {
  const PARTNER = '/partner/api/rest/v1'
  const PLATFORM = '/api/rest/v1'
  let other: Emulator
  beforeAll(async () => {
    other = new Emulator({ prefixes: [PLATFORM], retiredPrefixes: ['/retired/api/rest/v1'] })
    await other.start()
  })
  afterAll(() => other.close())
  beforeEach(() => other.reset())

  it('a 404 on the first listing moves the run to the other prefix, once, with one warning', async () => {
    seedGroup(other, { groupType: GROUP, count: 3, seed: 1 })
    const { c, lines } = client({ server: other, apiUrl: other.urlFor(PARTNER), fallbackApiUrl: other.urlFor(PLATFORM) })
    const listed = await c.listGroup(GROUP)
    expect(listed).toHaveLength(3)
    await c.deleteVersion(GROUP, listed[0].versionId)
    expect(other.requests.map(r => `${r.path.startsWith(PARTNER) ? 'partner' : 'platform'} ${r.operation}:${r.status}`)).toEqual([
      'partner unknown:404',
      'platform query:200',
      'platform delete:200'
    ])
    const warnings = lines.filter(l => l.startsWith('warning: '))
    expect(warnings).toEqual([
      `warning: Boomi answered at ${other.urlFor(PLATFORM)}, not at the default ${other.urlFor(PARTNER)}; set api-url: ${other.urlFor(PLATFORM)} to skip this extra request.`
    ])
  })

  it('a 410 (retired) on the first listing also tries the other prefix', async () => {
    const { c } = client({ server: other, apiUrl: other.urlFor('/retired/api/rest/v1'), fallbackApiUrl: other.urlFor(PLATFORM) })
    expect(await c.listGroup(GROUP)).toEqual([])
    expect(other.requests.map(r => r.status)).toEqual([410, 200])
  })

  it('an api-url the user gave is used as given: no fallback', async () => {
    const { c } = client({ server: other, apiUrl: other.urlFor(PARTNER) })
    const err = await c.listGroup(GROUP).catch(e => e)
    expect(err).toBeInstanceOf(BoomiError)
    expect(err.status).toBe(404)
    expect(other.requests).toHaveLength(1)
  })

  it('when the other prefix fails too, the error is the first one and says so', async () => {
    const { c } = client({ server: other, apiUrl: other.urlFor(PARTNER), fallbackApiUrl: other.urlFor('/nowhere/v1') })
    const err = await c.listGroup(GROUP).catch(e => e)
    expect(err.status).toBe(404)
    expect(err.message).toMatch(/Check api-url and its path prefix/)
    expect(err.message).toMatch(new RegExp(`The other path prefix, ${other.urlFor('/nowhere/v1')}, was tried too and failed as well \\(HTTP 404\\)`))
    expect(other.requests).toHaveLength(2)
  })

  it('only the first request may move the client: a later 404 is an error', async () => {
    const { c } = client({ apiUrl: emu.apiUrl, fallbackApiUrl: emu.urlFor(PLATFORM) })
    await c.listGroup(GROUP)
    emu.script('query', { status: 404 })
    await expect(c.listGroup(GROUP)).rejects.toThrow(/HTTP 404/)
    expect(emu.requests.map(r => r.path.startsWith(PARTNER))).toEqual([true, true])
  })
})

describe('changeVersion', () => {
  it('switches a private classification: APPROVED, with the three fields sent as JSON', async () => {
    const [v] = emu.seed([{ groupType: GROUP, uploadedDate: '2024-01-01T00:00:00Z' }])
    emu.setClassification(GROUP, 'uat', { visibility: 'PRIVATE' })
    const { c } = client()
    expect(await c.changeVersion(`${GROUP}-uat`, v.versionId, 'notes')).toEqual({
      classificationType: `${GROUP}-uat`,
      versionId: v.versionId,
      reviewStatus: 'APPROVED'
    })
    const [sent] = emu.requests
    expect(sent.path).toBe(`${emu.prefix}/${emu.accountId}/ConnectorVersionChange`)
    expect(sent.headers['content-type']).toMatch(/^application\/json/)
    expect(JSON.parse(sent.body ?? '')).toEqual({ classificationType: `${GROUP}-uat`, versionId: v.versionId, releaseNotes: 'notes' })
    expect(emu.classifications(GROUP).uat.versionId).toBe(v.versionId)
  })

  it('a public classification answers PENDING', async () => {
    const [v] = emu.seed([{ groupType: GROUP, uploadedDate: '2024-01-01T00:00:00Z' }])
    emu.setClassification(GROUP, 'prod', { visibility: 'PUBLIC' })
    const { c } = client()
    expect((await c.changeVersion(`${GROUP}-prod`, v.versionId, 'n')).reviewStatus).toBe('PENDING')
  })

  it('is retried like every request (sending it again is harmless)', async () => {
    const [v] = emu.seed([{ groupType: GROUP, uploadedDate: '2024-01-01T00:00:00Z' }])
    emu.setClassification(GROUP, 'uat', { visibility: 'PRIVATE' })
    emu.script('versionChange', { status: 502 })
    const { c } = client()
    expect((await c.changeVersion(`${GROUP}-uat`, v.versionId, 'n')).reviewStatus).toBe('APPROVED')
    expect(emu.requests.map(r => r.status)).toEqual([502, 200])
  })

  it('an unknown classification is refused with the hint to check it in the Developer tab', async () => {
    const [v] = emu.seed([{ groupType: GROUP, uploadedDate: '2024-01-01T00:00:00Z' }])
    const { c } = client()
    const err = await c.changeVersion(`${GROUP}-qa`, v.versionId, 'n').catch(e => e)
    expect(err).toBeInstanceOf(BoomiError)
    expect(err.status).toBe(400)
    expect(err.message).toMatch(new RegExp(`Check that classification '${GROUP}-qa' exists for this group in the Developer tab`))
    expect(emu.requests).toHaveLength(1)
  })

  it('a 403 names the privileges', async () => {
    emu.script('versionChange', { status: 403, body: '{"message":"Forbidden"}' })
    const { c } = client()
    const err = await c.changeVersion(`${GROUP}-uat`, '1', 'n').catch(e => e)
    expect(err.status).toBe(403)
    expect(err.message).toMatch(/Developer and API privileges .* Connector Submission privilege/)
  })
})

describe('a host name that does not resolve', () => {
  // The resolver is replaced, so nothing leaves this machine: the agent's lookup answers as a resolver would.
  function unresolved(code: 'ENOTFOUND' | 'EAI_AGAIN') {
    let lookups = 0
    const lookup = (host: string, _opts: unknown, callback: (err: NodeJS.ErrnoException) => void): void => {
      lookups++
      callback(Object.assign(new Error(`getaddrinfo ${code} ${host}`), { code }))
    }
    const agent = new http.Agent({ lookup } as http.AgentOptions)
    const lines: string[] = []
    const c = new HttpBoomiClient({
      apiUrl: 'http://localhost:1/api/rest/v1',
      accountId: 'a',
      username: 'BOOMI_TOKEN.u',
      apiToken: 't',
      timeoutMs: 2000,
      transport: createTransport('t', { agentFor: () => agent }),
      pacer: new Pacer(100, () => performance.now(), realSleep),
      retry: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1, sleep: realSleep, random: Math.random, log: l => lines.push(l) },
      log: { info: () => undefined, warning: () => undefined, debug: () => undefined }
    })
    return { c, lines, lookups: () => lookups, agent }
  }

  it.each([
    ['ENOTFOUND', 1],
    ['EAI_AGAIN', 2]
  ] as const)('%s: tried %i time(s) in all, not max-attempts, and the message points at api-url', async (code, tries) => {
    const { c, lines, lookups, agent } = unresolved(code)
    try {
      const err = await c.listGroup(GROUP).catch(e => e)
      expect(err).toBeInstanceOf(NetworkError)
      expect(err.message).toMatch(new RegExp(`could not be resolved \\(getaddrinfo ${code} localhost\\)\\. Check the host in api-url`))
      expect(err.message).not.toMatch(/max-attempts/)
      expect(lookups()).toBe(tries)
      expect(lines).toHaveLength(tries - 1)
    } finally {
      agent.destroy()
    }
  })
})
