import { Input } from '../constants.js'
import { DEFAULT_API_URL } from '../boomi/contract.js'
import { InputError } from '../errors.js'

export type IfExists = 'skip' | 'fail' | 'upload'

/** Every input, parsed and validated once. The rest of the action never reads inputs. */
export interface Inputs {
  accountId: string
  /** Always carries the `BOOMI_TOKEN.` prefix. */
  username: string
  apiToken: string
  groupType: string
  /** Path or glob of the archive; undefined when the run only prunes. */
  archive?: string
  /** The user's change-log text; undefined means "make one from the workflow run". */
  changeLog?: string
  expectedSha256?: string
  ifExists: IfExists
  keepLatest?: number
  minAgeDays?: number
  dryRun: boolean
  /** API root without a trailing slash. */
  apiUrl: string
  requestsPerSecond: number
  maxAttempts: number
  timeoutMs: number
}

export type GetInput = (name: string) => string

const TOKEN_PREFIX = 'BOOMI_TOKEN.'
const MAX_TIMEOUT_SECONDS = 2_147_483

/**
 * Reads and validates every input. `mask` is called with the token (and the
 * Basic credentials derived from it) before any validation can fail, so nothing
 * logged afterwards can reveal it.
 */
export function readInputs(getInput: GetInput, mask: (secret: string) => void): Inputs {
  const raw = (name: string): string => (getInput(name) ?? '').trim()

  const apiToken = raw(Input.apiToken)
  if (apiToken) mask(apiToken)

  const accountId = required(raw, Input.accountId, 'your Boomi account ID, e.g. acme-Q7XK2P')
  if (!/^[A-Za-z0-9._-]+$/.test(accountId)) {
    throw new InputError(
      Input.accountId,
      `Invalid ${Input.accountId} '${accountId}'. Expected the account ID shown in Boomi under Settings > Account Information, e.g. acme-Q7XK2P (letters, digits, '.', '_' and '-').`
    )
  }

  let username = required(raw, Input.username, `the Boomi user name the API token belongs to, e.g. ci-bot@acme.example (${TOKEN_PREFIX} is added for you)`)
  if (!username.startsWith(TOKEN_PREFIX)) username = TOKEN_PREFIX + username
  if (username.includes(':') || username === TOKEN_PREFIX) {
    throw new InputError(Input.username, `Invalid ${Input.username} '${username}'. Expected a Boomi user name without ':', e.g. ci-bot@acme.example.`)
  }

  if (!apiToken) {
    throw new InputError(
      Input.apiToken,
      `Input required and not supplied: ${Input.apiToken}. Pass a Boomi API token from a secret, e.g. api-token: \${{ secrets.BOOMI_API_TOKEN }}.`
    )
  }
  mask(Buffer.from(`${username}:${apiToken}`).toString('base64'))

  const groupType = required(raw, Input.groupType, 'the connector group type without its classification, e.g. acme-Q7XK2P-sample')
  if (/\s|\//.test(groupType)) {
    throw new InputError(
      Input.groupType,
      `Invalid ${Input.groupType} '${groupType}'. Expected the Type column of the Developer tab without its classification, e.g. acme-Q7XK2P-sample (no spaces or '/').`
    )
  }

  const archive = raw(Input.archive) || undefined
  const changeLogRaw = getInput(Input.changeLog) ?? ''
  const changeLog = changeLogRaw.trim() ? changeLogRaw.replace(/\s+$/, '') : undefined

  let expectedSha256: string | undefined = raw(Input.expectedSha256) || undefined
  if (expectedSha256 !== undefined) {
    if (!/^[0-9a-fA-F]{64}$/.test(expectedSha256)) {
      throw new InputError(
        Input.expectedSha256,
        `Invalid ${Input.expectedSha256} '${expectedSha256}'. Expected 64 hexadecimal characters, as printed by 'sha256sum <archive>'.`
      )
    }
    if (!archive) {
      throw new InputError(
        Input.expectedSha256,
        `${Input.expectedSha256} is set but ${Input.archive} is empty. Set ${Input.archive} to the connector zip, or remove ${Input.expectedSha256}.`
      )
    }
    expectedSha256 = expectedSha256.toLowerCase()
  }

  const ifExistsRaw = raw(Input.ifExists).toLowerCase() || 'skip'
  if (ifExistsRaw !== 'skip' && ifExistsRaw !== 'fail' && ifExistsRaw !== 'upload') {
    throw new InputError(
      Input.ifExists,
      `Invalid ${Input.ifExists} '${raw(Input.ifExists)}'. Expected one of: skip (reuse the existing version), fail, upload.`
    )
  }

  const keepLatestRaw = raw(Input.keepLatest)
  let keepLatest: number | undefined
  if (keepLatestRaw) {
    keepLatest = /^\d+$/.test(keepLatestRaw) ? Number(keepLatestRaw) : NaN
    if (!Number.isSafeInteger(keepLatest) || keepLatest < 1) {
      throw new InputError(
        Input.keepLatest,
        `Invalid ${Input.keepLatest} '${keepLatestRaw}'. Expected a whole number of versions to keep, at least 1, e.g. keep-latest: 20.`
      )
    }
  }

  const minAgeRaw = raw(Input.minAgeDays)
  let minAgeDays: number | undefined
  if (minAgeRaw) {
    minAgeDays = parseDecimal(minAgeRaw)
    if (minAgeDays === undefined) {
      throw new InputError(Input.minAgeDays, `Invalid ${Input.minAgeDays} '${minAgeRaw}'. Expected a number of days, 0 or more, e.g. min-age-days: 30.`)
    }
    if (keepLatest === undefined) {
      throw new InputError(
        Input.minAgeDays,
        `${Input.minAgeDays} only applies to pruning, but ${Input.keepLatest} is empty. Set ${Input.keepLatest} too, or remove ${Input.minAgeDays}.`
      )
    }
  }

  if (!archive && keepLatest === undefined) {
    throw new InputError(
      Input.archive,
      `Nothing to do: both ${Input.archive} and ${Input.keepLatest} are empty. Set ${Input.archive} to upload a connector zip, ${Input.keepLatest} to prune old versions, or both.`
    )
  }

  const dryRunRaw = raw(Input.dryRun).toLowerCase() || 'false'
  if (dryRunRaw !== 'true' && dryRunRaw !== 'false') {
    throw new InputError(Input.dryRun, `Invalid ${Input.dryRun} '${raw(Input.dryRun)}'. Expected true or false.`)
  }

  const apiUrl = parseApiUrl(raw(Input.apiUrl) || DEFAULT_API_URL)

  const rpsRaw = raw(Input.requestsPerSecond) || '5'
  const requestsPerSecond = parseDecimal(rpsRaw)
  if (requestsPerSecond === undefined || requestsPerSecond <= 0) {
    throw new InputError(
      Input.requestsPerSecond,
      `Invalid ${Input.requestsPerSecond} '${rpsRaw}'. Expected a number greater than 0, e.g. 5 (Boomi allows about 10 requests a second per account).`
    )
  }

  const attemptsRaw = raw(Input.maxAttempts) || '5'
  const maxAttempts = /^\d+$/.test(attemptsRaw) ? Number(attemptsRaw) : NaN
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1) {
    throw new InputError(
      Input.maxAttempts,
      `Invalid ${Input.maxAttempts} '${attemptsRaw}'. Expected a whole number of tries, at least 1 (1 means no retries), e.g. 5.`
    )
  }

  const timeoutRaw = raw(Input.timeoutSeconds) || '300'
  const timeoutSeconds = parseDecimal(timeoutRaw)
  // Node's timers hold at most 2^31-1 ms (24.8 days); below 1 ms a request could not even start.
  if (timeoutSeconds === undefined || timeoutSeconds < 0.001 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    throw new InputError(
      Input.timeoutSeconds,
      `Invalid ${Input.timeoutSeconds} '${timeoutRaw}'. Expected a number of seconds greater than 0 and at most ${MAX_TIMEOUT_SECONDS}, e.g. 300.`
    )
  }

  return {
    accountId,
    username,
    apiToken,
    groupType,
    archive,
    changeLog,
    expectedSha256,
    ifExists: ifExistsRaw,
    keepLatest,
    minAgeDays,
    dryRun: dryRunRaw === 'true',
    apiUrl,
    requestsPerSecond,
    maxAttempts,
    timeoutMs: Math.round(timeoutSeconds * 1000)
  }
}

function required(raw: (name: string) => string, name: string, what: string): string {
  const value = raw(name)
  if (!value) throw new InputError(name, `Input required and not supplied: ${name}. Set it to ${what}.`)
  return value
}

/** Plain decimal notation only: "1e3", "0x10" or "Infinity" are refused rather than guessed at. */
function parseDecimal(text: string): number | undefined {
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(text)) return undefined
  const value = Number(text)
  return Number.isFinite(value) ? value : undefined
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

function parseApiUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new InputError(Input.apiUrl, `Invalid ${Input.apiUrl} '${text}'. Expected an absolute URL, e.g. ${DEFAULT_API_URL}.`)
  }
  if (url.username || url.password) {
    throw new InputError(Input.apiUrl, `Invalid ${Input.apiUrl}: it must not carry credentials. Pass them as ${Input.username} and ${Input.apiToken}.`)
  }
  if (url.search || url.hash) {
    throw new InputError(Input.apiUrl, `Invalid ${Input.apiUrl} '${text}': it must not have a query or fragment. Expected e.g. ${DEFAULT_API_URL}.`)
  }
  const loopbackHttp = url.protocol === 'http:' && isLoopbackHost(url.hostname)
  if (url.protocol !== 'https:' && !loopbackHttp) {
    throw new InputError(
      Input.apiUrl,
      `Invalid ${Input.apiUrl} '${text}': it must use https (plain http is allowed only on loopback, for a local emulator). Expected e.g. ${DEFAULT_API_URL}.`
    )
  }
  return url.href.replace(/\/+$/, '')
}
