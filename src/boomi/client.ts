import type { IncomingHttpHeaders } from 'node:http'
import { PATHS, deleteRequest, isWrongPrefix, queryBody, versionChangeBody } from './contract.js'
import { readCreatedVersion, readQueryPage, readVersionChange } from './answers.js'
import { ListingPages } from './listing.js'
import { toBoomiError } from './refusals.js'
import { BoomiError, sentences } from '../errors.js'
import { forLog } from '../domain/untrusted.js'
import type { ConnectorVersion, VersionChange } from '../domain/versions.js'
export type { ConnectorVersion, VersionChange } from '../domain/versions.js'
export { parseErrorMessage, toBoomiError } from './refusals.js'
import type { StreamBody, Transport } from '../net/transport.js'
import { type RetryPolicy, RetryStrategy, parseRetryAfter, withRetries } from '../net/retry.js'
import { classifyFailure } from './failures.js'

/** The ConnectorVersion operations. A fake implements this in tests of the core. */
export interface BoomiClient {
  /** Every version of the group, every page, deleted ones included (deletes are soft); other groups' versions left out. */
  listGroup(groupType: string): Promise<ConnectorVersion[]>
  /** One upload attempt: retrying an upload needs care (see the orchestrator), so it is not retried here. */
  createVersion(groupType: string, body: StreamBody): Promise<ConnectorVersion>
  /** Throws when it surely did not happen; resolves 'unknown' when an attempt may have done it though none said so. */
  deleteVersion(groupType: string, versionId: string): Promise<DeleteAnswer>
  /** Switches a classification (`<groupType>-<label>`) to a version; retried, since sending it again is harmless. */
  changeVersion(classificationType: string, versionId: string, releaseNotes: string): Promise<VersionChange>
}

/**
 * A delete's end: done, or not known, when an attempt lost its answer (and
 * what came after failed, perhaps only because it was already done): the
 * group's listing tells. `error` is the last failure.
 */
export type DeleteAnswer = { outcome: 'deleted' } | { outcome: 'unknown'; error: unknown }

export interface Logger {
  info(line: string): void
  warning(line: string): void
  debug(line: string): void
}

/** The pacer as the client uses it: a slot before each request, and what each answer said about the pace. */
export interface RequestPacer {
  due(): Promise<void>
  take(): Promise<void>
  observe(status: number, retryAfterMs?: number): void
}

export interface ClientOptions {
  apiUrl: string
  /**
   * Tried once when the run's first request (the read-only listing) gets a 404
   * or 410 at `apiUrl`; given only while `api-url` is left at its default.
   */
  fallbackApiUrl?: string
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
  operation: string
  method: string
  path: string
  body: string | StreamBody
  contentType?: string
}

export class HttpBoomiClient implements BoomiClient {
  private base: string
  private readonly authorization: string
  private readonly secrets: string[]
  private readonly warned = new Set<string>()
  private firstSent = false
  private readonly strategy: RetryStrategy

  constructor(private readonly opts: ClientOptions) {
    this.strategy = opts.retry instanceof RetryStrategy ? opts.retry : new RetryStrategy(opts.retry)
    this.base = this.baseOf(opts.apiUrl)
    const credentials = `${opts.username}:${opts.apiToken}`
    this.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`
    this.secrets = [opts.apiToken, credentials, this.authorization]
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

  private takePage(pages: ListingPages, text: string, operation: string): string | undefined {
    const token = pages.add(readQueryPage(text, operation), operation)
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
        forLog(`The listing of ${groupType} held ${foreign.length} version(s) of other groups, left out: ${shown}${foreign.length > 20 ? ', …' : ''}`)
      )
    }
    return versions
  }

  async createVersion(groupType: string, body: StreamBody): Promise<ConnectorVersion> {
    const text = await this.send({ operation: 'create', method: 'POST', path: PATHS.create, body })
    return readCreatedVersion(text, groupType)
  }

  async deleteVersion(groupType: string, versionId: string): Promise<DeleteAnswer> {
    const { method, path, body } = deleteRequest(groupType, versionId)
    let answerLost = false
    try {
      await this.retried(`delete ${versionId}`, async () => {
        try {
          return await this.send({ operation: 'delete', method, path, body, contentType: 'application/json' })
        } catch (err) {
          if (classifyFailure(err).mayHaveTakenEffect) answerLost = true
          throw err
        }
      })
      return { outcome: 'deleted' }
    } catch (err) {
      // A refusal after a lost answer may only mean the first attempt already deleted it.
      if (answerLost) return { outcome: 'unknown', error: err }
      throw err
    }
  }

  async changeVersion(classificationType: string, versionId: string, releaseNotes: string): Promise<VersionChange> {
    const body = versionChangeBody(classificationType, versionId, releaseNotes)
    const text = await this.retried(`version change ${classificationType}`, () =>
      this.send({ operation: 'version change', method: 'POST', path: PATHS.versionChange, body, contentType: 'application/json' }, classificationType)
    )
    return readVersionChange(text, classificationType, versionId)
  }

  private retried(what: string, attempt: (n: number) => Promise<string>): Promise<string> {
    return withRetries(forLog(what), this.strategy, classifyFailure, attempt)
  }

  /**
   * One paced request; answers 2xx with the body text, anything else as a
   * BoomiError. The run's first request may move the client to the fallback
   * prefix (see ClientOptions.fallbackApiUrl).
   */
  private async send(call: Call, subject?: string): Promise<string> {
    const first = !this.firstSent
    this.firstSent = true
    try {
      return await this.sendTo(this.base, call, subject)
    } catch (err) {
      if (!first || call.operation !== 'query' || !this.opts.fallbackApiUrl) throw err
      if (!(err instanceof BoomiError) || !isWrongPrefix(err.status)) throw err
      return this.tryFallback(this.opts.fallbackApiUrl, call, err)
    }
  }

  private async tryFallback(fallbackApiUrl: string, call: Call, original: BoomiError): Promise<string> {
    const fallback = this.baseOf(fallbackApiUrl)
    let text: string
    try {
      text = await this.sendTo(fallback, call)
    } catch (err) {
      const also = err instanceof BoomiError ? `HTTP ${err.status}` : err instanceof Error ? err.message : String(err)
      const hint = `${original.hint ?? ''} The other path prefix, ${fallbackApiUrl}, was tried too and failed as well (${also}).`.trim()
      throw new BoomiError(original.operation, original.status, original.boomiMessage, original.retryAfterMs, hint, { cause: err })
    }
    this.base = fallback
    this.opts.log.warning(
      `Boomi answered at ${fallbackApiUrl}, not at the default ${this.opts.apiUrl}; set api-url: ${fallbackApiUrl} to skip this extra request.`
    )
    return text
  }

  private async sendTo(base: string, call: Call, subject?: string): Promise<string> {
    const headers: Record<string, string> = { Authorization: this.authorization, Accept: 'application/json' }
    if (call.contentType) headers['Content-Type'] = call.contentType
    this.opts.log.debug(`${call.method} ${call.path}`)
    const res = await this.opts.transport({
      operation: call.operation,
      method: call.method,
      url: new URL(base + call.path),
      headers,
      body: call.body,
      timeoutMs: this.opts.timeoutMs,
      beforeConnect: () => this.opts.pacer.due(),
      beforeSend: () => this.opts.pacer.take()
    })
    const now = (this.opts.now ?? Date.now)()
    this.opts.pacer.observe(res.status, parseRetryAfter(headerValue(res.headers['retry-after']), now))
    this.warnDeprecation(res.headers)
    if (res.status >= 200 && res.status < 300) return res.text
    throw toBoomiError(call.operation, res, now, this.secrets, subject)
  }

  private baseOf(apiUrl: string): string {
    return `${apiUrl}/${encodeURIComponent(this.opts.accountId)}`
  }

  private warnDeprecation(headers: IncomingHttpHeaders): void {
    for (const name of ['deprecation', 'sunset', 'warning']) {
      const value = headers[name]
      if (value === undefined) continue
      const line = `Boomi API ${name}: ${Array.isArray(value) ? value.join(', ') : value}`
      if (this.warned.has(line) || this.warned.size >= 10) continue
      this.warned.add(line)
      this.opts.log.warning(forLog(sentences(line.slice(0, 300), 'Boomi may retire this endpoint; check for a newer release of this action.')))
    }
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
