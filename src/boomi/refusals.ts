// A non-2xx answer from Boomi, made into one BoomiError: Boomi's own words
// (read from any of its four error shapes, scrubbed of credentials, then cut),
// and the hint for what the user can do about that status.
import { BoomiError } from '../errors.js'
import { cut, forLog, scrubSecrets, secretForms } from '../domain/untrusted.js'
import type { HttpResponse } from '../net/transport.js'
import { parseRetryAfter } from '../net/retry.js'

/** Longest piece of Boomi's error text kept in a message. */
export const MAX_ERROR_TEXT = 500
// Scrubbing looks at more than is kept, so a secret that straddles the cut is still seen whole.
const SCRUB_WINDOW = 8 * MAX_ERROR_TEXT

const PRIVILEGES =
  'Boomi requires the Developer and API privileges for private connectors; public ones also need the Connector Administration feature and the Connector Submission privilege.'

/** What to check, by operation and status; `{subject}` is the classification type of a version change. */
const HINTS: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  any: {
    401: 'Check username (the user the token belongs to; BOOMI_TOKEN. is added for you) and api-token (a current Boomi API token).',
    403: "Check that the user may manage this account's custom connectors (Developer privileges for connector development) and that account-id is right.",
    404: 'Check api-url and its path prefix (/partner/api/rest/v1 or /api/rest/v1) and account-id.',
    410: 'Boomi has retired this endpoint: check api-url and its prefix, and look for a newer release of this action.',
    429: 'Boomi is busy or rate-limiting this account; lower requests-per-second if this persists.',
    503: 'Boomi is busy or rate-limiting this account; lower requests-per-second if this persists.'
  },
  'version change': {
    403: `Check that the user may switch this classification. ${PRIVILEGES}`,
    400: "Check that classification '{subject}' exists for this group in the Developer tab and that the version is live.",
    404: "Check that classification '{subject}' exists for this group in the Developer tab and that the version is live."
  }
}

export function hintFor(operation: string, status: number, subject = ''): string | undefined {
  const hint = HINTS[operation]?.[status] ?? HINTS.any[status]
  return hint?.replace('{subject}', subject)
}

/** `secrets`: the token, `user:token` and the Basic value; their usual encodings and fragments are scrubbed too. */
export function toBoomiError(operation: string, res: HttpResponse, now: number, secrets: readonly string[] = [], subject?: string): BoomiError {
  const raw = parseErrorMessage(res.text, String(res.headers['content-type'] ?? ''))
  // One line, made inert for the log: the text goes mid-sentence into messages that reach `::error::`.
  // eslint-disable-next-line no-control-regex
  const oneLine = raw.replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim()
  const message = forLog(cut(scrubSecrets(cut(oneLine, SCRUB_WINDOW), secretForms(secrets)), MAX_ERROR_TEXT))
  const retryAfterMs = parseRetryAfter(headerValue(res.headers['retry-after']), now)
  return new BoomiError(operation, res.status, message, retryAfterMs, hintFor(operation, res.status, subject))
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
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
    const match = /<message>([\s\S]*?)<\/message>/i.exec(body)
    if (match) return decodeXml(match[1]).trim()
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
