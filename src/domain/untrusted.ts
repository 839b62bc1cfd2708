// The one place where text from outside (Boomi's answers, input values, file
// names, a changelog file) is made safe for where it goes: the runner's log, the
// job summary's HTML and Markdown, or an error message that may echo credentials.
// Each function is total and pure; callers apply it once, at the edge.
import { LINE_CONTROLS, TEXT_CONTROLS } from '../text.js'

/** Shown in front of a log line that the runner would otherwise read as a workflow command. */
export const LOG_LINE_GUARD = '> '

/**
 * Characters the runner or a log viewer might skip before looking for `::`.
 * The runner calls .NET `TrimStart()` (Unicode White_Space); this set is wider on
 * purpose — an extra guard costs nothing, a missing one is a command.
 */
const LOOSE_LEADING_SPACE = /^[\s\u0085\u180e\u200b-\u200d\u2060\ufeff]*/

/**
 * The text set (src/text.ts) but \t and \n: invisible, or line breaks to some reader.
 * A tab is shown as it is, and a line break is dealt with by each escape on its own terms.
 */
const CONTROL_CLASS = `(?![\\t\\n])[${TEXT_CONTROLS}]`
const CONTROL = new RegExp(CONTROL_CLASS, 'g')
const HAS_CONTROL = new RegExp(CONTROL_CLASS)

function showControl(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
}

function guardLogLine(line: string): string {
  // actions/runner ActionCommand.TryParse (v1) finds `##[` anywhere in a line, not only at its start; so
  // does the Azure Pipelines agent its logging commands, `##vso[` (the command-line tool runs there), and
  // TeamCity its service messages, `##teamcity[`.
  const noV1 = line.replace(/##(vso|teamcity)?\[/gi, (_m, name: string | undefined) => (name ? `##${name} [` : '## ['))
  // TryParseV2 takes a line as a command when it starts with `::` after leading white space.
  const rest = noV1.slice(LOOSE_LEADING_SPACE.exec(noV1)![0].length)
  return rest.startsWith('::') ? LOG_LINE_GUARD + noV1 : noV1
}

/**
 * Text for the runner's log: no line of it can be a workflow command. A lone
 * `\r` ends a line for the runner, so it becomes `\n`; other control characters
 * are shown as `\uXXXX`.
 */
export function forLog(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, showControl).split('\n').map(guardLogLine).join('\n')
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, ch => HTML_ENTITIES[ch])
}

/**
 * Markdown punctuation that can start a construct inline: emphasis, code,
 * links and images, table cells, strikethrough, math, mentions, headings.
 */
const MARKDOWN_INLINE = /[\\`*_[\]()#|!~$@]/g

/** Shown for a field the server left out. */
export const MISSING = '–'

/** Longest text a summary cell shows before it is cut. */
export const MAX_MD_TEXT = 1000
/** Longest failure message a front end prints (the Action's log and summary, the command-line tool's error line). */
export const MAX_FAILURE_MESSAGE = 4000

function escapeMarkdownLine(line: string): string {
  // GitHub makes a bare `https://…` or `www.…` a link: an escaped `:` or `.` breaks either.
  const inline = line
    .replace(MARKDOWN_INLINE, ch => `\\${ch}`)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.')
  // A list item, ordered-list number or setext underline is recognised only at the start of a line.
  return inline.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2')
}

function inertInline(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, showControl)
    .split('\n')
    .map(line => escapeHtml(escapeMarkdownLine(line)))
    .join('\n')
}

/**
 * Text for a table cell or inline in the job summary: HTML-escaped,
 * Markdown-inert, on one line (`<br>` between lines), at most `max` characters
 * of the original before escaping.
 */
export function mdText(text: string | undefined, max = MAX_MD_TEXT): string {
  if (text === undefined) return MISSING
  return inertInline(cut(text, max)).replace(/\n/g, '<br>')
}

/**
 * Inline code that nothing inside can close. A backtick span cannot hold a
 * line break or a `|` safely (a table reads `\|` differently from a paragraph),
 * so those texts go in `<code>` with their content made inert instead.
 */
export function mdCode(text: string | undefined, max = MAX_MD_TEXT): string {
  if (text === undefined) return MISSING
  const shown = cut(text, max)
  if (shown.trim() === '' || /[\r\n|]/.test(shown) || HAS_CONTROL.test(shown)) {
    return `<code>${inertInline(shown).replace(/\n/g, ' ')}</code>`
  }
  const fence = '`'.repeat(longestRun(shown, '`') + 1)
  const pad = /^[` ]|[` ]$/.test(shown) ? ' ' : ''
  return `${fence}${pad}${shown}${pad}${fence}`
}

/** Longest text a summary block shows before it is cut. */
export const MAX_MD_BLOCK = 10_000

/**
 * A fenced block (to be placed at the start of a line) whose fence is longer
 * than any backtick run inside, so the text cannot close it early.
 */
export function mdBlock(text: string, max = MAX_MD_BLOCK): string {
  const body = cut(text, max).replace(/\r\n?/g, '\n').replace(CONTROL, showControl)
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1))
  return `${fence}text\n${body}\n${fence}`
}

function longestRun(text: string, ch: string): number {
  let longest = 0
  let run = 0
  for (const c of text) {
    run = c === ch ? run + 1 : 0
    if (run > longest) longest = run
  }
  return longest
}

/** Shortest piece of a secret that counts as leaked: shorter pieces are too common to mask. */
export const MIN_SECRET_FRAGMENT = 6

export const MASK = '***'

/**
 * The forms in which a secret is commonly echoed back: as is, URL-encoded and
 * base64. A Basic authorization value must be passed on its own (base64 of the
 * token alone is not a substring of it).
 */
export function secretForms(secrets: readonly string[]): string[] {
  const forms = secrets.flatMap(s => (s ? [s, encodeURIComponent(s), Buffer.from(s, 'utf8').toString('base64'), JSON.stringify(s).slice(1, -1)] : []))
  return [...new Set(forms)]
}

/** Built once per list of forms: a listing scrubs thousands of short fields with the same list. */
const gramsOf = new WeakMap<readonly string[], Set<string>>()

function secretGrams(secrets: readonly string[]): Set<string> {
  const known = gramsOf.get(secrets)
  if (known) return known
  const grams = new Set<string>()
  for (const s of secrets) {
    for (let i = 0; i + MIN_SECRET_FRAGMENT <= s.length; i++) grams.add(s.slice(i, i + MIN_SECRET_FRAGMENT))
  }
  gramsOf.set(secrets, grams)
  return grams
}

/** Marks every character inside a run of at least MIN_SECRET_FRAGMENT characters that occurs in a secret. */
function secretCover(text: string, secrets: readonly string[]): boolean[] {
  const covered = new Array<boolean>(text.length).fill(false)
  const grams = secretGrams(secrets)
  for (let i = 0; i + MIN_SECRET_FRAGMENT <= text.length; i++) {
    if (grams.has(text.slice(i, i + MIN_SECRET_FRAGMENT))) covered.fill(true, i, i + MIN_SECRET_FRAGMENT)
  }
  return covered
}

function maskOnce(text: string, secrets: readonly string[]): string {
  const covered = secretCover(text, secrets)
  const parts: string[] = []
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    const edge = i === text.length || covered[i] !== covered[start]
    if (!edge) continue
    parts.push(covered[start] ? MASK : text.slice(start, i))
    start = i
  }
  return parts.join('')
}

/**
 * Replaces each secret, and any piece of one at least MIN_SECRET_FRAGMENT long
 * wherever it appears (a server may echo a prefix, or cut the echo), with
 * `***`. Apply before any cut: a cut cannot un-mask, but it can hide what
 * would have identified a fragment. Pass the forms to look for (see
 * `secretForms`); the runner's own masking only knows whole secrets.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  // A secret shorter than a fragment is masked whole, in one pass: masking it
  // again could loop (a secret of `*` is inside the mask).
  const short = secrets.filter(s => s.length > 0 && s.length < MIN_SECRET_FRAGMENT)
  let current = short.reduce((acc, s) => acc.split(s).join(MASK), text)
  const long = secrets.filter(s => s.length >= MIN_SECRET_FRAGMENT)
  if (long.length === 0) return current
  // Masking joins what stood either side of a secret, which may line up anew;
  // each pass that changes anything shortens the text, so this ends.
  for (;;) {
    const next = maskOnce(current, long)
    if (next === current) return next
    current = next
  }
}

/** Marks a text that was cut. */
export const ELLIPSIS = '…'

// Zero-width and bidi characters are kept: a value stays as Boomi wrote it (emoji sequences included), shown escaped.
const ONE_LINE_BREAKS = new RegExp(`[\\s${LINE_CONTROLS}]+`, 'g')

/** Outside text on one line: every run of white space and control characters becomes one space. */
export function oneLine(text: string): string {
  return text.replace(ONE_LINE_BREAKS, ' ').trim()
}

/**
 * At most `max` UTF-16 units, `…` included, never splitting a surrogate pair.
 * Counting units rather than code points keeps the result within a limit
 * however the receiver counts.
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text
  if (max < 1) return ''
  let end = max - ELLIPSIS.length
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end--
  return text.slice(0, end) + ELLIPSIS
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
