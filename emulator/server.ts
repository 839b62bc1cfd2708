/**
 * Boomi ConnectorVersion API emulator (docs/boomi-api.md), for tests, demos and benchmarks.
 *
 * A real `node:http` server on loopback. It is an independent model of Boomi: it must not
 * import anything from `src/`, so a misunderstanding in the client is not mirrored here.
 * This file ties the parts together; each concern has its own file: `storage.ts` and
 * `classifications.ts` (state), `operations.ts` and `version-change.ts` (the API),
 * `admission.ts` (rate limit, auth, account, faults: read its header for the order),
 * `routes.ts` (prefixes), `body.ts` (request bodies), `wire.ts` (answers), `stats.ts`.
 *
 * The whole body is read (and recorded) before any answer except `dropBeforeBody`, so a
 * client never sees EPIPE because the server answered early.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { Account } from './account.js'
import { FaultScript, RateLimiter, rateLimitAnswer, refusal, type RateLimitCounts } from './admission.js'
import { readBody, type Body } from './body.js'
import { ClassificationBook } from './classifications.js'
import { perform, requestGroup } from './operations.js'
import { normalizePrefix, notServed, prefixRefusal, routeOf, type Route } from './routes.js'
import { Counters, isLoopbackAddress, type Stats } from './stats.js'
import type { AnswerShape } from './shape.js'
import { VersionStore } from './storage.js'
import type { Classification, Fault, Operation, RecordedRequest, SeedVersion, VersionChangeRecord, VersionRecord, Visibility } from './types.js'
import { drop, render, renderFault, send, type Answer, type Rendered } from './wire.js'

export { ARCHIVE_PART } from './body.js'
export { isoSeconds } from './types.js'
export { EARLIER_SHAPE, type AnswerShape } from './shape.js'
export type { Counts, Stats } from './stats.js'
export type { Classification, Fault, Operation, RecordedRequest, ReviewStatus, SeedVersion, VersionChangeRecord, VersionRecord, Visibility } from './types.js'

export interface EmulatorOptions {
  accountId?: string
  username?: string /* without BOOMI_TOKEN. */
  apiToken?: string
  prefix?: string // default '/api/rest/v1'
  prefixes?: string[] // the API prefixes served, default [prefix]; any other path answers 404
  retiredPrefixes?: string[] // paths under these answer 410 (endpoint retired) instead of 404
  /**
   * Prefixes this account may not use, with the status they answer once credentials pass (an
   * account without the Partner API: 403, or 401), e.g. { '/partner/api/rest/v1': 403 }.
   */
  refusedPrefixes?: Record<string, number>
  /**
   * The connector groups that exist in the account (added on the Developer tab, Add Connector
   * Group): a create into any other group answers 400. Seeding versions into a group (`seed()`)
   * also makes it exist. Default: none.
   */
  groups?: string[]
  maxVersions?: number // live versions allowed in the whole account, default 1500
  rateLimit?: number // requests per rolling second for the whole account; beyond it 503; default none
  rateLimitCounts?: RateLimitCounts // which arrivals count against it: 'accepted' (default) or 'all', refused ones included
  latencyMs?: number // delay before every answer, default 0
  pageSize?: number // default 100
  answers?: AnswerShape // how answers are written; default as Boomi's examples (see shape.ts)
  now?: () => Date // clock for uploadedDate/deletedDate, default real time
  port?: number // default 0 (any free port)
  host?: string // default '127.0.0.1'
  onRecord?: (r: RecordedRequest) => void // called once a request's status is final
}

/** The loopback-only debug route: counters as JSON, outside the API prefixes, never rate-limited or recorded. */
export const STATS_PATH = '/__stats'
const DEFAULT_PREFIX = '/api/rest/v1'

export class Emulator {
  readonly accountId: string
  readonly username: string
  readonly apiToken: string
  readonly prefix: string
  readonly prefixes: readonly string[]
  requests: RecordedRequest[] = []
  /** Every ConnectorVersionChange that reached the operation, refused ones included, in order. */
  readonly versionChanges: VersionChangeRecord[] = []

  private readonly opts: EmulatorOptions
  private readonly retired: readonly string[]
  private readonly refusedPrefixes: ReadonlyMap<string, number>
  private readonly account: Account
  private readonly store: VersionStore
  private readonly book = new ClassificationBook()
  private readonly limiter: RateLimiter
  private readonly faults = new FaultScript()
  private readonly counters = new Counters()
  private server?: http.Server
  private _port = 0
  private closed = false
  private extraHeaders: Record<string, string> = {}
  private sleepers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>()

  constructor(opts: EmulatorOptions = {}) {
    this.opts = opts
    this.accountId = opts.accountId ?? 'acme-Q7XK2P'
    this.username = opts.username ?? 'ci-bot@acme.example'
    this.apiToken = opts.apiToken ?? 'emu-token-5f2c9a7b1d3e'
    this.prefixes = (opts.prefixes ?? [opts.prefix ?? DEFAULT_PREFIX]).map(normalizePrefix)
    if (this.prefixes.length === 0) throw new Error('emulator: prefixes must name at least one prefix')
    this.prefix = this.prefixes[0]
    this.retired = (opts.retiredPrefixes ?? []).map(normalizePrefix)
    this.refusedPrefixes = new Map(Object.entries(opts.refusedPrefixes ?? {}).map(([p, status]) => [normalizePrefix(p), refusedStatus(status)]))
    this.store = new VersionStore(this.accountId, this.username)
    this.limiter = new RateLimiter(opts.rateLimit, opts.rateLimitCounts)
    this.account = {
      accountId: this.accountId,
      username: this.username,
      store: this.store,
      groups: declaredGroups(opts.groups),
      book: this.book,
      versionChanges: this.versionChanges,
      now: opts.now ?? (() => new Date()),
      maxVersions: opts.maxVersions ?? 1500,
      pageSize: opts.pageSize ?? 100,
      shape: { ...opts.answers }
    }
  }

  get port(): number {
    return this._port
  }
  /** The first prefix's URL: what a client's `api-url` is set to. */
  get apiUrl(): string {
    return this.urlFor(this.prefix)
  }
  /** The server's URL without a path: an `api-url` that makes the client find the prefix. */
  get hostUrl(): string {
    return `http://127.0.0.1:${this._port}`
  }
  /** The URL of any prefix on this server, served or not (for a client that guesses wrong). */
  urlFor(prefix: string): string {
    return `http://127.0.0.1:${this._port}${normalizePrefix(prefix)}`
  }
  get statsUrl(): string {
    return `http://127.0.0.1:${this._port}${STATS_PATH}`
  }

  async start(): Promise<void> {
    this.closed = false
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        // A bug in the emulator: answer 500 rather than leave the client hanging.
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`emulator error: ${String(err)}`)
        }
      })
    })
    server.requestTimeout = 0 // 1 GB uploads and long hangs must not hit Node's 5-minute default
    this.server = server
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.opts.port ?? 0, this.opts.host ?? '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
    this._port = (server.address() as AddressInfo).port
  }

  /** Stops listening, destroys every open (keep-alive or active) socket, wakes pending sleeps. */
  async close(): Promise<void> {
    this.closed = true
    for (const s of this.sleepers) {
      clearTimeout(s.timer)
      s.resolve()
    }
    this.sleepers.clear()
    const server = this.server
    if (!server) return
    this.server = undefined
    const done = new Promise<void>(resolve => server.close(() => resolve()))
    server.closeAllConnections()
    await done
  }

  /** Queue faults for an operation; each request of that operation consumes the next one. */
  script(op: Operation, ...faults: Fault[]): void {
    this.faults.add(op, faults)
  }

  /** Faults still queued (for one operation, or all). */
  pendingFaults(op?: Operation): number {
    return this.faults.pending(op)
  }

  /** How answers are written from now on (see shape.ts); `reset()` goes back to the constructor's `answers`. */
  setAnswerShape(shape: AnswerShape): void {
    this.account.shape = { ...shape }
  }

  /** Extra headers on every answer (e.g. Deprecation, Sunset, Warning). Replaces the previous set. */
  setResponseHeaders(h: Record<string, string>): void {
    this.extraHeaders = { ...h }
  }

  /**
   * Store versions as if uploaded earlier, in the given order (= query order). Missing fields
   * get defaults; versionIds continue the account-wide sequence unless given. Not limited by
   * `maxVersions` (so a test can fill an account to the limit). A version with `inUse` becomes
   * what that classification points at (created PRIVATE if new; a later seed of the same
   * label takes it over). Each version's group comes to exist, as if added on the Developer tab.
   */
  seed(versions: SeedVersion[]): VersionRecord[] {
    const stored = versions.map(v => {
      const rec = this.store.insert(v)
      this.account.groups.add(v.groupType)
      if (v.inUse !== undefined) this.book.point(v.groupType, v.inUse, rec.versionId)
      return rec
    })
    return stored.map(v => this.snapshot(v))
  }

  /** Adds connector groups, as the Developer tab's Add Connector Group does (until `reset()`). */
  addGroups(...groupTypes: string[]): void {
    for (const g of declaredGroups(groupTypes)) this.account.groups.add(g)
  }

  /** The connector groups that exist: declared, added or seeded, in that order. */
  groups(): string[] {
    return [...this.account.groups]
  }

  versions(groupType?: string): VersionRecord[] {
    return this.store.all(groupType).map(v => this.snapshot(v))
  }

  live(groupType?: string): VersionRecord[] {
    return this.versions(groupType).filter(v => !v.deleted)
  }

  /** Kept for older tests: points classification `label` at the version, or (undefined) frees the version. */
  setInUse(versionId: string, label: string | undefined): void {
    const v = this.store.get(versionId)
    if (!v) throw new Error(`emulator: no version ${versionId}`)
    if (label === undefined) this.book.release(v.groupType, versionId)
    else this.book.point(v.groupType, label, versionId)
  }

  /** Creates or replaces a classification of a group. Its versions must be live versions of that group. */
  setClassification(groupType: string, label: string, c: { versionId?: string; visibility: Visibility; pending?: Classification['pending'] }): void {
    if (c.visibility !== 'PRIVATE' && c.visibility !== 'PUBLIC') throw new Error(`emulator: visibility must be PRIVATE or PUBLIC`)
    for (const id of [c.versionId, c.pending?.versionId]) {
      const v = id === undefined ? undefined : this.store.get(id)
      if (id !== undefined && (!v || v.groupType !== groupType || v.deleted)) {
        throw new Error(`emulator: no live version ${id} in group ${groupType}`)
      }
    }
    this.book.set(groupType, label, c)
  }

  /** The group's classifications by label (copies). */
  classifications(groupType: string): Record<string, Classification> {
    return this.book.of(groupType)
  }

  /** Plays Boomi's reviewer: a PUBLIC classification's pending version becomes its version. */
  approve(groupType: string, label: string): void {
    const c = this.book.get(groupType, label)
    if (!c?.pending) throw new Error(`emulator: nothing pending for ${groupType}-${label}`)
    c.versionId = c.pending.versionId
    delete c.pending
  }

  /** Totals and per-group counts of finished requests (what `GET /__stats` answers). */
  stats(): Stats {
    return this.counters.snapshot()
  }

  /** Largest number of recorded arrivals inside any rolling window (t - windowMs, t]. */
  maxRequestsInWindow(windowMs = 1000, filter?: (r: RecordedRequest) => boolean): number {
    const times = this.requests
      .filter(r => !filter || filter(r))
      .map(r => r.arrivedAt)
      .sort((a, b) => a - b)
    let max = 0
    let i = 0
    for (let j = 0; j < times.length; j++) {
      while (times[i] <= times[j] - windowMs) i++
      max = Math.max(max, j - i + 1)
    }
    return max
  }

  /** Back to an empty account: versions, classifications, requests, changes, scripts, tokens, counters, rate-limit history, extra headers, answer shape; the groups back to the constructor's `groups`. */
  reset(): void {
    this.store.reset()
    this.account.groups = declaredGroups(this.opts.groups)
    this.book.reset()
    this.requests.length = 0
    this.versionChanges.length = 0
    this.faults.clear()
    this.limiter.reset()
    this.counters.reset()
    this.extraHeaders = {}
    this.account.shape = { ...this.opts.answers }
  }

  // ---------------------------------------------------------------- HTTP

  private snapshot(v: VersionRecord): VersionRecord {
    const copy = { ...v }
    const use = this.book.usesOf(v.groupType, v.versionId)[0]
    if (use) copy.inUse = use.label
    return copy
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const arrivedAt = performance.now()
    const method = req.method ?? 'GET'
    const pathname = new URL(req.url ?? '/', 'http://emulator').pathname
    if (pathname === STATS_PATH) return this.serveStats(req, res)
    const route = routeOf(method, pathname, this.prefixes, this.retired, this.refusedPrefixes)
    const rec: RecordedRequest = { operation: route.op, method, path: pathname, status: 0, arrivedAt, headers: { ...req.headers } }
    this.requests.push(rec)

    const verdict = this.admit(req, route, rec)
    const fault = verdict ? undefined : this.faults.next(route.op)
    if (fault && 'dropBeforeBody' in fault) {
      drop(req)
      return this.finish(rec, 0)
    }
    const body = await readBody(req)
    this.recordBody(rec, route.op, body)
    if (body.aborted) return this.finish(rec, 0) // the client went away mid-body
    if (verdict) return this.answer(req, res, rec, render(req, verdict))

    if (fault && 'hangMs' in fault) {
      // Body read, then stall. Handling then goes on even if the client gave up meanwhile,
      // like a backend that does not notice cancellation (a create still creates).
      await this.sleep(fault.hangMs)
      if (this.closed) return this.finish(rec, 0)
    }
    if (fault && 'status' in fault) return this.answer(req, res, rec, renderFault(req, fault))

    const result: Answer =
      route.op === 'unknown' ? notServed(route, method, pathname) : perform(this.account, route.op, req.headers['content-type'] ?? '', body)
    if (result.versionId) rec.versionId = result.versionId
    if (fault && 'dropAfterCreate' in fault) {
      // The operation took effect; the answer is lost. (Also works for delete and versionChange.)
      drop(req)
      return this.finish(rec, 0)
    }
    return this.answer(req, res, rec, render(req, result))
  }

  /** Rate limit, then credentials and account (admission.ts): the answer that refuses the request, if any. */
  private admit(req: http.IncomingMessage, route: Route, rec: RecordedRequest): Answer | undefined {
    if (this.limiter.refuses(rec.arrivedAt)) {
      rec.rateLimited = true
      return rateLimitAnswer(this.opts.rateLimit, this.accountId)
    }
    const refused = refusal(req.headers.authorization, route.account, this)
    if (refused || route.refusedWith === undefined) return refused
    return prefixRefusal(route.refusedWith)
  }

  private recordBody(rec: RecordedRequest, op: Operation, body: Body): void {
    const mp = body.multipart
    if (mp) {
      rec.partOrder = mp.partOrder
      rec.fields = mp.fields
      if (mp.file) {
        rec.fileName = mp.file.fileName
        rec.fileSize = mp.file.size
        rec.fileSha256 = mp.file.sha256
      }
    } else if (body.text !== undefined) {
      rec.body = body.text
    }
    const group = requestGroup(this.account, op, body)
    if (group !== undefined) rec.groupType = group
  }

  private serveStats(req: http.IncomingMessage, res: http.ServerResponse): void {
    req.resume()
    if (!isLoopbackAddress(req.socket.remoteAddress)) {
      send(res, { status: 404, contentType: 'text/plain', body: 'Not found' }, {})
      return
    }
    if (req.method !== 'GET') {
      send(res, { status: 405, contentType: 'text/plain', body: 'GET only', headers: { Allow: 'GET' } }, {})
      return
    }
    send(res, { status: 200, contentType: 'application/json', body: JSON.stringify(this.stats()) }, {})
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse, rec: RecordedRequest, r: Rendered): Promise<void> {
    if (this.opts.latencyMs) await this.sleep(this.opts.latencyMs)
    if (this.closed || req.socket.destroyed) return this.finish(rec, 0) // nobody to answer
    send(res, r, this.extraHeaders)
    this.finish(rec, r.status)
  }

  private finish(rec: RecordedRequest, status: number): void {
    rec.status = status
    this.counters.note(rec)
    this.opts.onRecord?.(rec)
  }

  /** A sleep that close() cuts short, so no timer outlives the server. */
  private sleep(ms: number): Promise<void> {
    return new Promise(resolve => {
      const s = {
        timer: setTimeout(() => {
          this.sleepers.delete(s)
          resolve()
        }, ms),
        resolve
      }
      this.sleepers.add(s)
    })
  }
}

function declaredGroups(groupTypes: readonly string[] = []): Set<string> {
  if (groupTypes.some(g => g === '')) throw new Error('emulator: a connector group type must not be empty')
  return new Set(groupTypes)
}

function refusedStatus(status: number): number {
  if (!Number.isInteger(status) || status < 400 || status > 499) throw new Error(`emulator: a refused prefix answers a 4xx status, not ${status}`)
  return status
}
