// Every piece of YAML a user copies or GitHub runs is checked here, with the same module
// `npm run validate` uses: README blocks, examples, workflows and action.yml. The second
// half feeds broken copies, to prove each check can fail.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  ACTION_REPOSITORY,
  checkSource,
  collectSources,
  declaredInputs,
  documentedRef,
  validateActionText,
  yamlBlocks,
  type Source
} from '../../scripts/validate-actions.js'

const actionYml = readFileSync('action.yml', 'utf8')
const declared = declaredInputs(actionYml)
const sources = collectSources('.')
const exampleTag = readFileSync('examples/release-on-tag.yml', 'utf8')

const ref = documentedRef(readFileSync('CHANGELOG.md', 'utf8'))

function check(source: Source): string[] {
  return checkSource(source, declared, ref)
}

describe('the YAML in this repository', () => {
  it('covers the README, every example, every workflow and action.yml', () => {
    const names = sources.map(s => s.name)
    expect(names).toContain('action.yml')
    expect(names.filter(n => n.startsWith('examples/')).length).toBeGreaterThanOrEqual(4)
    expect(names.filter(n => n.startsWith('.github/workflows/')).length).toBeGreaterThanOrEqual(3)
    expect(names.filter(n => n.startsWith('README.md:')).length).toBe(yamlBlocks(readFileSync('README.md', 'utf8')).length)
    expect(names.filter(n => n.startsWith('README.md:')).length).toBeGreaterThanOrEqual(6)
  })

  it.each(sources.map(s => [s.name, s] as const))('%s is valid', (_name, source) => {
    expect(check(source)).toEqual([])
  })

  it('reads the declared inputs from action.yml, required ones marked', () => {
    expect(declared.get('api-token')).toEqual({ required: true })
    expect(declared.get('archive')).toEqual({ required: false })
    expect(declared.has('no-such-input')).toBe(false)
  })
})

describe('a broken copy fails', () => {
  it('the old tag workflow line that is not YAML', () => {
    const broken = exampleTag.replace(/change-log-file: .*|change-log: .*/, 'change-log: ${{ github.ref_name }}: see CHANGELOG.md')
    expect(broken).not.toBe(exampleTag)
    expect(check({ name: 'x', kind: 'workflow', text: broken }).join('\n')).toMatch(/^YAML: /)
  })

  it('a README block with the same mistake', () => {
    const block = ['- uses: ' + ACTION_REPOSITORY + '@v1', '  with:', '    change-log: v1: notes', ''].join('\n')
    expect(check({ name: 'x', kind: 'steps', text: block }).join('\n')).toMatch(/^YAML: /)
  })

  it('an input this action does not declare, and a required one left out', () => {
    const broken = exampleTag.replace(/^(\s+)keep-latest: /m, '$1keep-newest: ').replace(/^\s+group-type: .*\n/m, '')
    const problems = check({ name: 'x', kind: 'workflow', text: broken })
    expect(problems).toContain("with: 'keep-newest' is not an input of action.yml")
    expect(problems).toContain("with: required input 'group-type' is missing")
  })

  it('a workflow the schema rejects', () => {
    const broken = exampleTag.replace(/^jobs:/m, 'jobz:')
    expect(check({ name: 'x', kind: 'workflow', text: broken }).join('\n')).toMatch(/^schema: /m)
  })

  it('a duplicate key, which a lenient parser would let the last one win', () => {
    const broken = exampleTag.replace(/^permissions:/m, 'permissions:\n  contents: write\npermissions:')
    expect(check({ name: 'x', kind: 'workflow', text: broken }).join('\n')).toMatch(/^YAML: .*[Uu]nique|^YAML: .*duplicate/im)
  })

  it('a third-party action pinned by tag, and this action under another name', () => {
    const broken = exampleTag
      .replace(/actions\/checkout@[0-9a-f]{40} # v[\d.]+/, 'actions/checkout@v5')
      .replace(`uses: ${ACTION_REPOSITORY}@`, 'uses: someone/boomi-connector-action@')
    const problems = check({ name: 'x', kind: 'workflow', text: broken }).join('\n')
    expect(problems).toMatch(/pin 'actions\/checkout@v5' by full commit SHA/)
    expect(problems).toMatch(/this action is boomi-connector-action\/boomi-connector-action, not 'someone\//)
  })

  it('a README block that is neither a workflow nor a list of steps', () => {
    expect(check({ name: 'x', kind: 'steps', text: 'uses: x\n' })).toEqual(['a YAML block must be a whole workflow or a list of steps'])
  })
})

describe('action.yml is validated as it is, node24 included', () => {
  it('accepts the real file without rewriting its runtime', () => {
    expect(actionYml).toMatch(/^ {2}using: 'node24'$/m)
    expect(validateActionText(actionYml)).toEqual([])
  })

  it('refuses a runtime GitHub does not start', () => {
    expect(validateActionText(actionYml.replace("using: 'node24'", "using: 'node99'"))).toEqual([
      "runs.using 'node99' is not a runtime GitHub starts; use one of node20, node24"
    ])
  })

  it('still reports every other schema error of a node24 action', () => {
    expect(validateActionText(actionYml.replace(/^ {2}main: .*$/m, '')).length).toBeGreaterThan(0)
    expect(validateActionText(actionYml.replace(/^description: /m, 'descripton: ')).length).toBeGreaterThan(0)
  })
})

describe('one concurrency convention: boomi-<group-type>, never cancelled in progress', () => {
  const example = (text: string) => check({ name: 'examples/x.yml', kind: 'workflow', text })

  it('refuses an example without it, with another group, or cancelling in progress', () => {
    expect(example(exampleTag)).toEqual([])
    const none = exampleTag.replace(/^concurrency:\n( {2}.*\n)+/m, '')
    expect(none).not.toBe(exampleTag)
    expect(example(none)).toEqual(["concurrency: job 'release' must run in the group 'boomi-acme-Q7XK2P-sample', not none"])
    expect(example(exampleTag.replace(/group: boomi-acme-Q7XK2P-sample/, 'group: boomi-connector-release'))).toEqual([
      "concurrency: job 'release' must run in the group 'boomi-acme-Q7XK2P-sample', not 'boomi-connector-release'"
    ])
    expect(example(exampleTag.replace(/cancel-in-progress: false/, 'cancel-in-progress: true'))).toEqual([
      "concurrency: job 'release' must not cancel a run in progress (cancel-in-progress: false)"
    ])
  })

  it('takes the group at job level, as the matrix example has it', () => {
    const matrix = readFileSync('examples/matrix-groups.yml', 'utf8')
    expect(matrix).toMatch(/^ {4}concurrency:\n {6}group: boomi-\$\{\{ matrix\.group-type \}\}/m)
    expect(example(matrix)).toEqual([])
  })

  it('refuses a README snippet of steps that is more than a dry run', () => {
    const block = [`- uses: ${ACTION_REPOSITORY}@${ref}`, '  with:', ...['account-id', 'username', 'api-token', 'group-type'].map(k => `    ${k}: x`)]
    const snippet = (lines: string[]) => check({ name: 'README.md:1', kind: 'steps', text: [...lines, ''].join('\n') })
    expect(snippet([...block, '    keep-latest: 3'])).toEqual([
      'concurrency: a block that uploads, switches or prunes must be a whole workflow with its concurrency group (or a dry run)'
    ])
    expect(snippet([...block, '    keep-latest: 3', '    dry-run: true'])).toEqual([])
  })

  it("leaves the repository's own CI workflows alone", () => {
    const none = exampleTag.replace(/^concurrency:\n( {2}.*\n)+/m, '')
    expect(check({ name: '.github/workflows/x.yml', kind: 'workflow', text: none })).toEqual([])
  })
})

describe('the ref users copy exists', () => {
  it('is main while CHANGELOG.md has no dated release, then the major of the newest', () => {
    expect(documentedRef('## [Unreleased]\n\n- a\n')).toBe('main')
    expect(documentedRef('## [Unreleased]\n\n## [1.2.0] - 2026-12-24\n\n## [1.1.0] - 2026-12-01\n')).toBe('v1')
    expect(documentedRef('## [2.0.0] - 2027-01-05\n\n## [1.2.0] - 2026-12-24\n')).toBe('v2')
  })

  it('refuses @v1 in an example before v1 exists, and takes a commit SHA', () => {
    const pinned = (target: string) => exampleTag.replace(`${ACTION_REPOSITORY}@${ref}`, `${ACTION_REPOSITORY}@${target}`)
    expect(pinned('v1')).not.toBe(exampleTag)
    expect(checkSource({ name: 'examples/x.yml', kind: 'workflow', text: pinned('v1') }, declared, 'main')).toEqual([
      expect.stringMatching(new RegExp(`use ${ACTION_REPOSITORY}@main, the ref that exists now .*not @v1$`))
    ])
    expect(checkSource({ name: 'examples/x.yml', kind: 'workflow', text: pinned('a'.repeat(40)) }, declared, 'main')).toEqual([])
  })
})

describe('Marketplace metadata', () => {
  const withDescription = (description: string) => actionYml.replace(/^description: .*$/m, `description: '${description}'`)

  it('takes a description of 125 characters and refuses one of 126', () => {
    expect(validateActionText(withDescription('x'.repeat(125)))).toEqual([])
    expect(validateActionText(withDescription('x'.repeat(126)))).toEqual([
      'marketplace: description has 126 characters, more than the 125 the Marketplace takes'
    ])
  })

  it('refuses a missing name, description or branding, and a colour GitHub does not have', () => {
    const problems = (text: string) => validateActionText(text).join('\n')
    expect(problems(actionYml.replace(/^name: .*\n/m, ''))).toMatch(/marketplace: name is missing/)
    expect(problems(actionYml.replace(/^description: .*\n/m, ''))).toMatch(/marketplace: description is missing/)
    expect(problems(actionYml.replace(/^branding:\n( {2}.*\n)+/m, ''))).toMatch(/branding\.icon.*\n.*branding\.color/)
    expect(problems(actionYml.replace(/color: .*/, "color: 'pink'"))).toMatch(/branding\.color must be one of/)
  })
})

describe('permission scopes newer than the schema', () => {
  const workflow = (scope: string) =>
    [
      'name: x',
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    permissions:',
      '      contents: read',
      `      ${scope}`,
      '    steps:',
      '      - run: echo',
      ''
    ].join('\n')

  it('accepts attestations: write, which the schema does not know', () => {
    expect(check({ name: 'x', kind: 'workflow', text: workflow('attestations: write') })).toEqual([])
  })

  it('refuses a level GitHub does not have, and still runs the schema on the rest', () => {
    expect(check({ name: 'x', kind: 'workflow', text: workflow('attestations: admin') })).toEqual([
      "permissions: attestations must be read, write or none, not 'admin'"
    ])
    expect(check({ name: 'x', kind: 'workflow', text: workflow('attestations: write').replace('runs-on', 'runz-on') }).length).toBeGreaterThan(0)
  })
})
