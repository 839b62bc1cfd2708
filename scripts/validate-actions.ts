// Checks every piece of YAML a user of this action may copy or that GitHub runs:
// action.yml, .github/workflows/*, examples/* and each ```yaml block of README.md.
// One module serves `npm run validate` (scripts/validate-actions.sh) and the docs test,
// so CI and the tests can never disagree about what "valid" means.
//
// The schemas come from @action-validator/core, used as is: its schema predates
// `runs.using: node24`, and instead of checking a rewritten copy of action.yml (which
// proved nothing about the real file) the one error that schema gives for a node24 action
// is accepted when it is exactly that error and the runtime is one GitHub runs. Likewise
// the permission scopes GitHub added later (`attestations`, …) are checked here and the
// rest of the workflow by the schema.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as path from 'node:path'
import { isMap, parseDocument, stringify } from 'yaml'

type ActionValidator = typeof import('@action-validator/core')
type ValidationState = ReturnType<ActionValidator['validateAction']>
type ValidationError = ValidationState['errors'][number]

const validator = createRequire(import.meta.url)('@action-validator/core') as ActionValidator

/** The repository every `uses:` of this action names; a fork replaces it in one place. */
export const ACTION_REPOSITORY = 'boomi-connector-action/boomi-connector-action'
/** JavaScript runtimes GitHub's runners still start (node12 and node16 are retired). */
export const JAVASCRIPT_RUNTIMES = ['node20', 'node24']

export type Kind = 'action' | 'workflow' | 'steps'

export interface Source {
  /** Where a reader finds it: a path, or `README.md:<line>` for a block. */
  name: string
  kind: Kind
  text: string
}

export interface DeclaredInput {
  required: boolean
}

/** Parses strictly (duplicate keys, tabs and stray mappings are errors); problems as text. */
function parseStrict(text: string): { value: unknown; problems: string[] } {
  const doc = parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: true })
  const problems = doc.errors.map(e => `YAML: ${e.message.split('\n')[0].replace(/:$/, '')}`)
  return { value: problems.length ? undefined : doc.toJS(), problems }
}

function describe(error: ValidationError): string {
  const where = 'path' in error && error.path ? `${error.path}: ` : ''
  const detail = error.detail ? ` (${error.detail})` : ''
  const location = 'location' in error && error.location ? ` at line ${error.location.line}` : ''
  return `schema: ${where}${error.title}${detail}${location}`
}

/** The only error the old schema gives a valid node24 action: `runs` matches no branch, and in the
 *  JavaScript branch the single complaint is the `using` value. */
function isOnlyUnknownRuntime(errors: ValidationError[], using: unknown): boolean {
  if (typeof using !== 'string' || !JAVASCRIPT_RUNTIMES.includes(using)) return false
  if (errors.length !== 1) return false
  const [only] = errors
  if (only.code !== 'one_of' || !('path' in only) || only.path !== '/runs' || !only.states) return false
  return only.states.some(state => state.errors.length === 1 && 'path' in state.errors[0] && state.errors[0].path === '/runs/using')
}

/** Publishers report the Marketplace refusing a longer description; the listing shows about this much. */
export const MAX_MARKETPLACE_DESCRIPTION = 125
/** The colours `branding.color` may take (GitHub's metadata syntax). */
export const BRANDING_COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']

/** What the Marketplace asks of action.yml beyond the schema: a name, a short description, branding. */
export function marketplaceProblems(action: unknown): string[] {
  const a = (action ?? {}) as { name?: unknown; description?: unknown; branding?: { icon?: unknown; color?: unknown } }
  const problems: string[] = []
  if (typeof a.name !== 'string' || !a.name.trim()) problems.push('marketplace: name is missing')
  if (typeof a.description !== 'string' || !a.description.trim()) problems.push('marketplace: description is missing')
  else if (a.description.length > MAX_MARKETPLACE_DESCRIPTION) {
    problems.push(`marketplace: description has ${a.description.length} characters, more than the ${MAX_MARKETPLACE_DESCRIPTION} the Marketplace takes`)
  }
  const { icon, color } = a.branding ?? {}
  if (typeof icon !== 'string' || !/^[a-z0-9-]+$/.test(icon)) problems.push('marketplace: branding.icon must name a Feather icon, e.g. upload-cloud')
  if (typeof color !== 'string' || !BRANDING_COLORS.includes(color)) problems.push(`marketplace: branding.color must be one of ${BRANDING_COLORS.join(', ')}`)
  return problems
}

export function validateActionText(text: string): string[] {
  const { value, problems } = parseStrict(text)
  if (problems.length) return problems
  const using = (value as { runs?: { using?: unknown } })?.runs?.using
  if (typeof using === 'string' && using.startsWith('node') && !JAVASCRIPT_RUNTIMES.includes(using)) {
    return [`runs.using '${using}' is not a runtime GitHub starts; use one of ${JAVASCRIPT_RUNTIMES.join(', ')}`]
  }
  const { errors } = validator.validateAction(text)
  const schema = errors.length === 0 || isOnlyUnknownRuntime(errors, using) ? [] : errors.map(describe)
  return [...schema, ...marketplaceProblems(value)]
}

/** Permission scopes GitHub added after that schema was written, checked here instead. */
export const NEWER_PERMISSIONS = ['attestations', 'artifact-metadata', 'models']

/** Takes the newer scopes out of every `permissions:` map (workflow and jobs), checking their values. */
function withoutNewerPermissions(workflow: unknown): { problems: string[]; found: boolean } {
  const maps: unknown[] = [(workflow as { permissions?: unknown })?.permissions]
  const jobs = (workflow as { jobs?: Record<string, { permissions?: unknown }> })?.jobs ?? {}
  for (const job of Object.values(jobs)) maps.push(job?.permissions)
  const problems: string[] = []
  let found = false
  for (const map of maps) {
    if (!map || typeof map !== 'object') continue
    for (const scope of NEWER_PERMISSIONS) {
      if (!(scope in map)) continue
      found = true
      const level = (map as Record<string, unknown>)[scope]
      if (!['read', 'write', 'none'].includes(String(level))) problems.push(`permissions: ${scope} must be read, write or none, not '${String(level)}'`)
      delete (map as Record<string, unknown>)[scope]
    }
  }
  return { problems, found }
}

export function validateWorkflowText(text: string): string[] {
  const { value, problems } = parseStrict(text)
  if (problems.length) return problems
  const newer = withoutNewerPermissions(value)
  if (newer.problems.length) return newer.problems
  // Only a workflow that uses a newer scope is checked from its parsed form; the rest as written.
  return validator.validateWorkflow(newer.found ? stringify(value) : text).errors.map(describe)
}

/** A README snippet that is a list of steps is checked inside the smallest workflow that holds it. */
export function validateStepsText(text: string): string[] {
  const { value, problems } = parseStrict(text)
  if (problems.length) return problems
  if (!Array.isArray(value)) return ['a YAML block must be a whole workflow or a list of steps']
  const workflow = { name: 'snippet', on: 'workflow_dispatch', jobs: { snippet: { 'runs-on': 'ubuntu-latest', steps: value } } }
  return validator.validateWorkflow(stringify(workflow)).errors.map(describe)
}

/** Inputs of action.yml, read from the file itself so new inputs need no edit here. */
export function declaredInputs(actionText: string): Map<string, DeclaredInput> {
  const doc = parseDocument(actionText)
  const inputs = doc.get('inputs')
  const declared = new Map<string, DeclaredInput>()
  if (!isMap(inputs)) return declared
  for (const pair of inputs.items) {
    const spec = pair.value
    const required = isMap(spec) && String(spec.get('required')) === 'true'
    declared.set(String((pair.key as { value?: unknown })?.value ?? pair.key), { required })
  }
  return declared
}

function isThisAction(uses: unknown): boolean {
  return typeof uses === 'string' && (uses === './' || uses.startsWith(`${ACTION_REPOSITORY}@`))
}

/** Steps of every job of a workflow, or the list itself for a snippet. */
function stepsOf(value: unknown, kind: Kind): unknown[] {
  if (kind === 'steps') return Array.isArray(value) ? value : []
  const jobs = (value as { jobs?: Record<string, { steps?: unknown }> })?.jobs ?? {}
  return Object.values(jobs).flatMap(job => (Array.isArray(job?.steps) ? job.steps : []))
}

/** Every `with:` key of a step that uses this action is a declared input; required ones are given. */
export function inputProblems(text: string, kind: Kind, declared: Map<string, DeclaredInput>): string[] {
  const { value } = parseStrict(text)
  const problems: string[] = []
  for (const step of stepsOf(value, kind)) {
    const { uses, with: given } = (step ?? {}) as { uses?: unknown; with?: Record<string, unknown> }
    if (!isThisAction(uses)) continue
    const keys = Object.keys(given ?? {})
    for (const key of keys) if (!declared.has(key)) problems.push(`with: '${key}' is not an input of action.yml`)
    for (const [name, spec] of declared) {
      if (spec.required && !keys.includes(name)) problems.push(`with: required input '${name}' is missing`)
    }
  }
  return problems
}

const PINNED = /^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$/

/** `uses:` lines: this action by its one repository name; any other action by full commit SHA and tag. */
export function usesProblems(text: string): string[] {
  const problems: string[] = []
  text.split('\n').forEach((line, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*(.*?)\s*$/.exec(line)
    if (!m || m[1].startsWith('#')) return
    const target = m[1].replace(/^['"]|['"](?=\s|$)/g, '')
    if (target.startsWith('./') || target.startsWith('docker://')) return
    if (target.includes('boomi-connector-action')) {
      if (!target.startsWith(`${ACTION_REPOSITORY}@`)) problems.push(`line ${i + 1}: this action is ${ACTION_REPOSITORY}, not '${target}'`)
      return
    }
    if (!PINNED.test(target)) problems.push(`line ${i + 1}: pin '${target}' by full commit SHA with a '# vX.Y.Z' comment`)
  })
  return problems
}

/** ```yaml blocks of a Markdown text, each with the line its first YAML line is on. */
export function yamlBlocks(markdown: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```ya?ml\s*$/.test(lines[i])) continue
    const indent = /^\s*/.exec(lines[i])![0].length
    const start = i + 1
    let end = start
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) end++
    blocks.push({
      line: start + 1,
      text:
        lines
          .slice(start, end)
          .map(l => l.slice(indent))
          .join('\n') + '\n'
    })
    i = end
  }
  return blocks
}

/** A README block is a workflow when it has `jobs:`, else it must be a list of steps. */
function blockKind(text: string): Kind {
  return /^jobs:/m.test(text) ? 'workflow' : 'steps'
}

/** The concurrency group of a job that releases, promotes or prunes `groupType`: one run per connector group at a time. */
export function concurrencyGroupFor(groupType: string): string {
  return `boomi-${groupType}`
}

type Concurrency = string | { group?: unknown; 'cancel-in-progress'?: unknown } | undefined

/**
 * The one concurrency convention of examples and README blocks: every job that
 * uses this action runs in the group `boomi-<group-type>` (job or workflow
 * level) and is never cancelled mid-run, so two releases of one group cannot
 * both upload, or prune each other's new version. A README snippet of steps
 * cannot say so: only a dry run may be shown as one.
 */
export function concurrencyProblems(text: string, kind: Kind): string[] {
  const { value } = parseStrict(text)
  const problems: string[] = []
  if (kind === 'steps') {
    for (const step of stepsOf(value, kind)) {
      const { uses, with: given } = (step ?? {}) as { uses?: unknown; with?: Record<string, unknown> }
      if (isThisAction(uses) && String(given?.['dry-run']).toLowerCase() !== 'true') {
        problems.push('concurrency: a block that uploads, switches or prunes must be a whole workflow with its concurrency group (or a dry run)')
      }
    }
    return problems
  }
  type Env = Record<string, unknown> | undefined
  const workflow = (value ?? {}) as { env?: Env; concurrency?: Concurrency; jobs?: Record<string, { env?: Env; concurrency?: Concurrency; steps?: unknown }> }
  for (const [name, job] of Object.entries(workflow.jobs ?? {})) {
    const steps = Array.isArray(job?.steps) ? job.steps : []
    for (const step of steps) {
      const { uses, with: given } = (step ?? {}) as { uses?: unknown; with?: Record<string, unknown> }
      if (!isThisAction(uses)) continue
      // `concurrency` cannot read the env context, so a group type kept in env is named literally there.
      const groupType = String(given?.['group-type'] ?? '<group-type>')
      const fromEnv = /^\$\{\{\s*env\.([\w-]+)\s*\}\}$/.exec(groupType)?.[1]
      const literal = fromEnv === undefined ? undefined : (job.env?.[fromEnv] ?? workflow.env?.[fromEnv])
      const expected = concurrencyGroupFor(typeof literal === 'string' ? literal : groupType)
      const concurrency = job.concurrency ?? workflow.concurrency
      const group = typeof concurrency === 'string' ? concurrency : concurrency?.group
      if (group !== expected)
        problems.push(`concurrency: job '${name}' must run in the group '${expected}', not ${group === undefined ? 'none' : `'${String(group)}'`}`)
      const cancel = typeof concurrency === 'object' ? concurrency['cancel-in-progress'] : undefined
      if (cancel !== undefined && cancel !== false) problems.push(`concurrency: job '${name}' must not cancel a run in progress (cancel-in-progress: false)`)
    }
  }
  return problems
}

/**
 * The ref the README and examples may give this action: `v<major>` of the newest
 * dated release in CHANGELOG.md, or `main` while nothing has been released, since a
 * `@v1` that no tag backs would fail for everyone who copies it.
 */
export function documentedRef(changelog: string): string {
  const released = /^## \[v?(\d+)\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}\s*$/m.exec(changelog)
  return released ? `v${released[1]}` : 'main'
}

/** `uses:` of this action name the documented ref (a commit SHA is always fine). */
export function refProblems(text: string, ref: string): string[] {
  const problems: string[] = []
  text.split('\n').forEach((line, i) => {
    const m = new RegExp(`^\\s*(?:-\\s+)?uses:\\s*['"]?${ACTION_REPOSITORY}@([^\\s'"#]+)`).exec(line)
    if (m && m[1] !== ref && !/^[0-9a-f]{40}$/.test(m[1])) {
      problems.push(`line ${i + 1}: use ${ACTION_REPOSITORY}@${ref}, the ref that exists now (CHANGELOG.md's newest release), not @${m[1]}`)
    }
  })
  return problems
}

/** Examples and README blocks are what users copy: they carry the concurrency convention and the documented ref. */
function isCopied(source: Source): boolean {
  return source.name.startsWith('examples/') || source.name.startsWith('README.md:')
}

export function checkSource(source: Source, declared: Map<string, DeclaredInput>, ref?: string): string[] {
  if (source.kind === 'action') return validateActionText(source.text)
  const schema = source.kind === 'workflow' ? validateWorkflowText(source.text) : validateStepsText(source.text)
  if (schema.length) return schema
  const copied = isCopied(source) ? [...concurrencyProblems(source.text, source.kind), ...(ref ? refProblems(source.text, ref) : [])] : []
  return [...inputProblems(source.text, source.kind, declared), ...usesProblems(source.text), ...copied]
}

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter(f => /\.ya?ml$/.test(f))
      .sort()
      .map(f => path.join(dir, f))
  } catch {
    return []
  }
}

/** Everything to check under a repository root. */
export function collectSources(root: string): Source[] {
  const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8')
  const sources: Source[] = [{ name: 'action.yml', kind: 'action', text: read('action.yml') }]
  for (const dir of ['.github/workflows', 'examples']) {
    for (const file of yamlFiles(path.join(root, dir))) {
      const rel = path.relative(root, file)
      sources.push({ name: rel, kind: 'workflow', text: read(rel) })
    }
  }
  for (const doc of ['README.md', 'CONTRIBUTING.md', 'SECURITY.md']) {
    let markdown: string
    try {
      markdown = read(doc)
    } catch {
      continue
    }
    for (const block of yamlBlocks(markdown)) {
      sources.push({ name: `${doc}:${block.line}`, kind: blockKind(block.text), text: block.text })
    }
  }
  return sources
}

function main(root: string): number {
  const sources = collectSources(root)
  const declared = declaredInputs(sources[0].text)
  const ref = documentedRef(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'))
  let failed = 0
  for (const source of sources) {
    const problems = checkSource(source, declared, ref)
    console.log(`${problems.length ? 'FAILED' : 'ok    '}  ${source.name} (${source.kind})`)
    for (const problem of problems) console.log(`        ${problem}`)
    if (problems.length) failed++
  }
  console.log(failed ? `validate: ${failed} of ${sources.length} files or blocks have errors` : `validate: all ${sources.length} files and blocks are valid`)
  return failed ? 1 : 0
}

if (process.argv[1] && path.basename(process.argv[1]).startsWith('validate-actions')) {
  process.exitCode = main(path.resolve(process.argv[2] ?? '.'))
}
