/**
 * Boomi ConnectorVersion API emulator (SPEC §1), for tests and demos.
 *
 * A real `node:http` server on loopback. It is an independent model of Boomi: it must not
 * import anything from `src/`, so a misunderstanding in the client is not mirrored here.
 *
 * Order of decisions for every request (documented because tests depend on it):
 *   1. arrival is recorded (`arrivedAt` = performance.now() when the headers arrived);
 *   2. rate limit: more than `rateLimit` *accepted* arrivals in (now-1000 ms, now] → 503
 *      (rate-limited arrivals do not count against later ones: the forgiving choice);
 *   3. auth (Basic, `BOOMI_TOKEN.<username>` / apiToken) → 401;
 *   4. wrong account ID in the path → 403;
 *   5. the next scripted fault for the operation, if any (so 401/403/503-limited requests
 *      never consume a fault);
 *   6. normal handling (unknown route → 404).
 * The whole body is read (and recorded) before any answer except `dropBeforeBody`, so a
 * client never sees EPIPE because the server answered early.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHash, randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import busboy from 'busboy'

export interface EmulatorOptions {
  accountId?: string
  username?: string /* without BOOMI_TOKEN. */
  apiToken?: string
  prefix?: string // default '/partner/api/rest/v1'
  maxVersions?: number // live versions allowed in the whole account, default 1500
  rateLimit?: number // requests per rolling second; beyond it 503 (rate-limited); default none
  latencyMs?: number // delay before every answer, default 0
  pageSize?: number // default 100
  now?: () => Date // clock for uploadedDate/deletedDate, default real time
  port?: number // default 0 (any free port)
  host?: string // default '127.0.0.1'
  onRecord?: (r: RecordedRequest) => void // called once a request's status is final
}

export type ReviewStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'CANCELLED'

export interface VersionRecord {
  versionId: string
  groupType: string
  displayVersion: string
  changeLog: string
  uploadedDate: string
  uploadedBy: string
  deleted: boolean
  deletedDate?: string
  reviewStatus?: ReviewStatus
  releaseVersion: boolean
  carLink: string
  inUse?: string // classification using it (e.g. 'prod'): delete refused. Not in answers.
  archiveSha256?: string // not in answers
  archiveSize?: number // not in answers
}

export type Operation = 'create' | 'query' | 'queryMore' | 'delete' | 'unknown'

export interface RecordedRequest {
  operation: Operation
  method: string
  path: string // pathname, without query string
  status: number // status actually answered; 0 if the connection was dropped (either side)
  arrivedAt: number // performance.now() when the request's headers arrived
  headers: Record<string, string | string[] | undefined>
  body?: string // raw body for non-multipart requests (first 1 MiB)
  fields?: Record<string, string> // multipart text parts
  fileName?: string
  fileSize?: number
  fileSha256?: string
  partOrder?: string[] // names of the multipart parts in order
  rateLimited?: boolean
  versionId?: string // the version this request created or deleted (even if the answer was lost)
}

export type Fault =
  | { status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  | { dropAfterCreate: true }
  | { dropBeforeBody: true }
  | { hangMs: number }

/** Shape accepted by `seed()`: anything not given gets a default. */
export type SeedVersion = Partial<VersionRecord> & { groupType: string; uploadedDate: string }

export const ARCHIVE_PART = 'connectorVersionArchive'
const TEXT_BODY_LIMIT = 1 << 20
const PROTECTED_REVIEW: ReadonlySet<string> = new Set(['PENDING', 'APPROVED', 'REJECTED'])

interface Multipart {
  fields: Record<string, string>
  partOrder: string[]
  file?: { fileName: string; size: number; sha256: string; head: Buffer }
  archiveNotAFile: boolean
  duplicates: string[]
  error?: string
}
interface Body {
  text?: string
  multipart?: Multipart
  aborted: boolean
}
/** What the server decided to answer: a JSON-able payload (rendered as JSON or XML). */
interface Answer {
  status: number
  payload: object
  headers?: Record<string, string>
  versionId?: string
}

/** Seconds-precision ISO 8601, like the platform API ("2024-05-01T10:00:00Z"). */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function errorPayload(message: string): object {
  return { '@type': 'Error', message }
}

export class Emulator {
  readonly accountId: string
  readonly username: string
  readonly apiToken: string
  readonly prefix: string
  requests: RecordedRequest[] = []

  private readonly opts: EmulatorOptions
  private readonly now: () => Date
  private server?: http.Server
  private _port = 0
  private closed = false
  private store: VersionRecord[] = [] // insertion order = query order
  private byId = new Map<string, VersionRecord>()
  private nextId = 1001
  private groupCounters = new Map<string, number>()
  private faults = new Map<Operation, Fault[]>()
  private tokens = new Map<string, { items: VersionRecord[]; offset: number }>()
  private accepted: number[] = [] // arrival times of non-rate-limited requests, for the limiter
  private extraHeaders: Record<string, string> = {}
  private sleepers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>()

  constructor(opts: EmulatorOptions = {}) {
    this.opts = opts
    this.accountId = opts.accountId ?? 'acme-Q7XK2P'
    this.username = opts.username ?? 'ci-bot@acme.example'
    this.apiToken = opts.apiToken ?? 'emu-token-5f2c9a7b1d3e'
    this.prefix = (opts.prefix ?? '/partner/api/rest/v1').replace(/\/+$/, '')
    this.now = opts.now ?? (() => new Date())
  }

  get port(): number {
    return this._port
  }
  get apiUrl(): string {
    return `http://127.0.0.1:${this._port}${this.prefix}`
  }
  private get maxVersions(): number {
    return this.opts.maxVersions ?? 1500
  }
  private get pageSize(): number {
    return this.opts.pageSize ?? 100
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
    const q = this.faults.get(op) ?? []
    q.push(...faults)
    this.faults.set(op, q)
  }

  /** Faults still queued (for one operation, or all). */
  pendingFaults(op?: Operation): number {
    if (op) return this.faults.get(op)?.length ?? 0
    let n = 0
    for (const q of this.faults.values()) n += q.length
    return n
  }

  /** Extra headers on every answer (e.g. Deprecation, Sunset, Warning). Replaces the previous set. */
  setResponseHeaders(h: Record<string, string>): void {
    this.extraHeaders = { ...h }
  }

  /**
   * Store versions as if uploaded earlier, in the given order (= query order). Missing fields
   * get defaults; versionIds continue the account-wide sequence unless given. Not limited by
   * `maxVersions` (so a test can fill an account to the limit).
   */
  seed(versions: SeedVersion[]): VersionRecord[] {
    return versions.map(v => ({ ...this.insert(v) }))
  }

  versions(groupType?: string): VersionRecord[] {
    return this.store.filter(v => groupType === undefined || v.groupType === groupType).map(v => ({ ...v }))
  }

  live(groupType?: string): VersionRecord[] {
    return this.versions(groupType).filter(v => !v.deleted)
  }

  setInUse(versionId: string, classification: string | undefined): void {
    const v = this.byId.get(versionId)
    if (!v) throw new Error(`emulator: no version ${versionId}`)
    if (classification === undefined) delete v.inUse
    else v.inUse = classification
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

  /** Back to an empty account: versions, requests, scripts, tokens, id counters, rate-limit history, extra headers. */
  reset(): void {
    this.store = []
    this.byId.clear()
    this.nextId = 1001
    this.groupCounters.clear()
    this.requests.length = 0
    this.faults.clear()
    this.tokens.clear()
    this.accepted = []
    this.extraHeaders = {}
  }

  // ---------------------------------------------------------------- storage

  private insert(v: SeedVersion): VersionRecord {
    let versionId = v.versionId
    if (versionId === undefined) versionId = String(this.nextId++)
    else if (this.byId.has(versionId)) throw new Error(`emulator: duplicate versionId ${versionId}`)
    else if (/^\d+$/.test(versionId)) this.nextId = Math.max(this.nextId, Number(versionId) + 1)

    // displayVersion: a per-group counter; an explicit numeric value moves the counter up to it.
    const last = this.groupCounters.get(v.groupType) ?? 0
    const displayVersion = v.displayVersion ?? String(last + 1)
    this.groupCounters.set(v.groupType, v.displayVersion === undefined ? last + 1 : Math.max(last, Number(displayVersion) || 0))

    const rec: VersionRecord = {
      versionId,
      groupType: v.groupType,
      displayVersion,
      changeLog: v.changeLog ?? '',
      uploadedDate: v.uploadedDate,
      uploadedBy: v.uploadedBy ?? this.username,
      deleted: v.deleted ?? false,
      releaseVersion: v.releaseVersion ?? false,
      carLink: v.carLink ?? this.carLink(v.groupType, versionId)
    }
    if (rec.deleted) rec.deletedDate = v.deletedDate ?? v.uploadedDate
    if (v.reviewStatus !== undefined) rec.reviewStatus = v.reviewStatus
    if (v.inUse !== undefined) rec.inUse = v.inUse
    if (v.archiveSha256 !== undefined) rec.archiveSha256 = v.archiveSha256
    if (v.archiveSize !== undefined) rec.archiveSize = v.archiveSize
    this.store.push(rec)
    this.byId.set(versionId, rec)
    return rec
  }

  private carLink(groupType: string, versionId: string): string {
    return `https://connector-archives.boomi.example/${encodeURIComponent(this.accountId)}/${encodeURIComponent(groupType)}/${versionId}/connector.car.zip`
  }

  /** The answer form of a version: the record minus what only the emulator knows. */
  private view(v: VersionRecord): object {
    const { inUse: _inUse, archiveSha256: _sha, archiveSize: _size, ...rest } = v
    return { '@type': 'ConnectorVersion', ...rest }
  }

  // ---------------------------------------------------------------- HTTP

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const arrivedAt = performance.now()
    const method = req.method ?? 'GET'
    const pathname = new URL(req.url ?? '/', 'http://emulator').pathname
    const { op, account } = this.route(method, pathname)
    const rec: RecordedRequest = { operation: op, method, path: pathname, status: 0, arrivedAt, headers: { ...req.headers } }
    this.requests.push(rec)

    // Decide at arrival (steps 2-5 of the header comment); answer after the body is read.
    let verdict: Answer | undefined
    let fault: Fault | undefined
    if (this.rateLimited(arrivedAt)) {
      rec.rateLimited = true
      verdict = {
        status: 503,
        payload: errorPayload(`Rate limit exceeded: more than ${this.opts.rateLimit} requests in one second for account ${this.accountId}. Try again later.`)
      }
    } else if (!this.authorized(req.headers.authorization)) {
      verdict = {
        status: 401,
        payload: errorPayload('Unauthorized: invalid user name or API token.'),
        headers: { 'WWW-Authenticate': 'Basic realm="Boomi"' }
      }
    } else if (account !== undefined && account !== this.accountId) {
      verdict = { status: 403, payload: errorPayload(`Forbidden: you do not have access to account ${account}.`) }
    } else {
      fault = this.faults.get(op)?.shift()
    }

    if (fault && 'dropBeforeBody' in fault) {
      req.socket.destroy()
      return this.finish(rec, 0)
    }

    const body = await readBody(req)
    if (body.multipart) {
      const mp = body.multipart
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
    if (body.aborted) return this.finish(rec, 0) // the client went away mid-body

    if (verdict) return this.answer(req, res, rec, verdict)

    if (fault && 'hangMs' in fault) {
      // Body read, then stall. Handling then goes on even if the client gave up meanwhile,
      // like a backend that does not notice cancellation (a create still creates).
      await this.sleep(fault.hangMs)
      if (this.closed) return this.finish(rec, 0)
    }
    if (fault && 'status' in fault) return this.answerFault(req, res, rec, fault)

    const result = this.dispatch(op, req, body)
    if (result.versionId) rec.versionId = result.versionId
    if (fault && 'dropAfterCreate' in fault) {
      // The operation took effect; the answer is lost. (Also works for delete.)
      req.socket.destroy()
      return this.finish(rec, 0)
    }
    return this.answer(req, res, rec, result)
  }

  private route(method: string, pathname: string): { op: Operation; account?: string } {
    const base = `${this.prefix}/`
    if (!pathname.startsWith(base)) return { op: 'unknown' }
    const [account, ...rest] = pathname.slice(base.length).split('/')
    const tail = rest.join('/')
    let op: Operation = 'unknown'
    if (method === 'POST' && tail === 'ConnectorVersion') op = 'create'
    else if (method === 'POST' && tail === 'ConnectorVersion/query') op = 'query'
    else if (method === 'POST' && tail === 'ConnectorVersion/queryMore') op = 'queryMore'
    else if (method === 'DELETE' && tail === 'ConnectorVersion') op = 'delete'
    return { op, account }
  }

  private rateLimited(t: number): boolean {
    const limit = this.opts.rateLimit
    if (limit === undefined) return false
    this.accepted = this.accepted.filter(a => a > t - 1000)
    if (this.accepted.length >= limit) return true
    this.accepted.push(t)
    return false
  }

  private authorized(header: string | undefined): boolean {
    const m = /^Basic\s+(\S+)\s*$/i.exec(header ?? '')
    if (!m) return false
    const decoded = Buffer.from(m[1], 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) return false
    return decoded.slice(0, colon) === `BOOMI_TOKEN.${this.username}` && decoded.slice(colon + 1) === this.apiToken
  }

  private dispatch(op: Operation, req: http.IncomingMessage, body: Body): Answer {
    const ct = (req.headers['content-type'] ?? '').toLowerCase()
    switch (op) {
      case 'create':
        return this.create(body.multipart)
      case 'query':
        if (!ct.startsWith('application/json')) return unsupported('application/json')
        return this.query(body.text ?? '')
      case 'queryMore':
        if (!ct.startsWith('text/plain')) return unsupported('text/plain')
        return this.queryMore(body.text ?? '')
      case 'delete':
        if (!ct.startsWith('application/json')) return unsupported('application/json')
        return this.delete(body.text ?? '')
      default:
        return { status: 404, payload: errorPayload(`Not found: ${req.method} ${new URL(req.url ?? '/', 'http://e').pathname}`) }
    }
  }

  private create(mp: Multipart | undefined): Answer {
    const bad = (message: string): Answer => ({ status: 400, payload: errorPayload(message) })
    if (!mp) return bad('Content-Type must be multipart/form-data.')
    if (mp.error) return bad(`Malformed multipart body: ${mp.error}`)
    if (mp.duplicates.length) return bad(`Part '${mp.duplicates[0]}' appears more than once.`)
    if (mp.archiveNotAFile) return bad(`Part '${ARCHIVE_PART}' must be a file.`)
    if (!mp.file) return bad(`Missing required part '${ARCHIVE_PART}'.`)
    const groupType = mp.fields.groupType
    if (!groupType) return bad("Missing required part 'groupType'.")
    if (mp.file.size === 0) return bad('The connector archive is empty.')
    if (mp.file.head.toString('latin1') !== 'PK') return bad('The connector archive is not a zip file.')
    const claimed = mp.fields.sha256Checksum
    if (claimed !== undefined && claimed.toLowerCase() !== mp.file.sha256) {
      return bad(`Checksum mismatch: sha256Checksum ${claimed} does not match the uploaded archive (${mp.file.sha256}).`)
    }
    if (this.store.filter(v => !v.deleted).length >= this.maxVersions) {
      return bad(`The account has reached the maximum of ${this.maxVersions} connector versions. Delete unused connector versions and try again.`)
    }
    const rec = this.insert({
      groupType,
      changeLog: mp.fields.changeLog ?? '',
      uploadedDate: isoSeconds(this.now()),
      uploadedBy: this.username,
      archiveSha256: mp.file.sha256,
      archiveSize: mp.file.size
    })
    return { status: 200, payload: this.view(rec), versionId: rec.versionId }
  }

  private query(text: string): Answer {
    let groupType: string | undefined
    try {
      groupType = groupTypeOfQuery(JSON.parse(text))
    } catch {
      /* not JSON: same answer as a wrong shape */
    }
    if (groupType === undefined) {
      return {
        status: 400,
        payload: errorPayload('Invalid query: expected {"QueryFilter":{"expression":{"argument":[groupType],"operator":"EQUALS","property":"GROUP_TYPE"}}}.')
      }
    }
    // Snapshot of the matching records (references: later deletes show on later pages).
    const items = this.store.filter(v => v.groupType === groupType)
    return { status: 200, payload: this.page(items, 0) }
  }

  private queryMore(token: string): Answer {
    const cursor = this.tokens.get(token)
    if (!cursor) return { status: 400, payload: errorPayload('Invalid or expired query token.') }
    this.tokens.delete(token) // one use only
    return { status: 200, payload: this.page(cursor.items, cursor.offset) }
  }

  private page(items: VersionRecord[], offset: number): object {
    const slice = items.slice(offset, offset + this.pageSize)
    const next = offset + slice.length
    let queryToken: string | undefined
    if (next < items.length) {
      // Opaque, standard base64 (may hold '+' and '/'): a client must send it back untouched.
      queryToken = randomBytes(48).toString('base64')
      this.tokens.set(queryToken, { items, offset: next })
    }
    return {
      '@type': 'QueryResult',
      numberOfResults: items.length,
      ...(queryToken ? { queryToken } : {}),
      result: slice.map(v => this.view(v))
    }
  }

  private delete(text: string): Answer {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined
    }
    if (!isObject(parsed) || typeof parsed.groupType !== 'string' || typeof parsed.versionId !== 'string') {
      return { status: 400, payload: errorPayload('Invalid delete request: expected {"groupType": string, "versionId": string}.') }
    }
    const { groupType, versionId } = parsed
    const v = this.byId.get(versionId)
    if (!v || v.groupType !== groupType) {
      return { status: 404, payload: errorPayload(`Connector version ${versionId} not found in connector group ${groupType}.`) }
    }
    const refuse = (why: string): Answer => ({
      status: 400,
      payload: errorPayload(`Connector version ${versionId} of connector group ${groupType} cannot be deleted: ${why}.`)
    })
    if (v.deleted) return refuse(`it was already deleted on ${v.deletedDate}`)
    if (v.inUse) return refuse(`it is used by classification '${v.inUse}'`)
    if (v.reviewStatus && PROTECTED_REVIEW.has(v.reviewStatus)) return refuse(`its review status is ${v.reviewStatus}`)
    if (v.releaseVersion) return refuse('it is a release version')
    v.deleted = true
    v.deletedDate = isoSeconds(this.now())
    return { status: 200, payload: this.view(v), versionId }
  }

  // ---------------------------------------------------------------- answers

  private async answer(req: http.IncomingMessage, res: http.ServerResponse, rec: RecordedRequest, a: Answer): Promise<void> {
    const json = wantsJson(req)
    const body = json ? JSON.stringify(a.payload) : toXml(a.payload)
    await this.write(req, res, rec, a.status, json ? 'application/json' : 'application/xml', body, a.headers)
  }

  private async answerFault(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    rec: RecordedRequest,
    f: { status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  ): Promise<void> {
    if (f.body === undefined) {
      return this.answer(req, res, rec, { status: f.status, payload: errorPayload(`Injected fault: HTTP ${f.status}`), headers: f.headers })
    }
    await this.write(req, res, rec, f.status, f.contentType ?? guessType(f.body), f.body, f.headers)
  }

  private async write(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    rec: RecordedRequest,
    status: number,
    contentType: string,
    body: string,
    headers: Record<string, string> = {}
  ): Promise<void> {
    if (this.opts.latencyMs) await this.sleep(this.opts.latencyMs)
    if (this.closed || req.socket.destroyed) return this.finish(rec, 0) // nobody to answer
    const buf = Buffer.from(body, 'utf8')
    res.writeHead(status, {
      ...this.extraHeaders,
      'Content-Type': `${contentType}; charset=utf-8`,
      'Content-Length': String(buf.length),
      ...headers
    })
    res.end(buf)
    this.finish(rec, status)
  }

  private finish(rec: RecordedRequest, status: number): void {
    rec.status = status
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

// -------------------------------------------------------------------- helpers

function unsupported(expected: string): Answer {
  return { status: 415, payload: errorPayload(`Unsupported Media Type: expected Content-Type ${expected}.`) }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function hasExactly(o: Record<string, unknown>, keys: string[]): boolean {
  const ks = Object.keys(o).sort()
  return ks.length === keys.length && ks.every((k, i) => k === [...keys].sort()[i])
}

/** The group type of a query body of exactly the SPEC shape, else undefined. */
function groupTypeOfQuery(v: unknown): string | undefined {
  if (!isObject(v) || !hasExactly(v, ['QueryFilter'])) return undefined
  const qf = v.QueryFilter
  if (!isObject(qf) || !hasExactly(qf, ['expression'])) return undefined
  const e = qf.expression
  if (!isObject(e) || !hasExactly(e, ['argument', 'operator', 'property'])) return undefined
  if (e.operator !== 'EQUALS' || e.property !== 'GROUP_TYPE') return undefined
  const arg = e.argument
  if (!Array.isArray(arg) || arg.length !== 1 || typeof arg[0] !== 'string' || arg[0] === '') return undefined
  return arg[0]
}

function wantsJson(req: http.IncomingMessage): boolean {
  return /application\/json/i.test(req.headers.accept ?? '')
}

function guessType(body: string): string {
  try {
    JSON.parse(body)
    return 'application/json'
  } catch {
    return 'text/plain'
  }
}

function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string)
}

/** A simple XML rendering; errors become <error><message>…</message></error>. */
function toXml(payload: object): string {
  const type = (payload as { '@type'?: string })['@type']
  const root = type === 'Error' ? 'error' : (type ?? 'result')
  const el = (tag: string, v: unknown): string => {
    if (v === undefined) return ''
    if (Array.isArray(v)) return v.map(x => el(tag, x)).join('')
    if (isObject(v)) {
      const inner = Object.entries(v)
        .filter(([k]) => k !== '@type')
        .map(([k, x]) => el(k, x))
        .join('')
      return `<${tag}>${inner}</${tag}>`
    }
    return `<${tag}>${xmlEscape(String(v))}</${tag}>`
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${el(root, payload)}`
}

/**
 * Read the whole request body. Multipart bodies are parsed as they stream: the archive part
 * is hashed and counted, never kept (flat memory for 1 GB uploads). Other bodies are kept up
 * to 1 MiB. Never rejects: parse problems land in `multipart.error`.
 */
function readBody(req: http.IncomingMessage): Promise<Body> {
  return new Promise(resolve => {
    let settled = false
    const settle = (b: Body): void => {
      if (!settled) {
        settled = true
        resolve(b)
      }
    }
    // The client went away before the body was complete.
    req.on('close', () => {
      if (!req.complete) settle({ aborted: true })
    })

    const ct = (req.headers['content-type'] ?? '').toLowerCase()
    if (!ct.startsWith('multipart/form-data')) {
      const chunks: Buffer[] = []
      let kept = 0
      req.on('data', (c: Buffer) => {
        if (kept < TEXT_BODY_LIMIT) {
          chunks.push(c.subarray(0, TEXT_BODY_LIMIT - kept))
          kept += Math.min(c.length, TEXT_BODY_LIMIT - kept)
        }
      })
      req.on('end', () => settle({ text: Buffer.concat(chunks).toString('utf8'), aborted: false }))
      req.on('error', () => settle({ aborted: true }))
      return
    }

    const mp: Multipart = { fields: {}, partOrder: [], archiveNotAFile: false, duplicates: [] }
    const seen = new Set<string>()
    const fileDone: Promise<void>[] = []
    const noteName = (name: string): void => {
      mp.partOrder.push(name)
      if (seen.has(name)) mp.duplicates.push(name)
      seen.add(name)
    }
    const failAndDrain = (err: unknown): void => {
      mp.error ??= err instanceof Error ? err.message : String(err)
      req.unpipe()
      req.resume() // discard the rest, then answer
    }
    let bb: busboy.Busboy
    try {
      bb = busboy({ headers: req.headers, defParamCharset: 'utf8' })
    } catch (err) {
      failAndDrain(err) // e.g. no boundary
      req.on('end', () => settle({ multipart: mp, aborted: false }))
      return
    }
    bb.on('field', (name, value, info) => {
      noteName(name)
      if (name === ARCHIVE_PART) mp.archiveNotAFile = true
      else mp.fields[name] = value
      if (info.valueTruncated) mp.error ??= `part '${name}' is too large`
    })
    bb.on('file', (name, stream, info) => {
      noteName(name)
      if (name !== ARCHIVE_PART || mp.file) {
        stream.resume()
        return
      }
      const file = { fileName: info.filename ?? '', size: 0, sha256: '', head: Buffer.alloc(0) }
      mp.file = file
      const hash = createHash('sha256')
      stream.on('data', (c: Buffer) => {
        hash.update(c)
        file.size += c.length
        if (file.head.length < 2) file.head = Buffer.concat([file.head, c.subarray(0, 2 - file.head.length)])
      })
      fileDone.push(
        new Promise<void>(done => {
          stream.on('end', () => {
            file.sha256 = hash.digest('hex')
            done()
          })
          stream.on('error', () => done())
        })
      )
    })
    bb.on('error', (err: unknown) => {
      failAndDrain(err)
      if (req.complete) settle({ multipart: mp, aborted: false })
      else req.on('end', () => settle({ multipart: mp, aborted: false }))
    })
    bb.on('close', () => {
      void Promise.all(fileDone).then(() => settle({ multipart: mp, aborted: false }))
    })
    req.pipe(bb)
  })
}
