// An in-memory Boomi and a fake clock, to drive the orchestrator through its
// injected dependencies: every decision path of a run in milliseconds.
import { afterAll, beforeAll, expect } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { findInWorkspace, locateArchive } from '../../src/archive/locate.js'
import type { ArchiveFile } from '../../src/archive/zip.js'
import { Writable } from 'node:stream'
import { laneSumOf } from '../../src/lane-sum.js'
import type { BoomiClient, DeleteAnswer } from '../../src/boomi/client.js'
import { EventLog, type RunRecord } from '../../src/domain/record.js'
import type { ConnectorVersion, VersionChange } from '../../src/domain/versions.js'
import { AnswerError, BoomiError, NetworkError } from '../../src/errors.js'
import type { Inputs } from '../../src/inputs/read.js'
import { multipartBody } from '../../src/net/multipart.js'
import { RetryStrategy } from '../../src/net/retry.js'
import type { StreamBody } from '../../src/net/transport.js'
import type { RunDeps } from '../../src/orchestrator/deps.js'
import { forcedRecord, runRelease } from '../../src/orchestrator/release.js'

export const GROUP = 'acme-Q7XK2P-sample'
/** The workspace's archive: not a zip (the fake inspects nothing), but the bytes the upload body streams and verifies. */
const ARCHIVE_BYTES = Buffer.from('PK\x03\x04 not inspected: the fake does that')
export const SHA = createHash('sha256').update(ARCHIVE_BYTES).digest('hex')
export const CONTENT = 'c'.repeat(64)
export const T0 = Date.parse('2026-11-28T12:00:00Z')
/** The fake run's mark in its change logs; a second run racing it is given another. */
export const UPLOAD_ID = 'a1b2c3d4e5f60718'
export const CHANGELOG_TEXT = '## [1.2.0] - 2026-11-01\n\n- Paging fixed\n\n## [1.1.0]\n\n- First\n'

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
  /** Stored, and the answer never comes (a run stopped meanwhile). */
  | 'stored-hang'
  /** Answered 2xx with something not understood (an upload date without a zone); stored, or not. */
  | 'stored-unreadable'
  | 'unreadable'

/** The parts of a multipart upload body, as Boomi would read them. */
export interface ReceivedUpload {
  fields: Record<string, string>
  fileName?: string
  file: Buffer
}

/** Reads a body the way a server does: all of its bytes, then its parts by the boundary its headers name. */
export async function receiveUpload(body: StreamBody): Promise<ReceivedUpload> {
  const chunks: Buffer[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      done()
    }
  })
  await body.writeTo(sink)
  const bytes = Buffer.concat(chunks)
  if (bytes.length !== body.length) throw new Error(`the body is ${bytes.length} bytes, but its length says ${body.length}`)
  const boundary = /boundary=([^;]+)/.exec(body.headers['content-type'] ?? '')?.[1]
  if (!boundary) throw new Error('no multipart boundary in the headers')
  const text = bytes.toString('latin1')
  const pieces = text.split(`--${boundary}`)
  if (pieces[pieces.length - 1] !== '--\r\n') throw new Error('the body does not end with the closing boundary')
  const out: ReceivedUpload = { fields: {}, file: Buffer.alloc(0) }
  for (const piece of pieces.slice(1, -1)) {
    const split = piece.indexOf('\r\n\r\n')
    const head = piece.slice(2, split)
    const value = piece.slice(split + 4, piece.length - 2)
    const name = /name="([^"]+)"/.exec(head)?.[1]
    const fileName = /filename="([^"]+)"/.exec(head)?.[1]
    if (!name) throw new Error(`a part without a name: ${head}`)
    if (fileName !== undefined) {
      out.fileName = fileName
      out.file = Buffer.from(value, 'latin1')
    } else {
      out.fields[name] = Buffer.from(value, 'latin1').toString('utf8')
    }
  }
  return out
}

export class FakeBoomi implements BoomiClient {
  versions: ConnectorVersion[] = []
  calls: string[] = []
  createSteps: CreateStep[] = []
  /** The most change log this fake Boomi keeps of an upload (Boomi's own limit is not known). */
  keepsChangeLog?: number
  /** versionId → refusal status (a classification uses it, say). */
  deleteRefusals = new Map<string, number>()
  /** versionId → status: the delete happens, its answer is lost, and the retry is answered this status. */
  deleteLostThen = new Map<string, number>()
  /**
   * versionId → what the delete's last attempt met after an earlier one lost its answer, with
   * nothing deleted: a timeout, or a refusal status. The answer is 'unknown'; the version stays live.
   */
  deleteLostNotDone = new Map<string, 'timeout' | number>()
  /** Classification types whose version change is applied and never answered. */
  changeHangs = new Set<string>()
  /** Each upload attempt's parts, as received. */
  uploads: ReceivedUpload[] = []
  /** How long one upload attempt takes (the fake clock moves by it). */
  createTakesMs = 0
  /** Moves the run's fake clock; set by runFake. */
  elapse: (ms: number) => void = () => undefined
  /** Delete calls after which every delete answers this status. */
  deleteFailAfter?: { count: number; status: number }
  listFailures: number[] = []
  /** A status, an error status, or 'unreadable': the change is made and its 2xx answer is not understood. */
  changeAnswers = new Map<string, VersionChange['reviewStatus'] | number | 'unreadable'>()
  /** Boomi's reviewReason for a classification's change, as the client passes it on. */
  changeReasons = new Map<string, string>()
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

  /** Another job's upload, which shows after this many more listings. */
  arriveAfter(listings: number, version: Partial<ConnectorVersion> & { versionId: string }): void {
    this.late.push({ version: { groupType: GROUP, uploadedDate: new Date(T0).toISOString(), deleted: false, releaseVersion: false, ...version }, listings })
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

  async createVersion(groupType: string, body: StreamBody): Promise<ConnectorVersion> {
    this.calls.push('create')
    const step = this.createSteps.shift() ?? 'ok'
    const received = await receiveUpload(body)
    this.uploads.push(received)
    if (received.fields.groupType !== groupType) throw new Error(`the body's groupType part is ${received.fields.groupType}, not ${groupType}`)
    if (received.fields.sha256Checksum !== createHash('sha256').update(received.file).digest('hex'))
      throw new Error('sha256Checksum does not match the file part')
    this.elapse(this.createTakesMs)
    const changeLog = (received.fields.changeLog ?? '').slice(0, this.keepsChangeLog)
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
    if (step === 'lost-stored' || step === 'stored-unreadable') this.versions.push(version())
    if (step === 'stored-unreadable' || step === 'unreadable') throw new AnswerError('create', "'uploadedDate' is not an ISO 8601 date-time with a zone")
    if (step === 'stored-hang') {
      this.versions.push(version())
      return new Promise(() => undefined)
    }
    if (typeof step === 'object' && 'lostStoredAfterListings' in step) this.late.push({ version: version(), listings: step.lostStoredAfterListings })
    if (typeof step === 'object' && 'status' in step) throw new BoomiError('create', step.status, step.message ?? `HTTP ${step.status}`, step.retryAfterMs)
    throw new NetworkError('create', 'ECONNRESET', 'the connection was dropped before an answer came', false)
  }

  /** Like Boomi, not idempotent: a version already deleted is not found, so asking twice shows. */
  async deleteVersion(_groupType: string, versionId: string): Promise<DeleteAnswer> {
    this.calls.push(`delete ${versionId}`)
    this.deletes++
    if (this.deleteFailAfter && this.deletes > this.deleteFailAfter.count) throw new BoomiError('delete', this.deleteFailAfter.status, 'denied')
    const v = this.versions.find(x => x.versionId === versionId)
    const lostThen = this.deleteLostThen.get(versionId)
    if (lostThen) {
      if (v) v.deleted = true
      return { outcome: 'unknown', error: new BoomiError('delete', lostThen, 'denied after a lost answer') }
    }
    const notDone = this.deleteLostNotDone.get(versionId)
    if (notDone === 'timeout') return { outcome: 'unknown', error: new NetworkError('delete', 'ETIMEDOUT', 'no answer', false) }
    if (notDone) return { outcome: 'unknown', error: new BoomiError('delete', notDone, `version ${versionId} is in use by classification uat`) }
    const refusal = this.deleteRefusals.get(versionId)
    if (refusal) throw new BoomiError('delete', refusal, `version ${versionId} is in use by classification uat`)
    if (!v || v.deleted) throw new BoomiError('delete', 404, 'not found')
    v.deleted = true
    return { outcome: 'deleted' }
  }

  async changeVersion(classificationType: string, versionId: string, releaseNotes: string): Promise<VersionChange> {
    this.calls.push(`change ${classificationType} ${versionId} ${JSON.stringify(releaseNotes)}`)
    if (this.changeHangs.has(classificationType)) return new Promise(() => undefined)
    const answer = this.changeAnswers.get(classificationType) ?? 'APPROVED'
    if (typeof answer === 'number') throw new BoomiError('version change', answer, `classification ${classificationType} is not known`)
    if (answer === 'unreadable') throw new AnswerError('version change', "'reviewStatus' is not one of APPROVED, PENDING, REJECTED, CANCELLED")
    const reviewReason = this.changeReasons.get(classificationType)
    return { classificationType, versionId, reviewStatus: answer, ...(reviewReason ? { reviewReason } : {}) }
  }
}

/**
 * One scratch workspace for the file, with an archive in it; removed after the file's tests.
 * Made in a hook, not when the file loads: when -t leaves no test of the file to run, Jest
 * runs neither hook, and a folder made at load time would stay behind.
 */
export function useWorkspace(): { dir: string } {
  const ws = { dir: '' }
  beforeAll(() => {
    ws.dir = mkdtempSync(path.join(tmpdir(), 'release-test-'))
    writeFileSync(path.join(ws.dir, 'sample.car.zip'), ARCHIVE_BYTES)
    // On disk so that its real path can be checked; what the run reads is CHANGELOG_TEXT, from the fake readTextFile.
    writeFileSync(path.join(ws.dir, 'CHANGELOG.md'), CHANGELOG_TEXT)
  })
  afterAll(() => {
    if (ws.dir) rmSync(ws.dir, { recursive: true, force: true })
  })
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
  deps: RunDeps
}

/** The run's dependencies over a fake Boomi and a fake clock. */
export function fakeDeps(boomi: FakeBoomi, inputs: Inputs, workspace: string, more: Partial<RunDeps> = {}) {
  const clock = { t: T0 }
  const sleeps: number[] = []
  const lines: string[] = []
  const warnings: string[] = []
  boomi.elapse = ms => void (clock.t += ms)
  const now = (): number => clock.t
  const sleep = async (ms: number): Promise<void> => void (sleeps.push(ms), (clock.t += ms))
  const deps: RunDeps = {
    inputs,
    workspace,
    client: async () => boomi,
    multipart: async () => multipartBody,
    // The real file-system look-ups over the test's workspace: the archive and the change log file are on disk.
    locateArchive: pattern => locateArchive(pattern, workspace),
    findInWorkspace: name => findInWorkspace(name, workspace),
    inspectArchive: async () => ({
      sha256: SHA,
      contentSha256: CONTENT,
      connector: { className: 'com.acme.SampleConnector', sdkApiVersion: '2.3.0' },
      layoutWarnings: [],
      entries: 3,
      file: fakeArchiveFile()
    }),
    readTextFile: async () => CHANGELOG_TEXT,
    runContext: async () => ({ repository: 'acme/sample', refName: 'v1.2.0', ref: 'refs/tags/v1.2.0', sha: '3f2c1ab9d0e8' }),
    log: {
      info: l => lines.push(l),
      warning: l => (warnings.push(l), lines.push(`WARN ${l}`)),
      debug: () => undefined,
      startGroup: n => lines.push(`[${n}]`),
      endGroup: () => undefined
    },
    clock: { now, sleep },
    retry: new RetryStrategy({
      maxAttempts: inputs.maxAttempts,
      baseDelayMs: 1000,
      maxDelayMs: 30_000,
      maxRetryAfterMs: 120_000,
      random: () => 0.5,
      sleep,
      log: l => lines.push(l),
      now
    }),
    settleMs: 30_000,
    uploadId: UPLOAD_ID,
    deleteConcurrency: 4,
    events: new EventLog(),
    ...more
  }
  return { deps, clock, sleeps, lines, warnings }
}

export async function runFake(boomi: FakeBoomi, inputs: Inputs, workspace: string, more: Partial<RunDeps> = {}): Promise<FakeRun> {
  const { deps, clock, sleeps, lines, warnings } = fakeDeps(boomi, inputs, workspace, more)
  let published = 0
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
  return { record: record!, error, lines, warnings, sleeps, elapsedMs: clock.t - T0, published, deps }
}

/** An opened archive serving `bytes` (the workspace's archive by default), as checked. */
export function fakeArchiveFile(bytes: Buffer = ARCHIVE_BYTES): ArchiveFile {
  const file = {
    path: 'build/c.car.zip',
    size: bytes.length,
    laneSum: laneSumOf(bytes),
    read: async (into: Buffer, position: number, length = into.length) => bytes.copy(into, 0, position, Math.min(bytes.length, position + length)),
    changed: async () => undefined,
    close: async () => undefined
  }
  return file as unknown as ArchiveFile
}

/**
 * Starts a run, waits (in real time, bounded: the upload body is read from disk) until it
 * sends a request that `hangingOn` names and that never gets an answer, cancels it, and
 * returns the record a forced cancel writes.
 */
export async function forcedWhile(
  boomi: FakeBoomi,
  workspace: string,
  inputs: Inputs,
  hangingOn: (call: string) => boolean,
  more: Partial<RunDeps> = {}
): Promise<RunRecord> {
  const { deps } = fakeDeps(boomi, inputs, workspace, more)
  const controller = new AbortController()
  let ended = false
  void runRelease({ ...deps, signal: controller.signal }, async () => undefined).then(
    () => (ended = true),
    () => (ended = true)
  )
  for (const until = Date.now() + 10_000; Date.now() < until && !boomi.calls.some(hangingOn);) await new Promise(resolve => setTimeout(resolve, 2))
  expect(boomi.calls.some(hangingOn)).toBe(true)
  controller.abort()
  await new Promise(resolve => setImmediate(resolve))
  expect(ended).toBe(false)
  return forcedRecord({ ...deps, signal: controller.signal })
}
