// Picks the release notes out of a Markdown changelog (docs/behaviour.md, "Change log from a file"): the
// section for the tag being released; for a run that is not for a tag, the
// newest released section. Read
// the way Keep a Changelog and most hand-kept files are written: `##` headings
// that name a version, newest first, an optional "Unreleased" on top.
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { cut } from './untrusted.js'

/** A changelog is text a person keeps; anything larger is the wrong file. */
export const MAX_CHANGE_LOG_FILE_BYTES = 1024 * 1024

export interface ChangeLogSection {
  /** The heading's text, without the `##`. */
  heading: string
  /** The version the heading names, if any. */
  version?: string
  text: string
  /** True when the section was chosen because it names the tag's version; false when it is the newest one. */
  byTag: boolean
}

interface RawSection {
  heading: string
  version?: string
  body: string[]
}

// One version: digits with at least one dot, an optional pre-release and build (SemVer's shape, loosely).
const VERSION = String.raw`\d+(?:\.\d+)+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?`
const HEADING_VERSION = new RegExp(`^v?(${VERSION})$`, 'i')
// A tag may carry a name before the version: `v1.2.3`, `1.2.3`, `acme-v1.2.3`, `release/1.2.3`.
// The prefix is tried last (`??`): `v1.0.0-0.3.7` is 1.0.0-0.3.7, not 0.3.7 after a prefix `v1.0.0-`.
const TAG_VERSION = new RegExp(`^(?:.*?[/@_-])??v?(${VERSION})$`, 'i')
const MAX_REF_LENGTH = 255

/** The version a tag ref names; undefined for a branch, a pull request, or a name that is no version. */
export function tagVersion(refName: string | undefined): string | undefined {
  let name = refName?.trim() ?? ''
  if (name.length === 0 || name.length > MAX_REF_LENGTH) return undefined
  if (name.startsWith('refs/')) {
    if (!name.startsWith('refs/tags/')) return undefined
    name = name.slice('refs/tags/'.length)
  }
  return TAG_VERSION.exec(name)?.[1]
}

/** The first version a heading names: `[1.2.3] - date`, `v1.2.3`, `[1.2.3](link) - date`, `1.2.3 (date)`. */
export function headingVersion(heading: string): string | undefined {
  const withoutTargets = heading.replace(/\]\([^)]*\)/g, ']')
  for (const token of withoutTargets.split(/[\s[\]()]+/)) {
    const m = HEADING_VERSION.exec(token.replace(/[:,;]+$/, ''))
    if (m) return m[1]
  }
  return undefined
}

function isUnreleased(heading: string): boolean {
  return /^\[?\s*unreleased\b/i.test(heading)
}

/** A fence opener per CommonMark: up to three spaces, then three or more backticks or tildes. */
function fenceOf(line: string): string | undefined {
  const m = /^ {0,3}(`{3,}|~{3,})/.exec(line)
  if (!m) return undefined
  // A backtick fence's info string may not hold a backtick; such a line is inline code, not a fence.
  if (m[1][0] === '`' && line.slice(m[0].length).includes('`')) return undefined
  return m[1]
}

function closesFence(line: string, open: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)
  return m !== null && m[1][0] === open[0] && m[1].length >= open.length
}

/** Longer headings are cut before they are read, so no pattern runs over a hostile megabyte line. */
const MAX_HEADING_LENGTH = 1000

/** Drops an ATX closing sequence (`## 1.2.3 ##`); a loop, not a pattern, to stay linear. */
function withoutClosingHashes(text: string): string {
  let end = text.length
  while (end > 0 && text[end - 1] === '#') end--
  if (end === text.length || (end > 0 && text[end - 1] !== ' ' && text[end - 1] !== '\t')) return text
  return text.slice(0, end).trimEnd()
}

/** A level-1 or level-2 ATX heading's text, or undefined. Level 1 ends a section without starting one. */
function headingOf(line: string): { level: number; text: string } | undefined {
  const m = /^ {0,3}(#{1,2})(?:[ \t]|$)/.exec(line)
  if (!m) return undefined
  const text = withoutClosingHashes(line.slice(m[0].length, m[0].length + MAX_HEADING_LENGTH).trim())
  return { level: m[1].length, text }
}

function splitSections(markdown: string): RawSection[] {
  const sections: RawSection[] = []
  let current: RawSection | undefined
  let fence: string | undefined
  for (const line of markdown.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)) {
    if (fence) {
      if (closesFence(line, fence)) fence = undefined
    } else {
      fence = fenceOf(line)
      const heading = fence ? undefined : headingOf(line)
      if (heading) {
        current = heading.level === 2 ? { heading: heading.text, version: headingVersion(heading.text), body: [] } : undefined
        if (current) sections.push(current)
        continue
      }
    }
    current?.body.push(line)
  }
  return sections
}

const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S/

function isBlank(line: string): boolean {
  return line.trim() === ''
}

/**
 * The body without blank lines at either end; for the file's last section,
 * without the link definitions that close the file.
 */
function bodyText(section: RawSection, last: boolean): string {
  const lines = [...section.body]
  // Link definitions render as nothing: a body of only those is empty wherever it is.
  if (lines.every(line => isBlank(line) || LINK_DEFINITION.test(line))) return ''
  while (lines.length > 0 && (isBlank(lines[lines.length - 1]) || (last && LINK_DEFINITION.test(lines[lines.length - 1])))) lines.pop()
  while (lines.length > 0 && isBlank(lines[0])) lines.shift()
  return lines.join('\n')
}

const MAX_HEADINGS_NAMED = 5
const MAX_HEADING_SHOWN = 80

function describeHeadings(sections: readonly RawSection[], texts: readonly string[]): string {
  if (sections.length === 0) return "it has no '## ' headings"
  const named = sections.slice(0, MAX_HEADINGS_NAMED).map((s, i) => {
    const why = isUnreleased(s.heading) ? ' (unreleased)' : texts[i] === '' ? ' (empty)' : ''
    return `'## ${cut(s.heading, MAX_HEADING_SHOWN)}'${why}`
  })
  const more = sections.length > MAX_HEADINGS_NAMED ? ` and ${sections.length - MAX_HEADINGS_NAMED} more` : ''
  return `headings seen: ${named.join(', ')}${more}`
}

function tooLarge(markdown: string): boolean {
  // Cheap test first: every UTF-16 unit takes at least one UTF-8 byte.
  return markdown.length > MAX_CHANGE_LOG_FILE_BYTES || Buffer.byteLength(markdown, 'utf8') > MAX_CHANGE_LOG_FILE_BYTES
}

/**
 * The section to release with. A run for a tag takes the section whose heading
 * names the tag's version, and a tag with no such section (or an empty one) is
 * an error rather than a reason to send an older version's notes. Any other
 * run takes the first section that is not "Unreleased" and has a body.
 */
export function pickSection(markdown: string, refName: string | undefined): ChangeLogSection {
  if (tooLarge(markdown)) {
    throw new InputError(
      Input.changeLogFile,
      `Invalid ${Input.changeLogFile}: the file is larger than ${MAX_CHANGE_LOG_FILE_BYTES} bytes. Point it at the changelog (e.g. CHANGELOG.md).`
    )
  }
  const sections = splitSections(markdown)
  const texts = sections.map((s, i) => bodyText(s, i === sections.length - 1))
  const tag = tagVersion(refName)
  const wanted = tag?.toLowerCase()
  const tagged = wanted === undefined ? -1 : sections.findIndex(s => s.version?.toLowerCase() === wanted)
  if (tag !== undefined && tagged < 0) {
    // Another version's notes would be published as this one's, in the change log and the release notes.
    throw new InputError(
      Input.changeLogFile,
      `Invalid ${Input.changeLogFile}: no section for version ${tag} of tag ${cut(refName ?? '', MAX_HEADING_SHOWN)}; ${describeHeadings(sections, texts)}. Add a heading '## [${tag}] - <date>' with the release notes under it, or use ${Input.changeLog} instead.`
    )
  }
  if (tagged >= 0 && texts[tagged] === '') {
    throw new InputError(
      Input.changeLogFile,
      `Invalid ${Input.changeLogFile}: the section '## ${cut(sections[tagged].heading, MAX_HEADING_SHOWN)}' for ${refName} is empty. Write the release notes under it.`
    )
  }
  const chosen = tagged >= 0 ? tagged : sections.findIndex((s, i) => !isUnreleased(s.heading) && texts[i] !== '')
  if (chosen < 0) {
    throw new InputError(
      Input.changeLogFile,
      `Invalid ${Input.changeLogFile}: no section to release with; ${describeHeadings(sections, texts)}. Add a section such as '## 1.2.3' with the release notes under it, or use ${Input.changeLog} instead.`
    )
  }
  const { heading, version } = sections[chosen]
  return { heading, ...(version ? { version } : {}), text: texts[chosen], byTag: chosen === tagged }
}
