// Finding the prefix (docs/behaviour.md, "Finding the prefix"), end to end: the
// bundled action with api-url a host alone, against an account whose partner
// prefix refuses and one where only the partner prefix serves.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { Emulator, type EmulatorOptions } from '../../emulator/server.js'
import { seedGroup } from '../../emulator/seed.js'
import { makeArchive, runAction, type ActionRun } from '../../scripts/run-action.js'

const GROUP = 'acme-Q7XK2P-sample'
const PLATFORM = '/api/rest/v1'
const PARTNER = '/partner/api/rest/v1'

let work: string
const servers: Emulator[] = []
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'ws-'))
  makeArchive(work)
})
afterEach(() => rmSync(work, { recursive: true, force: true }))
afterAll(() => Promise.all(servers.map(s => s.close())))

async function account(opts: EmulatorOptions): Promise<Emulator> {
  const server = new Emulator({ pageSize: 5, ...opts })
  servers.push(server)
  await server.start()
  seedGroup(server, { groupType: GROUP, count: 8, seed: 3 })
  server.setClassification(GROUP, 'uat', { visibility: 'PRIVATE' })
  return server
}

function release(server: Emulator, extra: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(
    {
      'account-id': server.accountId,
      username: server.username,
      'api-token': server.apiToken,
      'group-type': GROUP,
      'api-url': server.hostUrl,
      archive: '*.car.zip',
      classifications: 'uat',
      'keep-latest': '3',
      'requests-per-second': '100',
      ...extra
    },
    { cwd: work }
  )
}

const under = (server: Emulator, prefix: string): number => server.requests.filter(r => r.path.startsWith(`${prefix}/`)).length

describe('api-url a host alone, as a process', () => {
  it('an account whose partner prefix answers 403 releases under /api/rest/v1 without asking the partner prefix', async () => {
    const server = await account({ prefixes: [PLATFORM], refusedPrefixes: { [PARTNER]: 403 } })
    const r = await release(server)
    expect(r.errors).toEqual([])
    expect(r.code).toBe(0)
    expect(r.outputs.uploaded).toBe('true')
    expect(JSON.parse(r.outputs['classification-changes'])).toEqual([
      { classificationType: `${GROUP}-uat`, versionId: r.outputs['version-id'], reviewStatus: 'APPROVED' }
    ])
    expect(JSON.parse(r.outputs['deleted-version-ids']).length).toBeGreaterThan(0)
    expect(under(server, PARTNER)).toBe(0)
    expect(r.stdout).toContain(`Boomi answered at ${server.urlFor(PLATFORM)}; setting api-url to ${server.urlFor(PLATFORM)} would pin this path prefix.`)
    expect(r.summary).toContain(`| API | \`${server.urlFor(PLATFORM)}\`: path prefix found; api-url set to this value pins it |`)
  }, 120_000) // run alone, this file waits for the bundle (jest.global-setup.js)

  it('an account where only the partner prefix serves releases there after one probe; its dry run says what it proved', async () => {
    const server = await account({ prefixes: [PARTNER], refusedPrefixes: { [PLATFORM]: 401 } })
    server.setResponseHeaders({ Sunset: 'Wed, 01 Dec 2027 00:00:00 GMT' })
    const dry = await release(server, { 'dry-run': 'true' })
    expect(dry.code).toBe(0)
    expect(dry.summary).toContain(`- Credentials, host and path prefix: Boomi answered the listing of \`${GROUP}\` at \`${server.urlFor(PARTNER)}\`.`)
    expect(dry.summary).toContain(`- Whether \`${GROUP}-uat\` exist for this group: Boomi says so only when a switch is sent.`)
    expect(dry.summary).toContain('| query | Sunset | Wed, 01 Dec 2027 00:00:00 GMT |')
    expect(under(server, PLATFORM)).toBe(1)

    server.requests.length = 0
    const r = await release(server)
    expect(r.errors).toEqual([])
    expect(r.code).toBe(0)
    expect(r.outputs.uploaded).toBe('true')
    expect(JSON.parse(r.outputs['deleted-version-ids'])).toEqual(JSON.parse(dry.outputs['deleted-version-ids']))
    expect(under(server, PLATFORM)).toBe(1)
    expect(server.requests[0]).toMatchObject({ operation: 'query', status: 401 })
    expect(server.requests.slice(1).every(req => req.path.startsWith(`${PARTNER}/`) && req.status === 200)).toBe(true)
    const pinned = server.urlFor(PARTNER)
    expect(r.warnings).toContain(`Boomi answered at ${pinned} after ${PLATFORM} answered HTTP 401; set api-url to ${pinned} to skip that request on every run.`)
    expect(r.warnings.filter(w => /carries Sunset/.test(w)).map(w => /answer to (.+) carries/.exec(w)?.[1])).toEqual([
      'query',
      'queryMore',
      'create',
      'version change',
      'delete'
    ])
    expect(r.summary).toContain(`set api-url to this value to skip that request |`)
  }, 120_000)
})
