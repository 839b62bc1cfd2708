// Everything we are not sure of about Boomi's ConnectorVersion API lives here,
// so that correcting one point is a one-line change (see README, "What is
// uncertain about Boomi's API"). Everything else in the client is documented
// behaviour.

/**
 * The default `api-url`: a host alone, so the path prefix is found on first
 * contact (docs/behaviour.md, "Finding the prefix"). Boomi documents this host
 * and the EU platform's (docs/boomi-api.md, "Hosts and prefixes").
 */
export const DEFAULT_API_URL = 'https://api.boomi.com'
export const EU_API_URL = 'https://api.platform.gb.boomi.com'

/** The Platform API's prefix, and the Partner API's, which Boomi enables per account on request. */
export const PLATFORM_PREFIX = '/api/rest/v1'
export const PARTNER_PREFIX = '/partner/api/rest/v1'

/**
 * UNCERTAIN: which prefix serves the Connector API. Its pages carry none of the
 * Partner API's parameters, which leans to the Platform prefix, so that one is
 * tried first; the Partner prefix serves accounts that have it enabled.
 */
export const PREFIXES_TO_TRY: readonly string[] = [PLATFORM_PREFIX, PARTNER_PREFIX]

/**
 * Statuses on the first request that may mean "not this prefix", worth one try
 * at the next: 404 and 410 (not served, retired), and 401 and 403, which an
 * account without the Partner API may get under its prefix.
 */
export function isWrongPrefix(status: number): boolean {
  return status === 401 || status === 403 || status === 404 || status === 410
}

/** Relative to `{api-url}/{account-id}`. */
export const PATHS = {
  create: '/ConnectorVersion',
  query: '/ConnectorVersion/query',
  queryMore: '/ConnectorVersion/queryMore',
  delete: '/ConnectorVersion',
  /** UNCERTAIN: the version-change path follows the other operations; Boomi's pages do not confirm it. */
  versionChange: '/ConnectorVersionChange'
} as const

export function versionChangeBody(classificationType: string, versionId: string, releaseNotes: string): string {
  return JSON.stringify({ classificationType, versionId, releaseNotes })
}

/**
 * Bounds on one listing. docs/boomi-api.md, "Operations": at most 1500 versions an account, 100 a page, so
 * 15 pages; twice that leaves a margin for smaller pages. Beyond either bound
 * the listing is not understood rather than read for ever.
 */
export const MAX_QUERY_PAGES = 30
export const MAX_LISTED_VERSIONS = 3000

/**
 * UNCERTAIN: whether Boomi leaves `result` out of an empty query answer. An
 * answer without `result` is read as an empty group only when it says
 * `numberOfResults: 0` outright; anything vaguer (`{}`, `null`) is not understood.
 */
export const EMPTY_QUERY_MAY_OMIT_RESULT = true

/** Longest versionId accepted; Boomi's are short decimal numbers. */
export const MAX_VERSION_ID_LENGTH = 100

export function queryBody(groupType: string): string {
  return JSON.stringify({
    QueryFilter: { expression: { argument: [groupType], operator: 'EQUALS', property: 'GROUP_TYPE' } }
  })
}

/** UNCERTAIN: the delete form. Assumed: DELETE with a JSON body naming the group and version. */
export function deleteRequest(groupType: string, versionId: string): { method: string; path: string; body: string } {
  return { method: 'DELETE', path: PATHS.delete, body: JSON.stringify({ groupType, versionId }) }
}

/**
 * 4xx answers about the request rather than the version, which every delete
 * of the run would get alike: credentials (401), privileges (403), and a form
 * of delete that Boomi does not serve (405, 415: the form above is a guess).
 */
const EVERY_DELETE_ALIKE: ReadonlySet<number> = new Set([401, 403, 405, 415])

/**
 * UNCERTAIN: which status a refused delete gets (version in use by a
 * classification, or under review). Any 4xx is taken as a refusal of that
 * version, except 429 (the pace) and the statuses every delete would get alike.
 */
export function isDeleteRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 429 && !EVERY_DELETE_ALIKE.has(status)
}

/** A delete failure that the rest of the run's deletes would meet too: none more is started. */
export function stopsDeletes(status: number): boolean {
  return EVERY_DELETE_ALIKE.has(status)
}

/** Review states in which Boomi refuses deletion (documented). */
export const PROTECTED_REVIEW_STATUSES: ReadonlySet<string> = new Set(['PENDING', 'APPROVED', 'REJECTED'])

/** UNCERTAIN: what `releaseVersion` means. Until known, `true` protects a version. */
export const RELEASE_VERSION_IS_PROTECTED = true

/** Boomi's documented ceiling on connector versions per account. */
export const MAX_VERSIONS_PER_ACCOUNT = 1500

const COUNT = String.raw`(\d{1,3}(?:,\d{3})+|\d{1,7})`
const COUNT_BEFORE_VERSIONS = new RegExp(String.raw`\b${COUNT}\s+(?:connector\s+)?versions\b`, 'i')
const COUNT_AFTER_LIMIT = new RegExp(String.raw`\b(?:maximum|max|limit)(?:\s+(?:of|is))?[\s:]+${COUNT}\b`, 'i')

/**
 * The limit a version-limit refusal names ("the maximum of 1,500 connector
 * versions"), so a message never sets our number beside a different one of
 * Boomi's; MAX_VERSIONS_PER_ACCOUNT when the refusal names none.
 */
export function versionLimitIn(message: string): number {
  const m = COUNT_BEFORE_VERSIONS.exec(message) ?? COUNT_AFTER_LIMIT.exec(message)
  const n = m ? Number(m[1].replace(/,/g, '')) : NaN
  return Number.isSafeInteger(n) && n > 0 ? n : MAX_VERSIONS_PER_ACCOUNT
}

/**
 * UNCERTAIN: how Boomi words refusing an upload at the account's version
 * limit. Matched narrowly on a 4xx answer to an upload — a maximum or limit
 * of *versions*, and nothing about sizes — because the action prunes when it
 * matches: an archive refused as too large must not cost any versions.
 */
export function isVersionLimitRefusal(status: number, message: string): boolean {
  // 401/403/429 are about the caller or the pace, whatever their text says; 5xx is the server's trouble.
  return (
    status >= 400 &&
    status < 500 &&
    ![401, 403, 413, 429].includes(status) &&
    /\b(maximum|max|limit)\b/i.test(message) &&
    /\bversions\b/i.test(message) &&
    !/\b(size|large|bytes?)\b|\d\s*[kmg]i?b\b|\b[kmg]i?b\b/i.test(message)
  )
}

/** Boomi asks archives to stay under this size; larger is a warning, not an error. */
export const ARCHIVE_SIZE_GUIDANCE_BYTES = 40 * 1024 * 1024

/** UNCERTAIN: the longest change log Boomi keeps. The user's text is cut to this many UTF-16 units (marker included); the trailer comes on top. */
export const MAX_CHANGE_LOG_TEXT = 4000
