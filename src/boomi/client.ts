import type { IncomingHttpHeaders } from 'node:http'
import { PARTNER_PREFIX, PATHS, deleteRequest, isWrongPrefix, queryBody, versionChangeBody } from './contract.js'
import { readCreatedVersion, readQueryPage, readVersionChange } from './answers.js'
import { ListingPages } from './listing.js'
import { PrefixNotFoundError, boomiWords, retryAfterOf, toBoomiError } from './refusals.js'
import { ACTION_VERSION } from '../constants.js'
import { AnswerError, BoomiError, type Operation, OutcomeUnknownError, WithdrawnError, sentences } from '../errors.js'
import type { Logger } from '../logger.js'
import type { ApiContact, ApiNotice } from '../domain/contact.js'
import { MIN_SECRET_FRAGMENT, cut, forLog, oneLine, scrubSecrets, secretForms } from '../domain/untrusted.js'
import type { ConnectorVersion, VersionChange } from '../domain/versions.js'
import { plural } from '../text.js'
export type { ConnectorVersion, VersionChange } from '../domain/versions.js'
export { PrefixNotFoundError, parseErrorMessage, toBoomiError } from './refusals.js'
import type { StreamBody, Transport } from '../net/transport.js'
import { type RetryPolicy, RetryStrategy, withRetries } from '../net/retry.js'
import { classifyFailure } from './failures.js'

/** The ConnectorVersion operations. A fake implements this in tests of the core. */
export interface BoomiClient {
  /** Every version of the group, every page, deleted ones included (deletes are soft); other groups' versions left out. */
  listGroup(groupType: string): Promise<ConnectorVersion[]>
  /** One upload attempt: retrying an upload needs care (see the orchestrator), so it is not retried here. */
  createVersion(groupType: string, body: StreamBody): Promise<ConnectorVersion>
  /**
   * Throws when it surely did not happen; resolves 'unknown' when an attempt may have done it though none said so.
   * `wanted`, asked when each attempt's turn comes: false takes it back unsent (a WithdrawnError).
   */
  deleteVersion(groupType: string, versionId: string, wanted?: () => boolean): Promise<DeleteAnswer>
  /** Switches a classification (`<groupType>-<label>`) to a version; retried, since sending it again is harmless. */
  changeVersion(classificationType: string, versionId: string, releaseNotes: string): Promise<VersionChange>
}

/**
 * A delete's end: done, or not known, when an attempt lost its answer (and
 * what came after failed, perhaps only because it was already done): the
 * group's listing tells. `error` is the last failure.
 */
export type DeleteAnswer = { outcome: 'deleted' } | { outcome: 'unknown'; error: unknown }

/** The pacer as the client uses it: a slot before each request, and what each answer said about the pace. */
export interface RequestPacer {
  due(): Promise<void>
  take(): Promise<void>
  observe(status: number, retryAfterMs?: number): void
}

export interface ClientOptions {
  /** A host with its path prefix, used as given; with `findPrefix`, a host alone. */
  apiUrl: string
  /**
   * The path prefixes to try in turn, when `apiUrl` is a host alone, on the
   * run's first request (docs/behaviour.md, "Finding the prefix"). That request
   * must be the read-only listing: nothing that changes anything goes out
   * before a prefix has answered.
   */
  findPrefix?: readonly string[]
  accountId: string
  username: string
  apiToken: string
  timeoutMs: number
  transport: Transport
  pacer: RequestPacer
  /** The run's one strategy, shared by every request; a policy alone gives this client one of its own (its tests). */
  retry: RetryStrategy | RetryPolicy
  log: Logger
  now?: () => number
}

interface Call {
  operation: Operation
  method: string
  path: string
  body: string | StreamBody
  contentType?: string
  /** Asked once the pacer gives the request its turn; false: not sent. */
  wanted?: () => boolean
}

/** The hint for an answer not understood after others were: not api-url, but a shape this release does not know. */
const NEW_SHAPE =
  "Boomi's API has answered this run before, so api-url is right: this answer has a shape this release does not read, and nothing was decided on it. Please report it, naming release " +
  ACTION_VERSION +
  '.'

/** Answer headers about the API itself (docs/boomi-api.md, "Errors and statuses"): each one is a warning, once per operation. */
const NOTICE_HEADERS = ['Deprecation', 'Sunset', 'Warning', 'Link'] as const
/** Longest header value kept: they are outside text. */
const MAX_NOTICE_VALUE = 300

export class HttpBoomiClient implements BoomiClient {
  /** The API root that serves the run, once known: a host with its path prefix. */
  private root: string | undefined
  /** Whether Boomi has answered 2xx at `root`: an api-url with a path is known from the start, not proved. */
  private answered = false
  /** Prefixes that refused the first request: never asked again in this run, retries included. */
  private readonly refused = new Map<string, BoomiError>()
  private readonly authorization: string
  private readonly secrets: string[]
  private readonly secretForms: string[]
  private readonly notices: ApiNotice[] = []
  private readonly strategy: RetryStrategy
  /** An answer of this run was understood: Boomi's API is where api-url says. */
  private understood = false

  constructor(private readonly opts: ClientOptions) {
    this.strategy = opts.retry instanceof RetryStrategy ? opts.retry : new RetryStrategy(opts.retry)
    this.root = opts.findPrefix ? undefined : opts.apiUrl
    const basic = Buffer.from(`${opts.username}:${opts.apiToken}`).toString('base64')
    this.authorization = `Basic ${basic}`
    // The token, also upper-cased (as an unknown review status is kept, and shown), and the Basic value. Not the
    // user name, which is no secret: scrubbing its pieces hid it where the 401 hint asks the user to check it.
    this.secrets = [opts.apiToken, opts.apiToken.toUpperCase(), basic]
    this.secretForms = secretForms(this.secrets)
  }

  async listGroup(groupType: string): Promise<ConnectorVersion[]> {
    // A queryMore token is single-use; if Boomi rejects a retried one, the listing starts over.
    for (let restart = 0; ; restart++) {
      const pages = new ListingPages(groupType)
      const first = await this.retried('query', () =>
        this.send({ operation: 'query', method: 'POST', path: PATHS.query, body: queryBody(groupType), contentType: 'application/json' })
      )
      let token = this.takePage(pages, first, 'query')
      while (token !== undefined) {
        const next = await this.nextPage(token, restart, groupType)
        if (next === undefined) break
        token = this.takePage(pages, next, 'queryMore')
      }
      if (token === undefined) return this.finishListing(pages, groupType)
    }
  }

  private takePage(pages: ListingPages, text: string, operation: 'query' | 'queryMore'): string | undefined {
    const token = this.read(() => pages.add(readQueryPage(text, operation), operation))
    this.opts.log.debug(`${operation}: ${pages.received} versions so far (numberOfResults: ${pages.lastCount ?? 'none'})`)
    return token
  }

  /** The next page's text, or undefined when a retry used up the token and the listing must start again. */
  private async nextPage(token: string, restart: number, groupType: string): Promise<string | undefined> {
    let retriedToken = false
    try {
      return await this.retried('queryMore', n => {
        retriedToken = n > 1
        return this.send({ operation: 'queryMore', method: 'POST', path: PATHS.queryMore, body: token, contentType: 'text/plain' })
      })
    } catch (err) {
      const rejectedAfterRetry = retriedToken && err instanceof BoomiError && err.status >= 400 && err.status < 500
      if (rejectedAfterRetry && restart + 1 < this.strategy.maxAttempts) {
        this.opts.log.info(`queryMore: the page token was used up by a failed attempt; listing ${forLog(groupType)} again from the start`)
        return undefined
      }
      throw err
    }
  }

  private finishListing(pages: ListingPages, groupType: string): ConnectorVersion[] {
    const { versions, foreign, countNote } = pages.finish('query')
    if (countNote) this.opts.log.warning(forLog(`The listing of ${groupType}: ${countNote}; the versions listed are used as they are.`))
    if (foreign.length > 0) {
      const shown = foreign
        .slice(0, 20)
        .map(id => JSON.stringify(id))
        .join(', ')
      this.opts.log.warning(
        forLog(`The listing of ${groupType} held ${plural(foreign.length, 'version')} of other groups, left out: ${shown}${foreign.length > 20 ? ', …' : ''}`)
      )
    }
    return versions.map(v => this.scrubbed(v))
  }

  /**
   * A version's describing fields and its review status, which are shown and output as they
   * are, scrubbed of the credentials as Boomi's error text is. A status scrubbed can only
   * become one not known, which protects. The change log is not: its trailer is identity.
   */
  private scrubbed(version: ConnectorVersion): ConnectorVersion {
    const out = { ...version }
    for (const key of ['displayVersion', 'uploadedBy', 'deletedDate', 'carLink', 'reviewStatus'] as const) {
      const value = out[key]
      if (value !== undefined && value.length >= MIN_SECRET_FRAGMENT) out[key] = scrubSecrets(value, this.secretForms)
    }
    return out
  }

  async createVersion(groupType: string, body: StreamBody): Promise<ConnectorVersion> {
    const text = await this.send({ operation: 'create', method: 'POST', path: PATHS.create, body })
    return this.scrubbed(this.read(() => readCreatedVersion(text, groupType)))
  }

  /**
   * An answer read; once one was understood in this run, api-url is right, so an answer not
   * understood after it says so instead of pointing at api-url: its shape is one this release does not read.
   */
  private read<T>(reader: () => T): T {
    try {
      const value = reader()
      this.understood = true
      return value
    } catch (err) {
      if (!(err instanceof AnswerError) || !this.understood) throw err
      throw new AnswerError(err.operation, err.problem, NEW_SHAPE)
    }
  }

  async deleteVersion(groupType: string, versionId: string, wanted?: () => boolean): Promise<DeleteAnswer> {
    const { method, path, body } = deleteRequest(groupType, versionId)
    try {
      await this.retriedChange(`delete ${versionId}`, { operation: 'delete', method, path, body, contentType: 'application/json', wanted })
      return { outcome: 'deleted' }
    } catch (err) {
      // A refusal after a lost answer may only mean the first attempt already deleted it;
      // a retry taken back unsent says nothing, so the lost attempt's failure is the one to tell.
      if (err instanceof OutcomeUnknownError) return { outcome: 'unknown', error: err.last instanceof WithdrawnError ? err.earlier : err.last }
      if (classifyFailure(err).mayHaveTakenEffect) return { outcome: 'unknown', error: err }
      throw err
    }
  }

  async changeVersion(classificationType: string, versionId: string, releaseNotes: string): Promise<VersionChange> {
    const body = versionChangeBody(classificationType, versionId, releaseNotes)
    const text = await this.retriedChange(
      `version change ${classificationType}`,
      { operation: 'version change', method: 'POST', path: PATHS.versionChange, body, contentType: 'application/json' },
      classificationType
    )
    const change = this.read(() => readVersionChange(text, classificationType, versionId))
    return change.reviewReason === undefined ? change : { ...change, reviewReason: boomiWords(change.reviewReason, this.secrets) }
  }

  /**
   * A request that changes something, retried like every request. Once an attempt may have done
   * the work, a later failure that cannot have (a refusal of the repeat, a cancel in the wait, a
   * retry taken back) does not say it was not done: it fails as an OutcomeUnknownError with both.
   */
  private async retriedChange(what: string, call: Call, subject?: string): Promise<string> {
    let mayHaveDone: unknown
    try {
      return await this.retried(what, async () => {
        try {
          return await this.send(call, subject)
        } catch (err) {
          if (classifyFailure(err).mayHaveTakenEffect) mayHaveDone = err
          throw err
        }
      })
    } catch (err) {
      if (mayHaveDone !== undefined && !classifyFailure(err).mayHaveTakenEffect) throw new OutcomeUnknownError(call.operation, err, mayHaveDone)
      throw err
    }
  }

  private retried(what: string, attempt: (n: number) => Promise<string>): Promise<string> {
    return withRetries(forLog(what), this.strategy, classifyFailure, attempt)
  }

  /** Which API root answered, and what Boomi said about its API in answer headers. */
  contact(): ApiContact {
    return {
      apiUrl: this.answered ? this.root : undefined,
      found: this.opts.findPrefix !== undefined && this.root !== undefined,
      refused: [...this.refused].map(([prefix, err]) => ({ prefix, status: err.status })),
      notices: [...this.notices]
    }
  }

  /** One paced request; answers 2xx with the body text, anything else as a BoomiError. */
  private async send(call: Call, subject?: string): Promise<string> {
    if (this.root !== undefined) return this.sendTo(this.root, call, subject)
    return this.findRoot(call)
  }

  /**
   * The run's first request, under each prefix in turn until one answers 2xx,
   * which then serves the rest of the run. A refusal that may mean "not this
   * prefix" moves on to the next; anything else (a 5xx, a dropped connection)
   * is the caller's to retry, and the retry comes back here.
   */
  private async findRoot(call: Call): Promise<string> {
    if (call.operation !== 'query') throw new Error(`The ${call.operation} request came before the API path prefix was found; the listing must come first.`)
    for (const prefix of this.opts.findPrefix ?? []) {
      if (this.refused.has(prefix)) continue
      const root = this.opts.apiUrl + prefix
      let text: string
      try {
        text = await this.sendTo(root, call)
      } catch (err) {
        if (!(err instanceof BoomiError) || !isWrongPrefix(err.status)) throw err
        this.refused.set(prefix, err)
        continue
      }
      this.root = root
      this.sayFound(root)
      return text
    }
    throw new PrefixNotFoundError(
      this.opts.apiUrl,
      [...this.refused].map(([prefix, error]) => ({ prefix, error }))
    )
  }

  private sayFound(root: string): void {
    if (this.refused.size === 0) {
      this.opts.log.info(`Boomi answered at ${root}; setting api-url to ${root} would pin this path prefix.`)
      return
    }
    const refusals = [...this.refused].map(([prefix, err]) => `${prefix} answered HTTP ${err.status}`).join(', ')
    this.opts.log.warning(`Boomi answered at ${root} after ${refusals}; set api-url to ${root} to skip that request on every run.`)
  }

  private async sendTo(root: string, call: Call, subject?: string): Promise<string> {
    const headers: Record<string, string> = { Authorization: this.authorization, Accept: 'application/json' }
    if (call.contentType) headers['Content-Type'] = call.contentType
    this.opts.log.debug(`${call.method} ${call.path}`)
    const res = await this.opts.transport({
      operation: call.operation,
      method: call.method,
      url: new URL(`${root}/${encodeURIComponent(this.opts.accountId)}${call.path}`),
      headers,
      body: call.body,
      timeoutMs: this.opts.timeoutMs,
      beforeConnect: () => this.opts.pacer.due(),
      beforeSend: async () => {
        await this.opts.pacer.take()
        if (call.wanted?.() === false) throw new WithdrawnError(call.operation)
      }
    })
    const now = (this.opts.now ?? Date.now)()
    this.opts.pacer.observe(res.status, retryAfterOf(res.headers, now))
    this.noteHeaders(call.operation, res.headers)
    if (res.status >= 200 && res.status < 300) {
      this.answered = true
      return res.text
    }
    throw toBoomiError(call.operation, res, now, this.secrets, { subject, partner: new URL(root).pathname.startsWith(PARTNER_PREFIX) })
  }

  /** One warning per header per operation: Boomi may send the same header on every answer. */
  private noteHeaders(operation: Operation, headers: IncomingHttpHeaders): void {
    for (const header of NOTICE_HEADERS) {
      const raw = headers[header.toLowerCase()]
      if (raw === undefined || this.notices.some(n => n.operation === operation && n.header === header)) continue
      // Outside text: a server that echoes the credentials must not get them logged.
      const value = cut(scrubSecrets(cut(oneLine(Array.isArray(raw) ? raw.join(', ') : raw), 8 * MAX_NOTICE_VALUE), this.secretForms), MAX_NOTICE_VALUE)
      this.notices.push({ operation, header, value })
      const why = header === 'Deprecation' || header === 'Sunset' ? 'Boomi may retire this endpoint; look for a newer release.' : ''
      this.opts.log.warning(forLog(sentences(`Boomi's answer to ${operation} carries ${header}: ${value}`, why)))
    }
  }
}
