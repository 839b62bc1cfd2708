// One release — upload, switch `uat`, prune a group of two pages — run in-process through the
// orchestrator with the real client against the emulator on 127.0.0.1, once for each shape
// Boomi's answers may take (docs/boomi-api.md, "Answers" and "Reading answers"). Every shape
// must make the same decisions and set the same outputs as Boomi's documented shapes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { EARLIER_SHAPE, Emulator, type AnswerShape } from '../../emulator/server.js'
import { seedGroup } from '../../emulator/seed.js'
import { findInWorkspace, locateArchive } from '../../src/archive/locate.js'
import { inspectArchive } from '../../src/archive/zip.js'
import { HttpBoomiClient } from '../../src/boomi/client.js'
import { outputsOf } from '../../src/domain/outputs.js'
import { EventLog, type RunRecord } from '../../src/domain/record.js'
import { renderSummary } from '../../src/domain/summary.js'
import { multipartBody } from '../../src/net/multipart.js'
import { Pacer } from '../../src/net/pacer.js'
import { RetryStrategy, realSleep } from '../../src/net/retry.js'
import { createTransport } from '../../src/net/transport.js'
import type { RunDeps } from '../../src/orchestrator/deps.js'
import { runRelease } from '../../src/orchestrator/release.js'
import { makeConnectorZip } from '../helpers/zip.js'
import { makeInputs } from '../helpers/fake-run.js'

const GROUP = 'acme-Q7XK2P-sample'
/** The emulator's clock: uploads get this date (with its milliseconds when a shape writes them). */
const NOW = new Date('2026-11-28T14:03:27.512Z')

let emu: Emulator
let work: string
beforeAll(async () => {
  // Pages of 10 keep each run to a few dozen requests; the process test lists pages of 100.
  emu = new Emulator({ now: () => NOW, pageSize: 10 })
  await emu.start()
  work = mkdtempSync(path.join(tmpdir(), 'shapes-'))
  writeFileSync(path.join(work, 'sample.car.zip'), makeConnectorZip())
})
afterAll(async () => {
  await emu.close()
  rmSync(work, { recursive: true, force: true })
})

interface Release {
  error?: Error
  outputs: Record<string, string>
  warnings: string[]
  summary: string
  operations: string[]
  live: string[]
}

/** One run of the action's core against the emulator as it stands. */
async function release(): Promise<Release> {
  const inputs = makeInputs({
    accountId: emu.accountId,
    username: `BOOMI_TOKEN.${emu.username}`,
    apiToken: emu.apiToken,
    apiUrl: emu.apiUrl,
    changeLog: 'Fixes the paging bug',
    keepLatest: 4,
    classifications: ['uat'],
    requestsPerSecond: 100
  })
  const warnings: string[] = []
  const log = { info: () => undefined, warning: (l: string) => void warnings.push(l), debug: () => undefined }
  const retry = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 50, sleep: realSleep, random: Math.random }
  const strategy = new RetryStrategy({ ...retry, log: log.info })
  const client = new HttpBoomiClient({
    apiUrl: inputs.apiUrl,
    accountId: inputs.accountId,
    username: inputs.username,
    apiToken: inputs.apiToken,
    timeoutMs: 10_000,
    transport: createTransport('boomi-connector-action/test'),
    pacer: new Pacer(inputs.requestsPerSecond, () => performance.now(), realSleep),
    retry: strategy,
    log
  })
  const deps: RunDeps = {
    inputs,
    workspace: work,
    client: async () => client,
    multipart: async () => multipartBody,
    locateArchive: pattern => locateArchive(pattern, work),
    findInWorkspace: name => findInWorkspace(name, work),
    inspectArchive,
    readTextFile: async () => '',
    runContext: async () => ({ repository: 'acme/sample', refName: 'v1.2.0', ref: 'refs/tags/v1.2.0', sha: '3f2c1ab9d0e8' }),
    log: { ...log, startGroup: () => undefined, endGroup: () => undefined },
    clock: { now: () => NOW.getTime(), sleep: realSleep },
    retry: strategy,
    settleMs: 100,
    uploadId: '5eed5eed5eed5eed',
    deleteConcurrency: 4,
    events: new EventLog()
  }
  let record: RunRecord | undefined
  let error: Error | undefined
  emu.requests.length = 0
  try {
    await runRelease(deps, async r => void (record = r))
  } catch (err) {
    error = err as Error
  }
  return {
    error,
    outputs: outputsOf(record!),
    warnings,
    summary: renderSummary(record!),
    operations: emu.requests.map(r => r.operation),
    live: emu.live(GROUP).map(v => v.versionId)
  }
}

/** A fresh account in this shape: 18 versions (two pages), every protected kind, uat and prod. */
async function firstRelease(shape: AnswerShape): Promise<Release> {
  emu.reset()
  emu.setAnswerShape(shape)
  seedGroup(emu, { groupType: GROUP, count: 18, seed: 5, protectedKinds: true })
  return release()
}

/** Dates as the same instant, whichever way a shape writes them (the seeded ones are whole seconds). */
const sameInstant = (text: string): string => text.replace(/(T\d\d:\d\d:\d\d)\.\d+Z/g, '$1Z')

/** What must not change with the shape: everything but the text of the upload date, which must be the same second. */
function decisions(r: Release) {
  const { 'uploaded-date': date, ...rest } = r.outputs
  return {
    outputs: rest,
    uploadedAt: Math.floor(Date.parse(date) / 1000),
    warnings: r.warnings.map(sameInstant),
    operations: r.operations,
    live: r.live
  }
}

let documentedRelease: Release | undefined
/**
 * The release every shape is compared with, made by the first test that asks: inside a
 * test, not a beforeAll, so that mutation testing sees which tests reach the code it runs.
 */
async function documented(): Promise<Release> {
  documentedRelease ??= await firstRelease({})
  return documentedRelease
}

describe('a release against the documented shapes (user objects, numberOfResults per page)', () => {
  it('uploads, switches uat, prunes over two pages, and succeeds', async () => {
    const first = await documented()
    expect(first.error).toBeUndefined()
    const out = first.outputs
    expect(out.uploaded).toBe('true')
    expect(JSON.parse(out['classification-changes'])).toEqual([{ classificationType: `${GROUP}-uat`, versionId: out['version-id'], reviewStatus: 'APPROVED' }])
    expect(first.operations.slice(0, 3)).toEqual(['query', 'queryMore', 'create'])
    expect(first.operations).toContain('versionChange')
    const deleted: string[] = JSON.parse(out['deleted-version-ids'])
    const skipped: string[] = JSON.parse(out['skipped-version-ids'])
    expect(deleted.length).toBeGreaterThan(0)
    expect(skipped.length).toBeGreaterThan(0)
    for (const id of deleted) expect(first.live).not.toContain(id)
    expect(first.live).toContain(out['version-id'])
    // the uploader, a user object in the answer, is shown as its email
    expect(first.summary).toContain(`| Uploaded by | ${emu.username.replace('@', '\\@')} |`)
    expect(first.warnings.filter(w => /numberOfResults/.test(w))).toEqual([])
  })

  it('a re-run reuses the version: no upload, nothing more to delete, uat switched again', async () => {
    const again = await release()
    expect(again.error).toBeUndefined()
    expect(again.outputs).toMatchObject({ uploaded: 'false', 'version-id': (await documented()).outputs['version-id'], 'deleted-version-ids': '[]' })
    expect(again.operations).not.toContain('create')
    expect(again.live).toEqual((await documented()).live)
  })

  it("deletes exactly what it deletes against the emulator's earlier shapes (users as text, whole-query counts)", async () => {
    const earlier = await firstRelease(EARLIER_SHAPE)
    expect(decisions(earlier)).toEqual(decisions(await documented()))
  })
})

describe('every shape our docs allow makes the same decisions and sets the same outputs', () => {
  it.each<[string, AnswerShape]>([
    ['unknown fields holding objects, lists and @type', { unknownFields: true }],
    ['dates with milliseconds', { milliseconds: true }],
    ['numberOfResults counting the whole query', { numberOfResults: 'query' }],
    ['versionId as a number in version-change answers', { numericVersionChangeId: true }],
    ['describing fields null', { describing: 'null' }],
    ['describing fields absent', { describing: 'absent' }],
    ['describing fields as objects', { describing: 'object' }],
    ['describing fields as text', { describing: 'text' }]
  ])('%s', async (_name, shape) => {
    expect(decisions(await firstRelease(shape))).toEqual(decisions(await documented()))
  })

  it('property: any mix of them', async () => {
    const shapes = fc.record(
      {
        numberOfResults: fc.constantFrom<AnswerShape['numberOfResults']>('page', 'query'),
        milliseconds: fc.boolean(),
        numericVersionChangeId: fc.boolean(),
        unknownFields: fc.boolean(),
        describing: fc.constantFrom<AnswerShape['describing']>('documented', 'text', 'null', 'absent', 'object')
      },
      { requiredKeys: [] }
    )
    await fc.assert(
      fc.asyncProperty(shapes, async shape => {
        expect(decisions(await firstRelease(shape))).toEqual(decisions(await documented()))
      }),
      { numRuns: 8, seed: 17 }
    )
  }, 60_000)
})
