// The HTTP client against the emulator over real loopback HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import * as http from 'node:http'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { laneSumOf } from '../../src/lane-sum.js'
import { Emulator } from '../../emulator/server.js'
import { seedGroup } from '../../emulator/seed.js'
import { ArchiveFile } from '../../src/archive/open.js'
import { HttpBoomiClient, PrefixNotFoundError } from '../../src/boomi/client.js'
import { PREFIXES_TO_TRY } from '../../src/boomi/contract.js'
import { BoomiError, CancelledError, NetworkError, OutcomeUnknownError, WithdrawnError } from '../../src/errors.js'
import { mayHaveTakenEffect } from '../../src/boomi/failures.js'
import { createTransport } from '../../src/net/transport.js'
import { Pacer } from '../../src/net/pacer.js'
import { realSleep } from '../../src/net/retry.js'
import { multipartBody } from '../../src/net/multipart.js'

const GROUP = 'acme-Q7XK2P-sample'
let emu: Emulator
const made: string[] = []

beforeAll(async () => {
  emu = new Emulator({ groups: [GROUP] })
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
  findPrefix?: readonly string[]
  sleep?: (ms: number) => Promise<void>
}

function client(opts: ClientSetup = {}) {
  const lines: string[] = []
  const log = { info: (l: string) => lines.push(l), warning: (l: string) => lines.push(`warning: ${l}`), debug: () => undefined }
  const server = opts.server ?? emu
  const c = new HttpBoomiClient({
    apiUrl: opts.apiUrl ?? server.apiUrl,
    findPrefix: opts.findPrefix,
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
      sleep: opts.sleep ?? realSleep,
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
    archive.checked({ sha256, laneSum: laneSumOf(readFileSync(file)) })
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
    archive.checked({ sha256: sha, laneSum: laneSumOf(readFileSync(file)) })
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

describe('finding the path prefix (api-url a host alone)', () => {
  const PARTNER = '/partner/api/rest/v1'
  const PLATFORM = '/api/rest/v1'
  const servers: Emulator[] = []
  afterAll(() => Promise.all(servers.map(s => s.close())))
  async function account(opts: ConstructorParameters<typeof Emulator>[0]): Promise<Emulator> {
    const server = new Emulator(opts)
    servers.push(server)
    await server.start()
    return server
  }
  const where = (server: Emulator): string[] =>
    server.requests.map(r => `${r.path.startsWith(PARTNER) ? 'partner' : r.path.startsWith(PLATFORM) ? 'platform' : r.path} ${r.operation}:${r.status}`)
  const finding = (server: Emulator, extra: ClientSetup = {}) => client({ server, apiUrl: server.hostUrl, findPrefix: PREFIXES_TO_TRY, ...extra })

  it('tries the platform prefix first and the partner prefix after it', () => {
    expect(PREFIXES_TO_TRY).toEqual([PLATFORM, PARTNER])
  })

  it('an account whose partner prefix answers 403: the platform prefix serves, the partner prefix is never asked', async () => {
    const server = await account({ prefixes: [PLATFORM], refusedPrefixes: { [PARTNER]: 403 } })
    seedGroup(server, { groupType: GROUP, count: 3, seed: 1 })
    const { c, lines } = finding(server)
    const listed = await c.listGroup(GROUP)
    await c.deleteVersion(GROUP, listed[0].versionId)
    expect(where(server)).toEqual(['platform query:200', 'platform delete:200'])
    expect(lines).toContain(`Boomi answered at ${server.urlFor(PLATFORM)}; setting api-url to ${server.urlFor(PLATFORM)} would pin this path prefix.`)
    expect(lines.filter(l => l.startsWith('warning: '))).toEqual([])
    expect(c.contact()).toEqual({ apiUrl: server.urlFor(PLATFORM), found: true, refused: [], notices: [] })
  })

  it.each([
    ['not served (404)', { prefixes: [PARTNER] }, 404],
    ['retired (410)', { prefixes: [PARTNER], retiredPrefixes: [PLATFORM] }, 410],
    ['refused (401)', { prefixes: [PARTNER], refusedPrefixes: { [PLATFORM]: 401 } }, 401],
    ['refused (403)', { prefixes: [PARTNER], refusedPrefixes: { [PLATFORM]: 403 } }, 403]
  ])('only the partner prefix serves, the platform one %s: one probe, then the partner prefix for the rest of the run', async (_case, opts, status) => {
    const server = await account(opts)
    seedGroup(server, { groupType: GROUP, count: 150, seed: 1 })
    const { c, lines } = finding(server)
    const listed = await c.listGroup(GROUP)
    expect(listed).toHaveLength(150)
    await c.deleteVersion(GROUP, listed[0].versionId)
    await c.listGroup(GROUP)
    const platform = status === 404 || status === 410 ? 'unknown' : 'query'
    expect(where(server)).toEqual([
      `platform ${platform}:${status}`,
      'partner query:200',
      'partner queryMore:200',
      'partner delete:200',
      'partner query:200',
      'partner queryMore:200'
    ])
    expect(lines.filter(l => l.startsWith('warning: '))).toEqual([
      `warning: Boomi answered at ${server.urlFor(PARTNER)} after ${PLATFORM} answered HTTP ${status}; set api-url to ${server.urlFor(PARTNER)} to skip that request on every run.`
    ])
    expect(c.contact()).toMatchObject({ apiUrl: server.urlFor(PARTNER), found: true, refused: [{ prefix: PLATFORM, status }] })
  })

  it('a 503 at the partner prefix after the platform one refused is retried there: the platform prefix is asked once', async () => {
    const server = await account({ prefixes: [PARTNER], refusedPrefixes: { [PLATFORM]: 403 } })
    server.script('query', { status: 503 }, { status: 502 })
    const { c } = finding(server)
    expect(await c.listGroup(GROUP)).toEqual([])
    expect(where(server)).toEqual(['platform query:403', 'partner query:503', 'partner query:502', 'partner query:200'])
  })

  it('a 503 at the platform prefix is retried there, not taken for a wrong prefix', async () => {
    const server = await account({ prefixes: [PLATFORM], refusedPrefixes: { [PARTNER]: 403 } })
    server.script('query', { status: 503 })
    const { c } = finding(server)
    expect(await c.listGroup(GROUP)).toEqual([])
    expect(where(server)).toEqual(['platform query:503', 'platform query:200'])
  })

  it('both prefixes refuse: one error with both answers and what each may mean, after two requests', async () => {
    const server = await account({ prefixes: ['/elsewhere/v1'], refusedPrefixes: { [PLATFORM]: 401, [PARTNER]: 403 } })
    const { c } = finding(server)
    const err = await c.listGroup(GROUP).catch(e => e)
    expect(err).toBeInstanceOf(PrefixNotFoundError)
    expect(err.message).toBe(
      `Boomi refused the listing under every path prefix of ${server.hostUrl}, so nothing was changed. ` +
        `${PLATFORM} answered HTTP 401 (Unauthorized): the credentials were refused: username or api-token is wrong, or the token expired or was revoked; ` +
        `${PARTNER} answered HTTP 403 (Access denied due to insufficient permissions.): the Partner API may not be enabled for this account (Boomi enables it on request), or the user lacks privileges. ` +
        'Check username (the Boomi user the token belongs to, e.g. ci-bot@acme.example: BOOMI_TOKEN. is added for you) and api-token (a current Boomi API token: a token can be mistyped, expired or revoked). ' +
        "If the account is on Boomi's EU platform, set api-url to https://api.platform.gb.boomi.com."
    )
    expect(where(server)).toEqual(['platform query:401', 'partner query:403'])
    // Not retried, and not asked again by a second listing of the run either.
    await expect(c.listGroup(GROUP)).rejects.toBeInstanceOf(PrefixNotFoundError)
    expect(server.requests).toHaveLength(2)
    expect(c.contact()).toMatchObject({ apiUrl: undefined, found: false })
  })

  it.each([
    ['https://api.boomi.com', [403, 403], false, true],
    ['https://api.platform.gb.boomi.com', [401, 403], true, false],
    ['https://api.boomi.com', [404, 404], false, false],
    ['https://api.boomi.com', [404, 401], true, true]
  ])('refused on %s with %j: the user name hint %s, the EU host hint %s', (host, statuses, userHint, euHint) => {
    const err = new PrefixNotFoundError(
      host,
      statuses.map((status, i) => ({ prefix: [PLATFORM, PARTNER][i], error: new BoomiError('query', status, 'no') }))
    )
    expect(err.message.includes('BOOMI_TOKEN. is added for you')).toBe(userHint)
    expect(err.message.includes("If the account is on Boomi's EU platform, set api-url to https://api.platform.gb.boomi.com.")).toBe(euHint)
  })

  it('both prefixes missing (404): the error points at account-id and the host', async () => {
    const server = await account({ prefixes: ['/elsewhere/v1'] })
    const err = await finding(server)
      .c.listGroup(GROUP)
      .catch(e => e)
    expect(err.message).toMatch(
      /\/api\/rest\/v1 answered HTTP 404 \(Not found: [^)]*\): nothing is served there for this account: check account-id and the host \(EU: https:\/\/api.platform.gb.boomi.com\)/
    )
  })

  it('nothing that changes anything is sent before a prefix answered', async () => {
    const server = await account({ prefixes: [PLATFORM] })
    const { c } = finding(server)
    await expect(c.deleteVersion(GROUP, '1')).rejects.toThrow(/delete request came before the API path prefix was found/)
    await expect(c.changeVersion(`${GROUP}-uat`, '1', 'n')).rejects.toThrow(/version change request came before/)
    const archive = await ArchiveFile.open(zipFile())
    try {
      const body = multipartBody({ archive, fileName: 'c.car.zip', size: 2048, groupType: GROUP, changeLog: 'x', sha256: 'a'.repeat(64) })
      await expect(c.createVersion(GROUP, body)).rejects.toThrow(/create request came before/)
    } finally {
      await archive.close()
    }
    expect(server.requests).toHaveLength(0)
  })

  it('an api-url with a path is used as given: no probing', async () => {
    const server = await account({ prefixes: [PLATFORM] })
    const { c } = client({ server, apiUrl: server.urlFor(PARTNER) })
    const err = await c.listGroup(GROUP).catch(e => e)
    expect(err).toBeInstanceOf(BoomiError)
    expect(err.status).toBe(404)
    expect(err.message).toMatch(
      /Check account-id, and api-url: its host \(EU: https:\/\/api.platform.gb.boomi.com\) and its path prefix, or give the host alone/
    )
    expect(server.requests).toHaveLength(1)
    // Given, not proved: the summary must not say that Boomi answered there.
    expect(c.contact()).toEqual({ apiUrl: undefined, found: false, refused: [], notices: [] })
    const { c: right } = client({ server, apiUrl: server.urlFor(PLATFORM) })
    await right.listGroup(GROUP)
    expect(right.contact()).toEqual({ apiUrl: server.urlFor(PLATFORM), found: false, refused: [], notices: [] })
  })

  it('only the first request may find the prefix: a later 404 is an error', async () => {
    const { c } = client({ apiUrl: emu.hostUrl, findPrefix: PREFIXES_TO_TRY })
    await c.listGroup(GROUP)
    emu.script('query', { status: 404 })
    await expect(c.listGroup(GROUP)).rejects.toThrow(/HTTP 404/)
    expect(emu.requests.map(r => r.path.startsWith(`${PLATFORM}/`))).toEqual([true, true])
  })
})

describe('a delete taken back when its turn comes', () => {
  it('is not sent: nothing reaches Boomi, and the caller is told it was withdrawn', async () => {
    const [v] = emu.seed([{ groupType: GROUP, uploadedDate: '2024-01-01T00:00:00Z' }])
    const { c } = client()
    const err = await c.deleteVersion(GROUP, v.versionId, () => false).catch(e => e)
    expect(err).toBeInstanceOf(WithdrawnError)
    expect(mayHaveTakenEffect(err)).toBe(false)
    expect(emu.requests).toEqual([])
    expect(await c.deleteVersion(GROUP, v.versionId, () => true)).toEqual({ outcome: 'deleted' })
    expect(emu.requests).toHaveLength(1)
  })

  it('a retry taken back after an attempt that lost its answer leaves the outcome unknown, told by the lost attempt, not the withdrawal', async () => {
    const [v] = emu.seed([{ groupType: GROUP, uploadedDate: '2024-01-01T00:00:00Z' }])
    emu.script('delete', { dropAfterCreate: true })
    const { c } = client()
    let asked = 0
    const answer = await c.deleteVersion(GROUP, v.versionId, () => ++asked === 1)
    expect(answer.outcome).toBe('unknown')
    const error = (answer as { error: unknown }).error
    expect(error).toBeInstanceOf(NetworkError)
    expect(emu.requests).toHaveLength(1)
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

  it.each([
    ['a cancel in the wait before the retry', [{ status: 500 }], true],
    ['a refusal of the retry', [{ status: 502 }, { status: 400, body: '{"message":"Invalid request"}' }], false]
  ])('a 5xx then %s: the outcome is not known, never "not made"', async (_case, script, cancel) => {
    const [v] = emu.seed([{ groupType: GROUP, uploadedDate: '2024-01-01T00:00:00Z' }])
    for (const answer of script) emu.script('versionChange', answer)
    const sleep = cancel ? () => Promise.reject(new CancelledError()) : realSleep
    const { c } = client({ sleep })
    const err = await c.changeVersion(`${GROUP}-uat`, v.versionId, 'n').catch(e => e)
    expect(err).toBeInstanceOf(OutcomeUnknownError)
    expect(mayHaveTakenEffect(err)).toBe(true)
    expect(err.message).toMatch(
      cancel
        ? /^The run was cancelled.*, after an attempt that may have done it \(version change failed: HTTP 500/
        : /HTTP 400.*after an attempt that may have done it \(.*HTTP 502/
    )
  })

  it('a refusal with no attempt before it that may have done the change stays a refusal', async () => {
    emu.script('versionChange', { status: 503 })
    emu.script('versionChange', { status: 403, body: '{"message":"Forbidden"}' })
    const { c } = client()
    const err = await c.changeVersion(`${GROUP}-uat`, '1', 'n').catch(e => e)
    expect(err).toBeInstanceOf(BoomiError)
    expect(mayHaveTakenEffect(err)).toBe(false)
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
