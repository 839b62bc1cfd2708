import type { IncomingHttpHeaders } from 'node:http'
import { PATHS, deleteRequest, queryBody } from './contract.js'
import { BoomiError } from '../errors.js'
import type { ConnectorVersion } from '../domain/versions.js'
export type { ConnectorVersion } from '../domain/versions.js'
import type { HttpResponse, StreamBody, Transport } from '../net/transport.js'
import type { Pacer } from '../net/pacer.js'
import { type RetryPolicy, mayHaveTakenEffect, parseRetryAfter, withRetries } from '../net/retry.js'

/** The four ConnectorVersion operations. A fake implements this in tests of the core. */
export interface BoomiClient {
  /** Every version of the group, every page, deleted ones included (deletes are soft). */
  listGroup(groupType: string): Promise<ConnectorVersion[]>
  /** One upload attempt: retrying an upload needs care (see release.ts), so it is not retried here. */
  createVersion(groupType: string, body: StreamBody): Promise<ConnectorVersion>
  deleteVersion(groupType: string, versionId: string): Promise<void>
}

export interface Logger {
  info(line: string): void
  warning(line: string): void
  debug(line: string): void
}

export interface ClientOptions {
  apiUrl: string
  accountId: string
  username: string
  apiToken: string
  timeoutMs: number
  transport: Transport
  pacer: Pacer
  retry: RetryPolicy
  log: Logger
  now?: () => number
}

export class HttpBoomiClient implements BoomiClient {
  private readonly base: string
  private readonly authorization: string
  private readonly warned = new Set<string>()

  constructor(private readonly opts: ClientOptions) {
    this.base = `${opts.apiUrl}/${encodeURIComponent(opts.accountId)}`
    this.authorization = `Basic ${Buffer.from(`${opts.username}:${opts.apiToken}`).toString('base64')}`
  }

  async listGroup(groupType: string): Promise<ConnectorVersion[]> {
    // A queryMore token is single-use; if Boomi rejects a retried one, the listing starts over.
    for (let restart = 0; ; restart++) {
      const versions: ConnectorVersion[] = []
      let page = await this.retried('query', () => this.send('query', 'POST', PATHS.query, queryBody(groupType), 'application/json'))
      let pageNo = 1
      for (;;) {
        const parsed = parseQueryResult(page)
        versions.push(...parsed.result)
        this.opts.log.debug(`query page ${pageNo}: ${parsed.result.length} versions (${versions.length} of ${parsed.numberOfResults ?? '?'})`)
        if (!parsed.queryToken) return versions
        const token = parsed.queryToken
        let retriedToken = false
        try {
          page = await this.retried('queryMore', n => {
            retriedToken = n > 1
            return this.send('queryMore', 'POST', PATHS.queryMore, token, 'text/plain')
          })
        } catch (err) {
          const rejectedAfterRetry = retriedToken && err instanceof BoomiError && err.status >= 400 && err.status < 500
          if (rejectedAfterRetry && restart + 1 < this.opts.retry.maxAttempts) {
            this.opts.log.info(`queryMore: the page token was used up by a failed attempt; listing ${groupType} again from the start`)
            break
          }
          throw err
        }
        pageNo++
      }
    }
  }

  async createVersion(_groupType: string, body: StreamBody): Promise<ConnectorVersion> {
    const text = await this.send('create', 'POST', PATHS.create, body)
    return parseVersion(text, 'create')
  }

  async deleteVersion(groupType: string, versionId: string): Promise<void> {
    const { method, path, body } = deleteRequest(groupType, versionId)
    let answerLost = false
    try {
      await this.retried(`delete ${versionId}`, async () => {
        try {
          return await this.send('delete', method, path, body, 'application/json')
        } catch (err) {
          if (mayHaveTakenEffect(err)) answerLost = true
          throw err
        }
      })
    } catch (err) {
      // A refusal after a lost answer may only mean the first attempt already deleted it.
      if (answerLost && err instanceof BoomiError) err.afterLostAnswer = true
      throw err
    }
  }

  private retried(what: string, attempt: (n: number) => Promise<string>): Promise<string> {
    return withRetries(what, this.opts.retry, attempt)
  }

  /** One paced request; answers 2xx with the body text, anything else as a BoomiError. */
  private async send(operation: string, method: string, path: string, body: string | StreamBody, contentType?: string): Promise<string> {
    const headers: Record<string, string> = {
      Authorization: this.authorization,
      Accept: 'application/json'
    }
    if (contentType) headers['Content-Type'] = contentType
    this.opts.log.debug(`${method} ${path}`)
    const res = await this.opts.transport({
      operation,
      method,
      url: new URL(this.base + path),
      headers,
      body,
      timeoutMs: this.opts.timeoutMs,
      beforeConnect: () => this.opts.pacer.due(),
      beforeSend: () => this.opts.pacer.take()
    })
    this.warnDeprecation(res.headers)
    if (res.status >= 200 && res.status < 300) return res.text
    throw toBoomiError(operation, res, (this.opts.now ?? Date.now)())
  }

  private warnDeprecation(headers: IncomingHttpHeaders): void {
    for (const name of ['deprecation', 'sunset', 'warning']) {
      const value = headers[name]
      if (value === undefined) continue
      const line = `Boomi API ${name}: ${Array.isArray(value) ? value.join(', ') : value}`
      if (this.warned.has(line)) continue
      this.warned.add(line)
      this.opts.log.warning(`${line}. Boomi may retire this endpoint; check for a newer release of this action.`)
    }
  }
}

const HINTS: Record<number, string> = {
  401: 'Check username (the user the token belongs to; BOOMI_TOKEN. is added for you) and api-token (a current Boomi API token).',
  403: "Check that the user may manage this account's custom connectors (Developer privileges for connector development) and that account-id is right.",
  404: 'Check api-url and its path prefix (/partner/api/rest/v1 or /api/rest/v1) and account-id.',
  410: 'Boomi has retired this endpoint: check api-url and its prefix, and look for a newer release of this action.'
}

export function toBoomiError(operation: string, res: HttpResponse, now: number): BoomiError {
  const message = parseErrorMessage(res.text, String(res.headers['content-type'] ?? ''))
  const retryAfter = parseRetryAfter(headerValue(res.headers['retry-after']), now)
  let hint = HINTS[res.status]
  if (res.status === 503 || res.status === 429) hint = 'Boomi is busy or rate-limiting this account; lower requests-per-second if this persists.'
  return new BoomiError(operation, res.status, message, retryAfter, hint)
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** Reads Boomi's four error shapes; falls back to the raw text, shortened. */
export function parseErrorMessage(text: string, contentType = ''): string {
  const body = text.trim()
  if (!body) return ''
  if (body.startsWith('{') || contentType.includes('json')) {
    try {
      const json = JSON.parse(body) as Record<string, unknown>
      const nested = json.error as Record<string, unknown> | string | undefined
      const candidate =
        (typeof json.message === 'string' && json.message) ||
        (nested && typeof nested === 'object' && typeof nested.message === 'string' && nested.message) ||
        (typeof nested === 'string' && nested)
      if (candidate) return candidate.trim()
    } catch {
      // not JSON after all
    }
  }
  if (body.startsWith('<')) {
    const match = /<message>([\s\S]*?)<\/message>/i.exec(body)
    if (match) return decodeXml(match[1]).trim()
  }
  const flat = body.replace(/\s+/g, ' ')
  return flat.length > 500 ? `${flat.slice(0, 500)}…` : flat
}

function decodeXml(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

interface QueryResult {
  numberOfResults?: number
  queryToken?: string
  result: ConnectorVersion[]
}

function parseJson(text: string, operation: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new BoomiError(
      operation,
      200,
      `the answer was not JSON: ${parseErrorMessage(text)}`,
      undefined,
      'Check api-url: it may point at something other than the Boomi API.'
    )
  }
}

export function parseQueryResult(text: string): QueryResult {
  const json = parseJson(text, 'query') as Record<string, unknown> | null
  const result = json && Array.isArray(json.result) ? json.result : []
  return {
    numberOfResults: typeof json?.numberOfResults === 'number' ? json.numberOfResults : undefined,
    queryToken: typeof json?.queryToken === 'string' && json.queryToken ? json.queryToken : undefined,
    result: result.map(v => normaliseVersion(v, 'query'))
  }
}

function parseVersion(text: string, operation: string): ConnectorVersion {
  return normaliseVersion(parseJson(text, operation), operation)
}

function normaliseVersion(value: unknown, operation: string): ConnectorVersion {
  const v = value as Record<string, unknown> | null
  const id = v?.versionId
  if (!v || (typeof id !== 'string' && typeof id !== 'number')) {
    throw new BoomiError(
      operation,
      200,
      'the answer holds a version without a versionId',
      undefined,
      'Check api-url: it may point at something other than the Boomi ConnectorVersion API.'
    )
  }
  return { ...(v as object), versionId: String(id) } as ConnectorVersion
}
