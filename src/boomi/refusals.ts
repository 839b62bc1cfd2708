// A non-2xx answer from Boomi, made into one BoomiError: Boomi's own words
// (read from any of its four error shapes, scrubbed of credentials, then cut),
// and the hint for what the user can do about that status.
import { ACTION_VERSION } from '../constants.js'
import { BoomiError, type Operation, sentences } from '../errors.js'
import { DEFAULT_API_URL, EU_API_URL, PARTNER_PREFIX } from './contract.js'
import { cut, forLog, oneLine, scrubSecrets, secretForms } from '../domain/untrusted.js'
import type { HttpResponse } from '../net/transport.js'
import { parseRetryAfter } from '../net/retry.js'

/** Longest piece of Boomi's error text kept in a message. */
export const MAX_ERROR_TEXT = 500
// Scrubbing looks at more than is kept, so a secret that straddles the cut is still seen whole.
const SCRUB_WINDOW = 8 * MAX_ERROR_TEXT

const PRIVILEGES = 'Boomi requires the Developer and API privileges for private connectors'
const PUBLIC_PRIVILEGES = 'public ones also need the Connector Administration feature and the Connector Submission privilege'
const PARTNER_API =
  "Under the Partner API's prefix, /partner/api/rest/v1, a 403 may also mean that the Partner API is not enabled for this account (Boomi enables it on request): set api-url to the host alone, so that the prefix is found, or to the host with /api/rest/v1."
const GROUP_EXISTS =
  "If this is the group's first upload, check that the connector group exists (Developer tab, Add Connector Group) and that group-type is its Type without the classification."

const DELETE_FORM =
  'Boomi did not take the delete request\'s form, which Boomi\'s pages do not confirm (this release sends a DELETE with a JSON body naming the group and the version: docs/boomi-api.md, "What is uncertain"). Please report this answer, naming release ' +
  ACTION_VERSION +
  '.'

type StatusHints = Readonly<Record<number, string>>

/**
 * What to check, by operation and status (docs/behaviour.md, "First contact");
 * `{subject}` is the classification type of a version change. Boomi's
 * privileges are in docs/boomi-api.md, "Errors and statuses".
 */
const HINTS: { readonly any: StatusHints } & { readonly [op in Operation]?: StatusHints } = {
  any: {
    401: 'Check username (the Boomi user the token belongs to, e.g. ci-bot@acme.example: BOOMI_TOKEN. is added for you) and api-token (a current Boomi API token: a token can be mistyped, expired or revoked).',
    403: `Check that the user may read this account's connector versions and that account-id is the account of this connector group. ${PRIVILEGES}; ${PUBLIC_PRIVILEGES}.`,
    404: `Check account-id, and api-url: its host (EU: ${EU_API_URL}) and its path prefix, or give the host alone so that the prefix is found.`,
    410: 'Boomi has retired this endpoint: check api-url and its prefix, and look for a newer release.',
    429: 'Boomi is busy or rate-limiting this account; lower requests-per-second if this persists.',
    503: 'Boomi is busy or rate-limiting this account; lower requests-per-second if this persists.'
  },
  create: {
    400: GROUP_EXISTS,
    403: `Check that the user may upload connector versions in this account. ${PRIVILEGES}; ${PUBLIC_PRIVILEGES}; creating a connector from an archive also needs the SDK Publisher Agreement, signed for the account.`,
    404: GROUP_EXISTS
  },
  delete: {
    403: `Check that the user may delete connector versions in this account. ${PRIVILEGES}; ${PUBLIC_PRIVILEGES}.`,
    405: DELETE_FORM,
    415: DELETE_FORM
  },
  'version change': {
    403: `Check that the user may switch classification '{subject}'. ${PRIVILEGES}; ${PUBLIC_PRIVILEGES}. For a PUBLIC classification the change is a release request: it needs the Connector Submission privilege and the SDK Publisher Agreement, signed for the account.`,
    400: "Check that classification '{subject}' exists for this group in the Developer tab and that the version is live.",
    404: "Check that classification '{subject}' exists for this group in the Developer tab and that the version is live."
  }
}

/** The hint for a refusal of `operation`; `partner` when the request went to the Partner API's prefix. */
export function hintFor(operation: Operation, status: number, subject = '', partner = false): string | undefined {
  const hint = (HINTS[operation]?.[status] ?? HINTS.any[status])?.replace('{subject}', subject)
  return hint && status === 403 && partner ? `${hint} ${PARTNER_API}` : hint
}

/** What a refusal of the run's first request may mean under one prefix, for the error that gives both answers. */
function prefixMeaning(status: number, partner: boolean): string {
  switch (status) {
    case 401:
      return 'the credentials were refused: username or api-token is wrong, or the token expired or was revoked'
    case 403:
      return partner
        ? 'the Partner API may not be enabled for this account (Boomi enables it on request), or the user lacks privileges'
        : 'the user may lack the Developer and API privileges, or account-id is not an account the user may reach'
    case 410:
      return 'Boomi has retired this path'
    default:
      return `nothing is served there for this account: check account-id and the host (EU: ${EU_API_URL})`
  }
}

/**
 * What to check once every prefix refused: the user name's form after a 401; and, after a
 * 401 or 403 on any host but the EU one, that host, since credentials are refused by a
 * platform that does not hold the account.
 */
function afterRefusals(host: string, refusals: readonly { error: BoomiError }[]): string[] {
  const statuses = new Set(refusals.map(r => r.error.status))
  const refusedCredentials = statuses.has(401) || statuses.has(403)
  return [
    statuses.has(401) ? HINTS.any[401] : undefined,
    refusedCredentials && host !== EU_API_URL ? `If the account is on Boomi's EU platform, set api-url to ${EU_API_URL}.` : undefined
  ].filter((line): line is string => line !== undefined)
}

/**
 * Every path prefix refused the run's first request, so nothing was sent that
 * changes anything (docs/behaviour.md, "Finding the prefix"). Not a
 * BoomiError: asking again would not change the answers.
 */
export class PrefixNotFoundError extends Error {
  constructor(
    readonly host: string,
    readonly refusals: readonly { prefix: string; error: BoomiError }[]
  ) {
    const answers = refusals.map(
      ({ prefix, error }) =>
        `${prefix} answered HTTP ${error.status}${error.boomiMessage ? ` (${error.boomiMessage})` : ''}: ${prefixMeaning(error.status, prefix === PARTNER_PREFIX)}`
    )
    super(
      sentences(
        `Boomi refused the listing under every path prefix of ${host}, so nothing was changed. ${answers.join('; ')}.`,
        ...afterRefusals(host, refusals)
      ),
      {
        cause: refusals[refusals.length - 1]?.error
      }
    )
    this.name = 'PrefixNotFoundError'
  }
}

/**
 * `secrets`: the token, `user:token` and the Basic value; their usual encodings and fragments are scrubbed too.
 * `context.partner`: the request went to the Partner API's prefix, which changes what a 403 may mean.
 */
export function toBoomiError(
  operation: Operation,
  res: HttpResponse,
  now: number,
  secrets: readonly string[] = [],
  context: { subject?: string; partner?: boolean } = {}
): BoomiError {
  const message = boomiWords(parseErrorMessage(res.text, String(res.headers['content-type'] ?? '')), secrets)
  const hint =
    res.status >= 300 && res.status < 400 ? redirectHint(res.headers.location, secrets) : hintFor(operation, res.status, context.subject, context.partner)
  return new BoomiError(operation, res.status, message, retryAfterOf(res.headers, now), hint)
}

/** Boomi's API answers where it is asked: a redirect says api-url names something else. Never followed, so the token stays here. */
function redirectHint(location: string | string[] | undefined, secrets: readonly string[]): string {
  const to = typeof location === 'string' && location ? ` to ${boomiWords(location, secrets)}` : ''
  return `The answer redirects${to}, which Boomi's API does not do: check api-url (a host of the API such as ${DEFAULT_API_URL}, or for the EU ${EU_API_URL}, not the web pages). Redirects are not followed, so the credentials went nowhere else.`
}

/**
 * Text Boomi wrote (an error's message, a version change's reviewReason) as a
 * message may carry it: one line, scrubbed of credentials, cut, and made inert
 * for the log, since it goes mid-sentence into lines that may reach `::error::`.
 */
export function boomiWords(raw: string, secrets: readonly string[]): string {
  return forLog(cut(scrubSecrets(cut(oneLine(raw), SCRUB_WINDOW), secretForms(secrets)), MAX_ERROR_TEXT))
}

/** The wait an answer's Retry-After asks for, in ms from `now`: the pacer and the refusal both read it. The first, if it came twice. */
export function retryAfterOf(headers: HttpResponse['headers'], now: number): number | undefined {
  const value = headers['retry-after']
  return parseRetryAfter(Array.isArray(value) ? value[0] : value, now)
}

/** Reads Boomi's four error shapes; falls back to the raw text, on one line. Not cut: scrub first, then cut. */
export function parseErrorMessage(text: string, contentType = ''): string {
  const body = text.trim()
  if (!body) return ''
  if (body.startsWith('{') || contentType.includes('json')) {
    const message = jsonMessage(body)
    if (message) return message
  }
  if (body.startsWith('<')) {
    // The first <message> and the first close after it, found in linear time: a lazy pattern
    // rescans to the end from every opening, and an answer of 16 MiB of openings took hours.
    const open = body.search(/<message>/i)
    const start = open + '<message>'.length
    const close = open < 0 ? -1 : body.slice(start).search(/<\/message>/i)
    if (close >= 0) return decodeXml(body.slice(start, start + Math.min(close, SCRUB_WINDOW))).trim()
  }
  return body.replace(/\s+/g, ' ')
}

function jsonMessage(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as Record<string, unknown> | null
    const nested = json?.error as Record<string, unknown> | string | undefined
    const candidate =
      (typeof json?.message === 'string' && json.message) ||
      (nested && typeof nested === 'object' && typeof nested.message === 'string' && nested.message) ||
      (typeof nested === 'string' && nested)
    return candidate ? candidate.trim() : undefined
  } catch {
    return undefined // not JSON after all
  }
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
