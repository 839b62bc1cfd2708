// action.yml, the README's tables and src/constants.ts must agree: users read
// the first two, the code reads the third.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { posix } from 'node:path'
import { Input, Output } from '../../src/constants.js'

const actionYml = readFileSync('action.yml', 'utf8')
const readme = readFileSync('README.md', 'utf8')

/** Top-level keys of a block in action.yml, with their `default:` when given. */
function block(name: 'inputs' | 'outputs'): Map<string, { required: boolean; default?: string }> {
  const text = actionYml.split(new RegExp(`^${name}:\\n`, 'm'))[1].split(/^\S/m)[0]
  const entries = new Map<string, { required: boolean; default?: string }>()
  for (const part of text.split(/^ {2}(?=[a-z0-9-]+:\s*$)/m).slice(1)) {
    const key = part.slice(0, part.indexOf(':'))
    const def = /^ {4}default: '(.*)'$/m.exec(part)
    entries.set(key, { required: /^ {4}required: true$/m.test(part), default: def ? def[1] : undefined })
  }
  return entries
}

/** Rows of the README table under a heading: first cell (unquoted) → second cell. */
function table(heading: string): Map<string, string> {
  const section = readme.split(`\n## ${heading}\n`)[1].split('\n## ')[0]
  const rows = new Map<string, string>()
  for (const line of section.split('\n')) {
    const m = /^\| `([a-z0-9-]+)` \| ([^|]*) \|/.exec(line)
    if (m) rows.set(m[1], m[2].trim())
  }
  return rows
}

describe('documentation matches the code', () => {
  it('action.yml declares exactly the inputs and outputs of src/constants.ts', () => {
    expect([...block('inputs').keys()].sort()).toEqual(Object.values(Input).sort())
    expect([...block('outputs').keys()].sort()).toEqual(Object.values(Output).sort())
  })

  it("the README's inputs table lists every input with action.yml's default", () => {
    const rows = table('Inputs')
    const inputs = block('inputs')
    expect([...rows.keys()].sort()).toEqual([...inputs.keys()].sort())
    for (const [name, spec] of inputs) {
      const shown = rows.get(name)
      if (spec.required) expect(shown).toBe('required')
      else if (!spec.default) expect(shown).toBe('empty')
      else expect(shown).toBe(`\`${spec.default}\``)
    }
  })

  it("the README's outputs table lists every output", () => {
    expect([...table('Outputs').keys()].sort()).toEqual(Object.values(Output).sort())
  })

  it('action.yml runs the committed bundle on node24', () => {
    expect(actionYml).toMatch(/^ {2}using: 'node24'$/m)
    expect(actionYml).toMatch(/^ {2}main: 'dist\/index\.js'$/m)
  })
})

// The project's own contract lives in docs/boomi-api.md and docs/behaviour.md, and code,
// tests and docs cite their sections by name. A citation must lead somewhere: a renamed
// heading fails here, not in a maintainer's search months later.
const DOC_HEADINGS: Record<string, string[]> = {
  'docs/boomi-api.md': [
    'Operations',
    'Answers',
    'Reading answers',
    'Errors and statuses',
    'Hosts and prefixes',
    'The archive',
    'Authentication',
    'What is uncertain'
  ],
  'docs/behaviour.md': [
    'Validation',
    'Checksum',
    'Identity',
    'Upload',
    'Retries and lost answers',
    'Pacing',
    'Pruning',
    'Secrets',
    'Report',
    'Change log from a file',
    'Switching classifications',
    'Finding the prefix',
    'First contact',
    'Cancellation',
    'Command-line tool'
  ]
}

/** Where citations may be written. */
const CITING = [
  'src',
  '__tests__',
  'scripts',
  'emulator',
  'docs',
  'cli',
  'examples',
  '.github',
  'README.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  'CHANGELOG.md',
  'action.yml'
]
const SKIP_DIRS = new Set(['node_modules', 'dist', 'fixtures'])

function filesUnder(entry: string): string[] {
  if (!existsSync(entry)) return []
  if (!statSync(entry).isDirectory()) return [entry]
  return readdirSync(entry, { withFileTypes: true })
    .filter(d => !(d.isDirectory() && SKIP_DIRS.has(d.name)))
    .flatMap(d => filesUnder(posix.join(entry, d.name)))
    .filter(f => /\.(ts|js|mjs|md|ya?ml|sh)$/.test(f) || statSync(f).isDirectory())
}

/** Headings of a Markdown text (any level), outside fenced code, as written. */
export function headingsOf(markdown: string): string[] {
  const headings: string[] = []
  let fence: string | undefined
  for (const line of markdown.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined
      continue
    }
    if (marker) {
      fence = marker
      continue
    }
    const h = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
    if (h) headings.push(h[1])
  }
  return headings
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

export interface Citation {
  file: string
  doc: string
  section?: string
  anchor?: string
}

/**
 * The citations in one file's text: `docs/<file>.md, "<Section>"` (a list `"A", "B" and "C"` names
 * several; the list may wrap onto a comment's next line), `docs/<file>.md#<anchor>`, any other
 * mention of a `docs/<file>.md` (which must exist: `behavior.md` for `behaviour.md` is caught),
 * and in a Markdown file under docs/, links `(other.md#anchor)` and `(#anchor)`.
 */
export function citationsIn(file: string, text: string): Citation[] {
  const found: Citation[] = []
  // A quoted name may wrap onto a comment's next line: `"What is\n * uncertain"` is "What is uncertain".
  const quoted = String.raw`"(?:[^"\n]|\n[ \t]*(?:\*(?!\/)|\/\/|#)?[ \t]*){1,80}"`
  const sectioned = new RegExp(String.raw`docs\/([\w.-]+\.md),?[\s*/#]*(?:sections?[\s*/#]+)?((?:${quoted}(?:[\s*/#]*(?:,|and|to)[\s*/#]*(?=")|))+)`, 'g')
  for (const m of text.matchAll(sectioned)) {
    for (const s of m[2].matchAll(new RegExp(quoted, 'g'))) {
      const section = s[0].slice(1, -1).replace(/[ \t]*\n[ \t]*(?:\*(?!\/)|\/\/|#)?[ \t]*/g, ' ')
      found.push({ file, doc: `docs/${m[1]}`, section })
    }
  }
  for (const m of text.matchAll(/docs\/([\w.-]+\.md)(?:#([\w-]+))?/g)) found.push({ file, doc: `docs/${m[1]}`, ...(m[2] ? { anchor: m[2] } : {}) })
  if (file.startsWith('docs/') && file.endsWith('.md')) {
    for (const m of text.matchAll(/\]\((?!https?:)([\w./-]*\.md)?#([^)\s]+)\)/g)) {
      found.push({ file, doc: m[1] ? posix.normalize(posix.join(posix.dirname(file), m[1])) : file, anchor: m[2] })
    }
  }
  return found
}

/** What is wrong with a citation, or undefined when it leads to a heading that exists. */
function brokenCitation(c: Citation): string | undefined {
  if (!existsSync(c.doc)) return `${c.file} cites ${c.doc}, which does not exist`
  const headings = headingsOf(readFileSync(c.doc, 'utf8'))
  if (c.section !== undefined && !headings.includes(c.section)) return `${c.file} cites ${c.doc}, "${c.section}": no such heading`
  if (c.anchor !== undefined && !headings.map(anchorOf).includes(c.anchor)) return `${c.file} cites ${c.doc}#${c.anchor}: no heading has that anchor`
  return undefined
}

describe('the contract documents', () => {
  it.each(Object.entries(DOC_HEADINGS))('%s has its sections, in order, each once', (doc, wanted) => {
    const sections = headingsOf(readFileSync(doc, 'utf8')).filter(h => wanted.includes(h))
    expect(sections).toEqual(wanted)
  })

  it('every citation of a docs/ section, anywhere in the repository, names a heading that exists', () => {
    const citations = CITING.flatMap(filesUnder).flatMap(f => citationsIn(f, readFileSync(f, 'utf8')))
    expect(citations.length).toBeGreaterThan(10)
    expect(citations.map(brokenCitation).filter(Boolean)).toEqual([])
  })

  it('README and CONTRIBUTING point at both documents', () => {
    for (const file of ['README.md', 'CONTRIBUTING.md']) {
      const text = readFileSync(file, 'utf8')
      expect(text).toContain('docs/boomi-api.md')
      expect(text).toContain('docs/behaviour.md')
    }
  })

  it('every name in "What is uncertain" is exported by src/boomi/contract.ts, every path exists', () => {
    const doc = readFileSync('docs/boomi-api.md', 'utf8')
    const table = doc.split('\n## What is uncertain\n')[1].split('\n## ')[0]
    const contract = readFileSync('src/boomi/contract.ts', 'utf8')
    const rows = table.split('\n').filter(line => /^\| (?!---|point \|)/.test(line))
    expect(rows.length).toBeGreaterThanOrEqual(10)
    const problems: string[] = []
    for (const row of rows) {
      const cells = row.split(' | ')
      for (const [, name] of cells[cells.length - 1].matchAll(/`([^`]+)`/g)) {
        if (name.includes('/')) {
          if (!existsSync(name)) problems.push(`${name} does not exist`)
        } else if (!new RegExp(`^export (const|function|class) ${name.split('.')[0]}\\b`, 'm').test(contract)) {
          problems.push(`${name} is not exported by src/boomi/contract.ts`)
        }
      }
    }
    expect(problems).toEqual([])
  })
})

describe('the citation check can fail', () => {
  // Built from pieces, so that this file holds no citation of its own that the check above would read.
  const doc = 'docs/' + 'behaviour.md'

  it('reads one section, a list of sections across a comment line, and anchors', () => {
    expect(citationsIn('src/x.ts', `// ${doc}, "Pruning"`)).toContainEqual({ file: 'src/x.ts', doc, section: 'Pruning' })
    expect(citationsIn('src/x.ts', `// ${doc} section "Pacing"`)).toContainEqual({ file: 'src/x.ts', doc, section: 'Pacing' })
    expect(citationsIn('src/x.ts', `// see ${'docs/' + 'behavior.md'}`)).toEqual([{ file: 'src/x.ts', doc: 'docs/' + 'behavior.md' }])
    const wrapped = `// see ${doc}, "Identity",\n// "Upload" and "Retries and\n// lost answers"; then more`
    expect(citationsIn('src/x.ts', wrapped).map(c => c.section ?? `(the file: ${c.doc})`)).toStrictEqual([
      'Identity',
      'Upload',
      'Retries and lost answers',
      `(the file: ${doc})`
    ])
    expect(citationsIn('src/x.ts', ` * (${doc}, "Answers" and "What is\n * uncertain"), so`).map(c => c.section)).toContain('What is uncertain')
    expect(citationsIn('README.md', `[x](${doc}#retries-and-lost-answers)`)).toContainEqual({ file: 'README.md', doc, anchor: 'retries-and-lost-answers' })
    expect(citationsIn('docs/boomi-api.md', '[a](behaviour.md#pacing) [b](#answers)')).toEqual([
      { file: 'docs/boomi-api.md', doc, anchor: 'pacing' },
      { file: 'docs/boomi-api.md', doc: 'docs/boomi-api.md', anchor: 'answers' }
    ])
  })

  it('finds a section, an anchor or a document that does not exist', () => {
    expect(brokenCitation({ file: 'f', doc, section: 'Pruning' })).toBeUndefined()
    expect(brokenCitation({ file: 'f', doc, section: 'Prunning' })).toMatch(/no such heading/)
    expect(brokenCitation({ file: 'f', doc, anchor: 'retries-and-lost-answers' })).toBeUndefined()
    expect(brokenCitation({ file: 'f', doc, anchor: 'retries' })).toMatch(/no heading has that anchor/)
    expect(brokenCitation({ file: 'f', doc: 'docs/' + 'nowhere.md', section: 'Pruning' })).toMatch(/does not exist/)
  })

  it('makes GitHub anchors and skips headings inside fenced code', () => {
    expect(anchorOf('Retries and lost answers')).toBe('retries-and-lost-answers')
    expect(anchorOf('The `api-url` prefix: found?')).toBe('the-api-url-prefix-found')
    expect(headingsOf('# A\n```sh\n# not a heading\n```\n## B ##\n')).toEqual(['A', 'B'])
  })
})
