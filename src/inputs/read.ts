// Reads every input once, by the table in table.ts, into one typed object. The
// rest of the action never reads inputs. Errors name the input and the fix.
import { DEFAULT_API_URL } from '../boomi/contract.js'
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { hasByteControl, hasTextControl } from '../text.js'
import { INPUTS, type InputSpec } from './table.js'

export type IfExists = 'skip' | 'fail' | 'upload'

export interface Inputs {
  accountId: string
  /** Always carries the `BOOMI_TOKEN.` prefix. */
  username: string
  apiToken: string
  groupType: string
  /** Path or glob of the archive; undefined when the run does not upload. */
  archive?: string
  /** The user's change-log text; undefined means "from change-log-file, or made from the workflow run". */
  changeLog?: string
  changeLogFile?: string
  expectedSha256?: string
  ifExists: IfExists
  keepLatest?: number
  minAgeDays?: number
  /** Classification labels, without the group type; empty when nothing is switched. */
  classifications: string[]
  versionId?: string
  dryRun: boolean
  /** API root without a trailing slash: a host alone, or a host with its path prefix. */
  apiUrl: string
  /** True when api-url is a host alone: the path prefix is found on first contact (docs/behaviour.md, "Finding the prefix"). */
  apiUrlIsHost: boolean
  requestsPerSecond: number
  maxAttempts: number
  timeoutMs: number
}

export type GetInput = (name: string) => string

const TOKEN_PREFIX = 'BOOMI_TOKEN.'

/** The one sentence every invalid value gets: "Invalid X 'v'. Expected …, e.g. …". */
export function invalid(spec: InputSpec, value: string, cause?: unknown): InputError {
  const shown = spec.kind === 'secret' ? '***' : shorter(value)
  return new InputError(spec.name, `Invalid ${spec.name} '${shown}'. Expected ${spec.expected}, e.g. ${spec.example}.`, { cause })
}

/** A value as a message shows it: at most 100 characters, never half of a surrogate pair. */
function shorter(value: string): string {
  if (value.length <= 100) return value
  const end = /[\ud800-\udbff]/.test(value.charAt(99)) ? 99 : 100
  return `${value.slice(0, end)}…`
}

function conflict(input: string, message: string): InputError {
  return new InputError(input, message)
}

/**
 * Reads and validates every input. `mask` is called with the token (and the
 * Basic credentials derived from it) before any validation can fail, so nothing
 * logged afterwards can reveal it.
 */
export function readInputs(getInput: GetInput, mask: (secret: string) => void): Inputs {
  const raw = (spec: InputSpec): string => (getInput(spec.name) ?? '').trim()
  const apiToken = raw(INPUTS.apiToken)
  if (apiToken) mask(apiToken)
  const credentials = readCredentials(raw, apiToken)
  mask(Buffer.from(`${credentials.username}:${apiToken}`).toString('base64'))
  const groupType = required(raw, INPUTS.groupType)
  // An ID: a zero-width or bidi character pasted with it would name a group that does not exist.
  if (/\s|\//.test(groupType) || hasTextControl(groupType)) throw invalid(INPUTS.groupType, groupType)
  const apiUrl = parseApiUrl(raw(INPUTS.apiUrl) || DEFAULT_API_URL)
  const inputs: Inputs = {
    ...credentials,
    groupType,
    ...readRelease(getInput, raw, groupType),
    ...readPruning(raw),
    dryRun: readBoolean(raw(INPUTS.dryRun) || INPUTS.dryRun.default, INPUTS.dryRun),
    apiUrl: apiUrl.href,
    apiUrlIsHost: apiUrl.isHost,
    requestsPerSecond: readDecimal(raw(INPUTS.requestsPerSecond) || INPUTS.requestsPerSecond.default, INPUTS.requestsPerSecond),
    maxAttempts: readWhole(raw(INPUTS.maxAttempts) || INPUTS.maxAttempts.default, INPUTS.maxAttempts),
    timeoutMs: Math.round(readDecimal(raw(INPUTS.timeoutSeconds) || INPUTS.timeoutSeconds.default, INPUTS.timeoutSeconds) * 1000)
  }
  checkCombinations(inputs)
  return inputs
}

function readCredentials(raw: (spec: InputSpec) => string, apiToken: string): Pick<Inputs, 'accountId' | 'username' | 'apiToken'> {
  const accountId = required(raw, INPUTS.accountId)
  if (!/^[A-Za-z0-9._-]+$/.test(accountId) || !/[A-Za-z0-9]/.test(accountId)) throw invalid(INPUTS.accountId, accountId)
  let username = required(raw, INPUTS.username)
  if (!username.startsWith(TOKEN_PREFIX)) username = TOKEN_PREFIX + username
  if (username.includes(':') || username === TOKEN_PREFIX || hasByteControl(username)) throw invalid(INPUTS.username, username)
  if (!apiToken) required(raw, INPUTS.apiToken)
  // Any control, bidi or zero-width character: the log escapes them, and the runner's masking, which matches
  // the token as given, would then miss the escaped form.
  if (hasTextControl(apiToken)) throw invalid(INPUTS.apiToken, apiToken)
  return { accountId, username, apiToken }
}

type Raw = (spec: InputSpec) => string

function readRelease(
  getInput: GetInput,
  raw: Raw,
  groupType: string
): Pick<Inputs, 'archive' | 'changeLog' | 'changeLogFile' | 'expectedSha256' | 'ifExists' | 'classifications' | 'versionId'> {
  const changeLogRaw = getInput(INPUTS.changeLog.name) ?? ''
  const expected = raw(INPUTS.expectedSha256)
  if (expected && !/^[0-9a-fA-F]{64}$/.test(expected)) throw invalid(INPUTS.expectedSha256, expected)
  const ifExists = raw(INPUTS.ifExists).toLowerCase() || INPUTS.ifExists.default
  if (!(INPUTS.ifExists.choices as readonly string[]).includes(ifExists)) throw invalid(INPUTS.ifExists, raw(INPUTS.ifExists))
  const versionId = raw(INPUTS.versionId) || undefined
  if (versionId !== undefined && (hasTextControl(versionId) || /\s/.test(versionId) || versionId.length > 100)) throw invalid(INPUTS.versionId, versionId)
  return {
    archive: raw(INPUTS.archive) || undefined,
    changeLog: changeLogRaw.trim() ? changeLogRaw.replace(/\s+$/, '') : undefined,
    changeLogFile: raw(INPUTS.changeLogFile) || undefined,
    expectedSha256: expected ? expected.toLowerCase() : undefined,
    ifExists: ifExists as IfExists,
    classifications: readClassifications(getInput(INPUTS.classifications.name) ?? '', groupType),
    versionId
  }
}

/** Labels separated by commas or new lines; a full classification type loses its group prefix. */
export function readClassifications(text: string, groupType: string): string[] {
  if (!text.trim()) return []
  const spec = INPUTS.classifications
  // A comma at the end of a line and the line break are one separator (`dev,` then `uat` in a YAML block).
  const items = text.split(/,[^\S\r\n]*(?:\r?\n)?|\r?\n/).map(s => s.trim())
  // A trailing separator (a YAML block ending in a newline) is not an empty item.
  while (items.length && items[items.length - 1] === '') items.pop()
  const problem = (what: string): InputError => new InputError(spec.name, `Invalid ${spec.name}: ${what}. Expected ${spec.expected}, e.g. ${spec.example}.`)
  const labels: string[] = []
  for (const [i, item] of items.entries()) {
    if (!item) throw problem(`item ${i + 1} is empty`)
    // Never a label: a YAML list (`[dev, uat]`) reaches the action as text, and `;` is no separator here.
    // Refused now, before the upload, rather than by Boomi when the switch is asked for.
    if (/[[\];]/.test(item)) throw problem(`'${shorter(item)}' holds '[', ']' or ';', which no label does; a YAML list such as [dev, uat] arrives as text`)
    if (/\s/.test(item) || hasTextControl(item) || item.length > 200) throw invalid(spec, item)
    const label = item.startsWith(`${groupType}-`) ? item.slice(groupType.length + 1) : item
    if (!label) throw invalid(spec, item)
    if (labels.includes(label)) throw problem(`'${label}' is given twice`)
    labels.push(label)
  }
  return labels
}

function readPruning(raw: Raw): Pick<Inputs, 'keepLatest' | 'minAgeDays'> {
  const keep = raw(INPUTS.keepLatest)
  const age = raw(INPUTS.minAgeDays)
  return { keepLatest: keep ? readWhole(keep, INPUTS.keepLatest) : undefined, minAgeDays: age ? readDecimal(age, INPUTS.minAgeDays) : undefined }
}

function checkCombinations(i: Inputs): void {
  const { archive, changeLog, changeLogFile, expectedSha256, keepLatest, minAgeDays, classifications, versionId } = i
  if (expectedSha256 && !archive) {
    throw conflict(
      Input.expectedSha256,
      `${Input.expectedSha256} is set but ${Input.archive} is empty. Set ${Input.archive} to the connector zip, or remove ${Input.expectedSha256}.`
    )
  }
  if (minAgeDays !== undefined && keepLatest === undefined) {
    throw conflict(
      Input.minAgeDays,
      `${Input.minAgeDays} only applies to pruning, but ${Input.keepLatest} is empty. Set ${Input.keepLatest} too, or remove ${Input.minAgeDays}.`
    )
  }
  if (changeLog !== undefined && changeLogFile) {
    throw conflict(
      Input.changeLogFile,
      `${Input.changeLog} and ${Input.changeLogFile} are both set. Keep one: the text itself, or the changelog file to take it from.`
    )
  }
  if (versionId && archive) {
    throw conflict(
      Input.versionId,
      `${Input.versionId} and ${Input.archive} are both set. Use ${Input.archive} to upload and switch the new version, or ${Input.versionId} to switch one already uploaded.`
    )
  }
  if (versionId && !classifications.length) {
    throw conflict(
      Input.versionId,
      `${Input.versionId} is set but ${Input.classifications} is empty. Name the classifications to switch to version ${versionId}, e.g. ${Input.classifications}: prod.`
    )
  }
  if (classifications.length && !archive && !versionId) {
    throw conflict(
      Input.classifications,
      `${Input.classifications} is set but neither ${Input.archive} nor ${Input.versionId} is. Set ${Input.archive} to upload and switch the new version, or ${Input.versionId} to switch one already uploaded.`
    )
  }
  if (!archive && keepLatest === undefined && !versionId) {
    throw conflict(
      Input.archive,
      `Nothing to do: both ${Input.archive} and ${Input.keepLatest} are empty. Set ${Input.archive} to upload a connector zip, ${Input.keepLatest} to prune old versions, or both.`
    )
  }
}

function required(raw: Raw, spec: InputSpec): string {
  const value = raw(spec)
  if (!value) throw new InputError(spec.name, `Input required and not supplied: ${spec.name}. Set it to ${spec.expected}, e.g. ${spec.example}.`)
  return value
}

function readBoolean(text: string, spec: InputSpec): boolean {
  const value = text.toLowerCase()
  if (value !== 'true' && value !== 'false') throw invalid(spec, text)
  return value === 'true'
}

function readWhole(text: string, spec: InputSpec): number {
  const value = /^\d+$/.test(text) ? Number(text) : NaN
  if (!Number.isSafeInteger(value) || value < (spec.min ?? 0) || value > (spec.max ?? Infinity)) throw invalid(spec, text)
  return value
}

/** Plain decimal notation only: "1e3", "0x10" or "Infinity" are refused rather than guessed at. */
function readDecimal(text: string, spec: InputSpec): number {
  const value = /^\d+(\.\d+)?$|^\.\d+$/.test(text) ? Number(text) : NaN
  if (!Number.isFinite(value) || value < (spec.min ?? 0) || value > (spec.max ?? Infinity)) throw invalid(spec, text)
  return value
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/** The URL without a trailing slash, and whether it is a host alone (no path to use as given). */
function parseApiUrl(text: string): { href: string; isHost: boolean } {
  const spec = INPUTS.apiUrl
  const credentials = new InputError(
    spec.name,
    `Invalid ${spec.name}: it must not carry credentials (it holds an '@'). Pass them as ${Input.username} and ${Input.apiToken}.`
  )
  // Looked for in the text first, so that no message below echoes credentials in a URL that then
  // fails to parse. Any '@': a password holding '/', '?', '#' or '\\' ends the URL's authority
  // early, so the parser sees no credentials (`https://ci:12/34@api.boomi.com` is host `ci`, port
  // 12), yet they are credentials all the same. No Boomi path holds an '@'.
  if (text.includes('@')) throw credentials
  let url: URL
  try {
    url = new URL(text)
  } catch (err) {
    throw invalid(spec, text, err)
  }
  if (url.username || url.password) throw credentials
  // A bare '?' or '#' leaves url.search and url.hash empty, but would still change the paths requested.
  if (url.search || url.hash || /[?#]/.test(text)) {
    throw new InputError(spec.name, `Invalid ${spec.name} '${shorter(text)}': it must not have a query or fragment. Expected e.g. ${DEFAULT_API_URL}.`)
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new InputError(
      spec.name,
      `Invalid ${spec.name} '${shorter(text)}': it must use https (plain http is allowed only on loopback, for a local emulator). Expected e.g. ${DEFAULT_API_URL}.`
    )
  }
  return { href: url.href.replace(/\/+$/, ''), isHost: /^\/*$/.test(url.pathname) }
}
