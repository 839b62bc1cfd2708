// An in-memory Boomi and a fake clock, to drive the orchestrator through its
// injected dependencies: every decision path of a run in milliseconds.
import { afterAll } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { BoomiClient } from '../../src/boomi/client.js'
import type { RunRecord } from '../../src/domain/record.js'
import type { ConnectorVersion, VersionChange } from '../../src/domain/versions.js'
import { BoomiError, NetworkError } from '../../src/errors.js'
import type { Inputs } from '../../src/inputs/read.js'
import type { RunDeps } from '../../src/orchestrator/deps.js'
import { runRelease } from '../../src/orchestrator/release.js'

export const GROUP = 'acme-Q7XK2P-sample'
export const SHA = 'a'.repeat(64)
export const CONTENT = 'c'.repeat(64)
export const T0 = Date.parse('2026-11-28T12:00:00Z')

/** What one upload attempt does. */
export type CreateStep =
  | 'ok'
  /** Stored, but the answer was lost (connection dropped after the body was sent). */
  | 'lost-stored'
  /** Not stored, answer lost. */
  | 'lost'
  /** Stored after this many more listings, answer lost. */
  | { lostStoredAfterListings: number }
  | { status: number; message?: string; retryAfterMs?: number }

export class FakeBoomi implements BoomiClient {
  versions: ConnectorVersion[] = []
  calls: string[] = []
  createSteps: CreateStep[] = []
  /** versionId → refusal status (a classification uses it, say). */
  deleteRefusals = new Map<string, number>()
  /** versionId → status: the delete happens, its answer is lost, and the retry is answered this status. */
  deleteLostThen = new Map<string, number>()
  /** Delete calls after which every delete answers this status. */
  deleteFailAfter?: { count: number; status: number }
  listFailures: number[] = []
  changeAnswers = new Map<string, VersionChange['reviewStatus'] | number>()
  private nextId = 2000
  private late: { version: ConnectorVersion; listings: number }[] = []
  private deletes = 0

  seed(n: number, extra: (i: number) => Partial<ConnectorVersion> = () => ({})): ConnectorVersion[] {
    for (let i = 0; i < n; i++) {
      this.versions.push({
        versionId: String(1000 + i),
        groupType: GROUP,
        displayVersion: String(i + 1),
        uploadedDate: new Date(T0 - (n - i) * 86_400_000).toISOString(),
        changeLog: `release ${i + 1}`,
        deleted: false,
        releaseVersion: false,
        ...extra(i)
      })
    }
    return this.versions
  }

  live(): ConnectorVersion[] {
    return this.versions.filter(v => !v.deleted)
  }

  async listGroup(groupType: string): Promise<ConnectorVersion[]> {
    this.calls.push('list')
    const failure = this.listFailures.shift()
    if (failure) throw new BoomiError('query', failure, 'listing failed')
    for (const l of this.late) if (l.listings-- === 0) this.versions.push(l.version)
    this.late = this.late.filter(l => l.listings >= 0)
    return this.versions.filter(v => v.groupType === groupType).map(v => ({ ...v }))
  }

  async createVersion(groupType: string, body: unknown): Promise<ConnectorVersion> {
    this.calls.push('create')
    const step = this.createSteps.shift() ?? 'ok'
    const changeLog = (body as { changeLog?: string }).changeLog ?? ''
    const version = (): ConnectorVersion => ({
      versionId: String(++this.nextId),
      groupType,
      displayVersion: String(this.nextId),
      uploadedDate: new Date(T0).toISOString(),
      changeLog,
      deleted: false,
      releaseVersion: false
    })
    if (step === 'ok') {
      const v = version()
      this.versions.push(v)
      return { ...v }
    }
    if (step === 'lost-stored') this.versions.push(version())
    if (typeof step === 'object' && 'lostStoredAfterListings' in step) this.late.push({ version: version(), listings: step.lostStoredAfterListings })
    if (typeof step === 'object' && 'status' in step) throw new BoomiError('create', step.status, step.message ?? `HTTP ${step.status}`, step.retryAfterMs)
    throw new NetworkError('create', 'ECONNRESET', 'the connection was dropped before an answer came', false)
  }

  async deleteVersion(_groupType: string, versionId: string): Promise<void> {
    this.calls.push(`delete ${versionId}`)
    this.deletes++
    if (this.deleteFailAfter && this.deletes > this.deleteFailAfter.count) throw new BoomiError('delete', this.deleteFailAfter.status, 'denied')
    const lostThen = this.deleteLostThen.get(versionId)
    if (lostThen) {
      const v = this.versions.find(x => x.versionId === versionId)
      if (v) v.deleted = true
      const err = new BoomiError('delete', lostThen, 'denied after a lost answer')
      err.afterLostAnswer = true
      throw err
    }
    const refusal = this.deleteRefusals.get(versionId)
    if (refusal) throw new BoomiError('delete', refusal, `version ${versionId} is in use by classification uat`)
    const v = this.versions.find(x => x.versionId === versionId)
    if (!v) throw new BoomiError('delete', 404, 'not found')
    v.deleted = true
  }

  async changeVersion(classificationType: string, versionId: string, releaseNotes: string): Promise<VersionChange> {
    this.calls.push(`change ${classificationType} ${versionId} ${JSON.stringify(releaseNotes)}`)
    const answer = this.changeAnswers.get(classificationType) ?? 'APPROVED'
    if (typeof answer === 'number') throw new BoomiError('versionChange', answer, `classification ${classificationType} is not known`)
    return { classificationType, versionId, reviewStatus: answer }
  }
}

/** One scratch workspace for the file, with an archive in it; removed after the file's tests. */
export function useWorkspace(): { dir: string } {
  const ws = { dir: mkdtempSync(path.join(tmpdir(), 'release-test-')) }
  writeFileSync(path.join(ws.dir, 'sample.car.zip'), 'PK\x03\x04 not inspected: the fake does that')
  afterAll(() => rmSync(ws.dir, { recursive: true, force: true }))
  return ws
}

export function makeInputs(extra: Partial<Inputs> = {}): Inputs {
  return {
    accountId: 'acme-Q7XK2P',
    username: 'BOOMI_TOKEN.ci@acme.example',
    apiToken: 'secret-token-value',
    groupType: GROUP,
    archive: 'sample.car.zip',
    ifExists: 'skip',
    classifications: [],
    dryRun: false,
    apiUrl: 'https://api.boomi.com/partner/api/rest/v1',
    apiUrlIsHost: false,
    requestsPerSecond: 5,
    maxAttempts: 5,
    timeoutMs: 300_000,
    ...extra
  }
}

export interface FakeRun {
  record: RunRecord
  error?: Error
  lines: string[]
  warnings: string[]
  sleeps: number[]
  /** Fake time the run took. */
  elapsedMs: number
  published: number
}

export async function runFake(boomi: FakeBoomi, inputs: Inputs, workspace: string, more: Partial<RunDeps> = {}): Promise<FakeRun> {
  let now = T0
  const sleeps: number[] = []
  const lines: string[] = []
  const warnings: string[] = []
  let published = 0
  const deps: RunDeps = {
    inputs,
    workspace,
    client: async () => boomi,
    multipart: async () => parts =>
      ({
        length: 0,
        headers: {},
        writeTo: () => {
          throw new Error('not sent')
        },
        changeLog: parts.changeLog
      }) as never,
    inspectArchive: async () => ({
      sha256: SHA,
      contentSha256: CONTENT,
      connector: { className: 'com.acme.SampleConnector', sdkApiVersion: '2.3.0' },
      layoutWarnings: [],
      entries: 3
    }),
    readTextFile: async () => '## [1.2.0] - 2026-11-01\n\n- Paging fixed\n\n## [1.1.0]\n\n- First\n',
    runContext: async () => ({ repository: 'acme/sample', refName: 'v1.2.0', ref: 'refs/tags/v1.2.0', sha: '3f2c1ab9d0e8' }),
    log: {
      info: l => lines.push(l),
      warning: l => (warnings.push(l), lines.push(`WARN ${l}`)),
      debug: () => undefined,
      startGroup: n => lines.push(`[${n}]`),
      endGroup: () => undefined
    },
    clock: { now: () => now, sleep: async ms => void (sleeps.push(ms), (now += ms)) },
    uploadPolicy: { maxAttempts: inputs.maxAttempts, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000, random: () => 0.5, settleMs: 30_000 },
    deleteConcurrency: 4,
    ...more
  }
  let record: RunRecord | undefined
  let error: Error | undefined
  try {
    await runRelease(deps, async r => {
      published++
      record = r
    })
  } catch (err) {
    error = err as Error
  }
  return { record: record!, error, lines, warnings, sleeps, elapsedMs: now - T0, published }
}
