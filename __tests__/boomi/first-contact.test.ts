// First contact with an account (docs/behaviour.md, "Finding the prefix" and
// "First contact"): a whole release against the emulator in-process, with
// api-url a host alone, for the two accounts the prefix search exists for;
// the refusal hints; answer headers; and what a dry run says it proved.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { Emulator, type EmulatorOptions } from '../../emulator/server.js'
import { seedGroup } from '../../emulator/seed.js'
import { inspectArchive } from '../../src/archive/zip.js'
import { HttpBoomiClient } from '../../src/boomi/client.js'
import { PARTNER_PREFIX, PLATFORM_PREFIX, PREFIXES_TO_TRY } from '../../src/boomi/contract.js'
import { hintFor, retryAfterOf, toBoomiError } from '../../src/boomi/refusals.js'
import type { ApiContact } from '../../src/domain/contact.js'
import type { RunRecord } from '../../src/domain/record.js'
import { renderSummary } from '../../src/domain/summary.js'
import { multipartBody } from '../../src/net/multipart.js'
import { Pacer } from '../../src/net/pacer.js'
import type { Operation } from '../../src/errors.js'
import { realSleep } from '../../src/net/retry.js'
import { createTransport } from '../../src/net/transport.js'
import { FakeBoomi, GROUP, forcedWhile, makeInputs, runFake, useWorkspace } from '../helpers/fake-run.js'
import { makeConnectorZip } from '../helpers/zip.js'

// One workspace for the file, made and removed by top-level hooks: when -t leaves none of the
// file's tests to run, Jest runs neither, where a folder made at load time would stay behind.
let dir = ''
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'first-contact-'))
  writeFileSync(path.join(dir, 'sample.car.zip'), makeConnectorZip())
})
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})
// The fake client's runs stream the fake's own archive bytes, which its upload checks against its checksum.
const fakeWorkspace = useWorkspace()

function httpClient(server: Emulator, apiUrl: string, findPrefix?: readonly string[]): { client: HttpBoomiClient; lines: string[] } {
  const lines: string[] = []
  const log = { info: (l: string) => lines.push(l), warning: (l: string) => lines.push(`WARN ${l}`), debug: () => undefined }
  const client = new HttpBoomiClient({
    apiUrl,
    findPrefix,
    accountId: server.accountId,
    username: `BOOMI_TOKEN.${server.username}`,
    apiToken: server.apiToken,
    timeoutMs: 5000,
    transport: createTransport('boomi-connector-action/test'),
    pacer: new Pacer(100, () => performance.now(), realSleep),
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 50, sleep: realSleep, random: Math.random, log: l => lines.push(l) },
    log
  })
  return { client, lines }
}

/** An account of 8 versions on pages of 5, classification uat, served under the prefixes `opts` says. */
async function account(opts: EmulatorOptions): Promise<Emulator> {
  const server = new Emulator({ pageSize: 5, ...opts })
  await server.start()
  seedGroup(server, { groupType: GROUP, count: 8, seed: 3 })
  server.setClassification(GROUP, 'uat', { visibility: 'PRIVATE' })
  return server
}

/** Uploads, switches uat and prunes to 3: the release the prefix search must not change. */
async function release(server: Emulator, apiUrl: string, findPrefix?: readonly string[]) {
  const { client, lines } = httpClient(server, apiUrl, findPrefix)
  const inputs = makeInputs({ apiUrl, apiUrlIsHost: findPrefix !== undefined, classifications: ['uat'], keepLatest: 3 })
  const run = await runFake(new FakeBoomi(), inputs, dir, {
    client: async () => client,
    multipart: async () => multipartBody,
    inspectArchive: (file, shown) => inspectArchive(file, shown),
    apiContact: () => client.contact()
  })
  const r = run.record
  const decisions = {
    uploaded: r.upload?.kind,
    version: r.upload?.kind === 'uploaded' ? r.upload.version.versionId : undefined,
    switches: r.switches?.map(s => [s.classificationType, s.versionId, s.reviewStatus]),
    deleted: r.pruning?.deleted.map(d => d.version.versionId).sort(),
    skipped: r.pruning?.skipped.map(d => d.version.versionId).sort()
  }
  return { run, lines: [...run.lines, ...lines], decisions, summary: renderSummary(r) }
}

const where = (server: Emulator): string[] =>
  server.requests.map(
    r => `${r.path.startsWith(PARTNER_PREFIX) ? 'partner' : r.path.startsWith(PLATFORM_PREFIX) ? 'platform' : r.path} ${r.operation}:${r.status}`
  )

describe('a release with api-url a host alone, in-process against the emulator', () => {
  const servers: Emulator[] = []
  afterAll(() => Promise.all(servers.map(s => s.close())))
  const start = async (opts: EmulatorOptions): Promise<Emulator> => {
    const server = await account(opts)
    servers.push(server)
    return server
  }

  /**
   * The same account with the prefix given: the decisions every variant must repeat. Made by
   * the first test that asks, inside it, so that mutation testing sees which tests reach it.
   */
  let made: Awaited<ReturnType<typeof release>> | undefined
  const baseline = async (): Promise<Awaited<ReturnType<typeof release>>> => {
    if (made) return made
    const server = await start({ prefixes: [PLATFORM_PREFIX] })
    made = await release(server, server.urlFor(PLATFORM_PREFIX))
    expect(made.run.error).toBeUndefined()
    expect(made.decisions.uploaded).toBe('uploaded')
    expect(made.decisions.switches).toEqual([[`${GROUP}-uat`, made.decisions.version, 'APPROVED']])
    expect(made.decisions.deleted?.length).toBeGreaterThan(0)
    expect(server.requests.filter(r => r.operation === 'queryMore').length).toBeGreaterThan(0)
    return made
  }

  it('an account whose partner prefix answers 403: released under /api/rest/v1, the partner prefix never asked', async () => {
    const server = await start({ prefixes: [PLATFORM_PREFIX], refusedPrefixes: { [PARTNER_PREFIX]: 403 } })
    const r = await release(server, server.hostUrl, PREFIXES_TO_TRY)
    expect(r.run.error).toBeUndefined()
    expect(r.decisions).toEqual((await baseline()).decisions)
    expect(where(server).filter(w => !w.startsWith('platform ')).length).toBe(0)
    expect(where(server)[0]).toBe('platform query:200')
    expect(r.lines).toContain(
      `Boomi answered at ${server.urlFor(PLATFORM_PREFIX)}; setting api-url to ${server.urlFor(PLATFORM_PREFIX)} would pin this path prefix.`
    )
    expect(r.run.record.api).toMatchObject({ apiUrl: server.urlFor(PLATFORM_PREFIX), found: true, refused: [] })
    expect(r.summary).toContain(`| API | \`${server.urlFor(PLATFORM_PREFIX)}\`: path prefix found; api-url set to this value pins it |`)
  })

  it.each([
    ['404 (not served)', {}, 404],
    ['401', { refusedPrefixes: { [PLATFORM_PREFIX]: 401 } }, 401],
    ['403', { refusedPrefixes: { [PLATFORM_PREFIX]: 403 } }, 403]
  ])('an account where only the partner prefix serves, /api/rest/v1 answering %s: one probe, then released there', async (_case, opts, status) => {
    const server = await start({ prefixes: [PARTNER_PREFIX], ...opts })
    const r = await release(server, server.hostUrl, PREFIXES_TO_TRY)
    expect(r.run.error).toBeUndefined()
    expect(r.decisions).toEqual((await baseline()).decisions)
    const requests = where(server)
    expect(requests.filter(w => !w.startsWith('partner ')).length).toBe(1)
    expect(requests.slice(0, 2)).toEqual([`platform ${status === 404 ? 'unknown' : 'query'}:${status}`, 'partner query:200'])
    expect(requests.length).toBe(server.requests.length)
    const pinned = server.urlFor(PARTNER_PREFIX)
    expect(r.run.warnings).toEqual([])
    expect(r.lines).toContain(
      `WARN Boomi answered at ${pinned} after ${PLATFORM_PREFIX} answered HTTP ${status}; set api-url to ${pinned} to skip that request on every run.`
    )
    expect(r.summary).toContain(
      `| API | \`${pinned}\`: path prefix found after /api/rest/v1 answered HTTP ${status}; set api-url to this value to skip that request |`
    )
  })

  it('a re-run against the partner-only account reuses the version, again after one probe', async () => {
    const server = await start({ prefixes: [PARTNER_PREFIX], refusedPrefixes: { [PLATFORM_PREFIX]: 403 } })
    const first = await release(server, server.hostUrl, PREFIXES_TO_TRY)
    server.requests.length = 0
    const again = await release(server, server.hostUrl, PREFIXES_TO_TRY)
    expect(again.run.error).toBeUndefined()
    expect(again.decisions.uploaded).toBe('reused')
    expect(again.run.record.upload?.kind === 'reused' && again.run.record.upload.version.versionId).toBe(first.decisions.version)
    expect(where(server).filter(w => w.startsWith('platform ')).length).toBe(1)
  })

  it('both prefixes refusing stops the run before any change, with one error giving both answers', async () => {
    const server = await start({ prefixes: ['/elsewhere/v1'], refusedPrefixes: { [PLATFORM_PREFIX]: 401, [PARTNER_PREFIX]: 403 } })
    const r = await release(server, server.hostUrl, PREFIXES_TO_TRY)
    expect(r.run.error?.message).toMatch(
      /^Boomi refused the listing under every path prefix of http:\/\/127\.0\.0\.1:\d+, so nothing was changed\. \/api\/rest\/v1 answered HTTP 401/
    )
    expect(r.run.error?.message).toMatch(
      /\/partner\/api\/rest\/v1 answered HTTP 403 \(Access denied due to insufficient permissions\.\): the Partner API may not be enabled/
    )
    expect(where(server)).toEqual(['platform query:401', 'partner query:403'])
    expect(r.run.record.upload).toBeUndefined()
    expect(r.summary).toContain('> **Failed:** Boomi refused the listing under every path prefix')
  })
})

describe('the listing is the first request of every kind of run', () => {
  it.each([
    ['an upload', {}],
    ['a dry run with an archive', { dryRun: true, classifications: ['uat'], keepLatest: 2 }],
    ['a version-id run', { archive: undefined, versionId: '1001', classifications: ['prod'] }],
    ['a version-id dry run', { archive: undefined, versionId: '1001', classifications: ['prod'], dryRun: true }],
    ['a prune-only run', { archive: undefined, keepLatest: 1 }]
  ])('%s', async (_case, extra) => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    const run = await runFake(boomi, makeInputs(extra), fakeWorkspace.dir)
    expect(run.error).toBeUndefined()
    expect(boomi.calls[0]).toBe('list')
  })
})

describe('an empty group is named in the log', () => {
  it('with an archive: a first upload, or group-type spelled otherwise (info)', async () => {
    const run = await runFake(new FakeBoomi(), makeInputs(), fakeWorkspace.dir)
    expect(run.lines).toContain(
      `Group ${GROUP} has no versions: this is its first upload, or group-type is spelled otherwise than the Type column of the Developer tab, without the classification.`
    )
    expect(run.warnings).toEqual([])
  })

  it('without one: a warning naming the group and the account', async () => {
    const run = await runFake(new FakeBoomi(), makeInputs({ archive: undefined, keepLatest: 2 }), fakeWorkspace.dir)
    expect(run.warnings).toEqual([
      `Group ${GROUP} has no versions in account acme-Q7XK2P: check that group-type is spelled as the Type column of the Developer tab, without the classification.`
    ])
  })

  it('in a dry run with an archive: a warning, since only the upload tells a first one from a group that does not exist', async () => {
    const run = await runFake(new FakeBoomi(), makeInputs({ dryRun: true }), fakeWorkspace.dir)
    expect(run.warnings).toEqual([
      `Group ${GROUP} has no versions, and Boomi lists a group that does not exist the same way: a dry run cannot tell. Check that the connector group exists (Developer tab, Add Connector Group) and that group-type is spelled as the Type column of the Developer tab, without the classification.`
    ])
    expect(run.record.emptyGroup).toBe(true)
    expect(renderSummary(run.record)).toContain(
      `- That connector group \`${GROUP}\` exists: its listing is empty, as Boomi lists a group that does not exist. A first upload needs the group (Developer tab, Add Connector Group).`
    )
  })

  it('a group with only deleted versions exists: not called empty, and a real run says nothing of it in the summary', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(1)
    boomi.live()[0].deleted = true
    const dry = await runFake(boomi, makeInputs({ dryRun: true }), fakeWorkspace.dir)
    expect(dry.record.emptyGroup).toBeUndefined()
    expect(renderSummary(dry.record)).not.toContain('That connector group')
    const real = await runFake(new FakeBoomi(), makeInputs(), fakeWorkspace.dir)
    expect(real.record.emptyGroup).toBe(true)
    expect(renderSummary(real.record)).not.toContain('That connector group')
  })

  it('a group with versions is not called empty', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(1)
    const run = await runFake(boomi, makeInputs(), fakeWorkspace.dir)
    expect(run.lines.some(l => /has no versions/.test(l))).toBe(false)
  })
})

describe('Retry-After, read once for the pacer and the refusal', () => {
  it('takes seconds or a date, and the first value when the header came twice', () => {
    const now = Date.parse('2026-11-28T12:00:00Z')
    expect(retryAfterOf({ 'retry-after': '7' }, now)).toBe(7000)
    expect(retryAfterOf({ 'retry-after': 'Sat, 28 Nov 2026 12:00:05 GMT' }, now)).toBe(5000)
    // Node joins most repeated headers, but the type allows a list: the first is what the server said first.
    expect(retryAfterOf({ 'retry-after': ['3', '9'] } as unknown as Record<string, string>, now)).toBe(3000)
    expect(retryAfterOf({}, now)).toBeUndefined()
  })
})

describe('refusal hints fit the operation and the prefix', () => {
  const OPERATIONS: Operation[] = ['query', 'create', 'delete', 'version change']

  it('401: the token (wrong, expired, revoked) and username without BOOMI_TOKEN.', () => {
    for (const op of OPERATIONS) {
      expect(hintFor(op, 401)).toMatch(/Check username \(.*BOOMI_TOKEN\. is added for you\) and api-token \(.*mistyped, expired or revoked\)/)
    }
  })

  it('403: the privileges of the operation at hand', () => {
    expect(hintFor('query', 403)).toMatch(/^Check that the user may read this account's connector versions and that account-id.*Developer and API privileges/)
    expect(hintFor('create', 403)).toMatch(/may upload connector versions.*SDK Publisher Agreement/)
    expect(hintFor('delete', 403)).toMatch(/may delete connector versions/)
    expect(hintFor('delete', 403)).not.toMatch(/Publisher/)
    expect(hintFor('version change', 403, `${GROUP}-prod`)).toMatch(
      new RegExp(`may switch classification '${GROUP}-prod'.*For a PUBLIC classification .* the Connector Submission privilege and the SDK Publisher Agreement`)
    )
  })

  it('403 under the partner prefix also names the Partner API; other statuses and prefixes do not', () => {
    for (const op of OPERATIONS) {
      expect(hintFor(op, 403, '', true)).toMatch(/Partner API is not enabled for this account \(Boomi enables it on request\)/)
      expect(hintFor(op, 403, '', false)).not.toMatch(/Partner API/)
      expect(hintFor(op, 401, '', true)).not.toMatch(/Partner API/)
    }
  })

  it('the client tells the refusal which prefix it came from', () => {
    const res = { status: 403, headers: { 'content-type': 'application/json' }, text: '{"message":"Access denied due to insufficient permissions."}' }
    expect(toBoomiError('delete', res, 0, [], { partner: true }).message).toMatch(
      /^delete failed: HTTP 403: Access denied due to insufficient permissions\. Check that the user may delete.*Partner API is not enabled/
    )
    expect(toBoomiError('delete', res, 0).message).not.toMatch(/Partner API/)
  })

  it.each([301, 302, 307, 308])('a %i names where it redirects, says api-url names something else, and that the token went nowhere', status => {
    const res = { status, headers: { location: 'https://platform.boomi.com/login?\r\n::error::x' }, text: '<html>Moved</html>' }
    const message = toBoomiError('query', res, 0).message
    expect(message).toContain('The answer redirects to https://platform.boomi.com/login? ::error::x, which Boomi')
    expect(message).toMatch(/check api-url .* Redirects are not followed, so the credentials went nowhere else\.$/)
    expect(message).not.toMatch(/\n/)
    expect(toBoomiError('query', { ...res, headers: {} }, 0).message).toContain('The answer redirects, which Boomi')
  })

  it.each([405, 415])(
    'a delete answered %i: the delete form may be wrong, and the answer is asked for (the stop line of the pruning says what was not sent)',
    status => {
      expect(hintFor('delete', status)).toMatch(
        /did not take the delete request's form.*docs\/boomi-api\.md.*\)\. Please report this answer, naming release \d+\.\d+\.\d+\.$/
      )
      expect(hintFor('query', status)).toBeUndefined()
    }
  )

  it('a first upload refused: the group must exist', () => {
    expect(hintFor('create', 400)).toMatch(/connector group exists \(Developer tab, Add Connector Group\)/)
    expect(hintFor('create', 404)).toBe(hintFor('create', 400))
  })

  it('through the client: a 403 on delete under a given partner api-url names the Partner API', async () => {
    const server = await account({ prefixes: [PARTNER_PREFIX] })
    try {
      const { client } = httpClient(server, server.urlFor(PARTNER_PREFIX))
      const [v] = await client.listGroup(GROUP)
      server.script('delete', { status: 403, body: '{"message":"Access denied due to insufficient permissions."}' })
      await expect(client.deleteVersion(GROUP, v.versionId)).rejects.toThrow(/may delete connector versions.*Partner API is not enabled/)
    } finally {
      await server.close()
    }
  })
})

describe('Deprecation, Sunset, Warning and Link answer headers', () => {
  let server: Emulator
  beforeAll(async () => {
    server = await account({})
  })
  afterAll(() => server.close())

  it('one warning per header per operation, naming it; outside text kept on one line, cut and kept in the contact', async () => {
    server.setResponseHeaders({
      Deprecation: 'true',
      Sunset: 'Wed, 01 Dec 2027 00:00:00 GMT',
      Warning: `299 - "::warning::${'x'.repeat(400)}"`,
      Link: '<https://developer.boomi.com/new>; rel="successor-version"'
    })
    const { client, lines } = httpClient(server, server.hostUrl, PREFIXES_TO_TRY)
    const listed = await client.listGroup(GROUP)
    await client.listGroup(GROUP)
    await client.deleteVersion(GROUP, listed.find(v => !v.deleted)!.versionId)
    const warnings = lines.filter(l => l.startsWith('WARN '))
    expect(warnings.map(w => /answer to (\S+) carries (\w+)/.exec(w)?.slice(1).join(' '))).toEqual([
      'query Deprecation',
      'query Sunset',
      'query Warning',
      'query Link',
      'queryMore Deprecation',
      'queryMore Sunset',
      'queryMore Warning',
      'queryMore Link',
      'delete Deprecation',
      'delete Sunset',
      'delete Warning',
      'delete Link'
    ])
    expect(warnings[0]).toBe("WARN Boomi's answer to query carries Deprecation: true. Boomi may retire this endpoint; look for a newer release.")
    expect(warnings[3]).toBe(`WARN Boomi's answer to query carries Link: <https://developer.boomi.com/new>; rel="successor-version"`)
    const notices = client.contact().notices
    expect(notices).toHaveLength(12)
    expect(notices[2]).toEqual({ operation: 'query', header: 'Warning', value: expect.stringMatching(/^299 - "::warning::x+…$/) })
    expect(notices[2].value.length).toBeLessThanOrEqual(300)
  })

  it('a header that echoes the token is scrubbed before it is logged or kept', async () => {
    server.setResponseHeaders({ Warning: `299 - "token ${server.apiToken} seen"` })
    const { client, lines } = httpClient(server, server.urlFor(PLATFORM_PREFIX))
    await client.listGroup(GROUP)
    expect(lines.join('\n')).not.toContain(server.apiToken.slice(0, 8))
    expect(client.contact().notices[0].value).toBe('299 - "token *** seen"')
  })

  it('the summary lists each one, escaped', () => {
    const record: RunRecord = {
      groupType: GROUP,
      dryRun: false,
      api: {
        apiUrl: 'https://api.boomi.com/api/rest/v1',
        found: false,
        refused: [],
        notices: [{ operation: 'query', header: 'Warning', value: '299 - "<img src=x> | **bold**"' }]
      }
    }
    const summary = renderSummary(record)
    expect(summary).toContain('### Notices from Boomi')
    expect(summary).toContain('| query | Warning | 299 - &quot;&lt;img src=x&gt; \\| \\*\\*bold\\*\\*&quot; |')
    expect(summary).toContain('| API | `https://api.boomi.com/api/rest/v1` |')
  })
})

describe("a dry run's summary says what it proved and what it could not", () => {
  const apiContact = () => ({ apiUrl: 'https://api.boomi.com/api/rest/v1', found: true, refused: [], notices: [] })

  it('with an archive and classifications: credentials and prefix, archive and change log proved; privileges and classifications not', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    const run = await runFake(boomi, makeInputs({ dryRun: true, classifications: ['uat', 'prod'], keepLatest: 2 }), fakeWorkspace.dir, { apiContact })
    const summary = renderSummary(run.record)
    const section = summary.slice(summary.indexOf('### Dry run'), summary.indexOf('\n\n', summary.indexOf('Not proved:\n\n') + 13) + 2)
    expect(section).toBe(
      [
        '### Dry run',
        '',
        'Proved:',
        '',
        `- Credentials, host and path prefix: Boomi answered the listing of \`${GROUP}\` at \`https://api.boomi.com/api/rest/v1\`.`,
        '- Archive: `sample.car.zip` read as a zip, its checksums and layout checked.',
        '- Change log: made from the CI run, its trailer checked.',
        '',
        'Not proved:',
        '',
        '- The privileges to upload, delete and switch classifications: a dry run sends none of those requests.',
        `- Whether \`${GROUP}-uat\`, \`${GROUP}-prod\` exist for this group: Boomi says so only when a switch is sent.`,
        '',
        ''
      ].join('\n')
    )
  })

  it('a dry run whose listing failed proved nothing', async () => {
    const boomi = new FakeBoomi()
    boomi.listFailures.push(401)
    const run = await runFake(boomi, makeInputs({ archive: undefined, keepLatest: 2, dryRun: true }), fakeWorkspace.dir, { apiContact: () => undefined })
    const summary = renderSummary(run.record)
    expect(summary).toContain('Proved:\n\n- nothing: the run stopped first.')
    expect(summary).toContain('- Credentials, host and path prefix: the listing did not succeed.')
  })

  it('a real run has no such section', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    const run = await runFake(boomi, makeInputs(), fakeWorkspace.dir, { apiContact })
    expect(renderSummary(run.record)).not.toContain('### Dry run')
  })
})

describe('the API contact reaches the record through the fold', () => {
  const contact: ApiContact = {
    apiUrl: 'https://api.boomi.com/partner/api/rest/v1',
    found: true,
    refused: [{ prefix: '/api/rest/v1', status: 403 }],
    notices: [{ operation: 'query', header: 'Sunset', value: 'Wed, 01 Jul 2026 00:00:00 GMT' }]
  }

  it('at the end of a run', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    const run = await runFake(boomi, makeInputs(), fakeWorkspace.dir, { apiContact: () => contact })
    expect(run.record.api).toEqual(contact)
    expect(renderSummary(run.record)).toContain('| query | Sunset | Wed, 01 Jul 2026 00:00:00 GMT |')
  })

  it('after a forced cancel, with the run still hanging on a request', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    boomi.changeHangs.add(`${GROUP}-uat`)
    const hanging = (call: string): boolean => call.startsWith(`change ${GROUP}-uat`)
    const record = await forcedWhile(boomi, fakeWorkspace.dir, makeInputs({ classifications: ['uat'] }), hanging, { apiContact: () => contact })
    expect(record.cancelled).toBe(true)
    expect(record.api).toEqual(contact)
  })
})
