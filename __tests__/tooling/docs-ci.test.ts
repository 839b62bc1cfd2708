// The README's pipelines for other CI systems: the YAML ones parse strictly and have
// the shape their CI reads; in every one (the Jenkinsfile too), each call of the tool
// uses only flags it has, with values its inputs accept.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { isScalar, parseDocument, visit } from 'yaml'
import { readCommandLine } from '../../src/inputs/command-line.js'
import { readInputs } from '../../src/inputs/read.js'

const README = readFileSync('README.md', 'utf8')
const COMMAND = 'npx boomi-connector-release@1'
const SECRETS = { BOOMI_ACCOUNT_ID: 'acme-Q7XK2P', BOOMI_USERNAME: 'ci-bot@acme.example', BOOMI_API_TOKEN: 'secret-token-value' }

/** Fenced blocks whose info string names a file: ```yaml .gitlab-ci.yml */
function fileBlocks(markdown: string): Map<string, { lang: string; text: string }> {
  const blocks = new Map<string, { lang: string; text: string }>()
  for (const m of markdown.matchAll(/^```(\w+) (\S+)\n([\s\S]*?)^```$/gm)) blocks.set(m[2], { lang: m[1], text: m[3] })
  return blocks
}

const blocks = fileBlocks(README)

function parsed(name: string): Record<string, unknown> {
  const doc = parseDocument(blocks.get(name)!.text, { uniqueKeys: true, prettyErrors: true })
  expect(doc.errors.map(e => e.message)).toEqual([])
  return doc.toJS() as Record<string, unknown>
}

/** Every string of a YAML block that calls the tool (folded scalars come joined). */
function yamlCalls(name: string): string[] {
  const calls: string[] = []
  visit(parseDocument(blocks.get(name)!.text), {
    Scalar: (_key, node) => {
      if (isScalar(node) && typeof node.value === 'string' && node.value.includes(COMMAND)) calls.push(node.value)
    }
  })
  return calls
}

/** The Jenkinsfile's `sh '…'` and `sh '''…'''` calls, line continuations joined. */
function groovyCalls(text: string): string[] {
  const joined = text.replace(/\\\n\s*/g, ' ')
  return [...joined.matchAll(/sh ('''|')(.*?)\1/g)].map(m => m[2]).filter(c => c.includes(COMMAND))
}

/** The arguments after the command, as a shell splits them (single quotes only). */
function args(call: string): string[] {
  const rest = call.slice(call.indexOf(COMMAND) + COMMAND.length)
  return [...rest.matchAll(/'([^']*)'|(\S+)/g)].map(m => m[1] ?? m[2])
}

describe('README: a pipeline per CI system', () => {
  it('has GitLab, Azure Pipelines, Bitbucket and Jenkins', () => {
    expect([...blocks.keys()]).toEqual(expect.arrayContaining(['.gitlab-ci.yml', 'azure-pipelines.yml', 'bitbucket-pipelines.yml', 'Jenkinsfile']))
  })

  it('GitLab: a job on a version tag with a dotenv report, and one on a schedule', () => {
    const ci = parsed('.gitlab-ci.yml') as Record<string, { rules: { if: string }[]; script: string[]; artifacts?: { reports?: { dotenv?: string } } }>
    const jobs = Object.values(ci)
    expect(jobs.every(j => isScalarList(j.script))).toBe(true)
    expect(jobs.some(j => j.rules[0].if.includes('$CI_COMMIT_TAG') && j.artifacts?.reports?.dotenv)).toBe(true)
    expect(jobs.some(j => j.rules[0].if.includes('"schedule"'))).toBe(true)
  })

  it('Azure Pipelines: triggered by tags and by a schedule, the secrets mapped into env', () => {
    const ci = parsed('azure-pipelines.yml') as {
      trigger: { tags: { include: string[] } }
      schedules: { cron: string }[]
      steps: { script?: string; env?: Record<string, string>; condition?: string }[]
    }
    expect(ci.trigger.tags.include).toEqual(['v*'])
    expect(ci.schedules[0].cron.split(' ')).toHaveLength(5)
    const calls = ci.steps.filter(s => s.script?.includes(COMMAND))
    expect(calls).toHaveLength(2)
    for (const step of calls)
      expect(step.env).toEqual({ BOOMI_ACCOUNT_ID: '$(BOOMI_ACCOUNT_ID)', BOOMI_USERNAME: '$(BOOMI_USERNAME)', BOOMI_API_TOKEN: '$(BOOMI_API_TOKEN)' })
  })

  it('Bitbucket: a tag pipeline and a custom one to schedule', () => {
    const ci = parsed('bitbucket-pipelines.yml') as { pipelines: { tags: Record<string, unknown[]>; custom: Record<string, unknown[]> } }
    expect(Object.keys(ci.pipelines.tags)).toEqual(['v*'])
    expect(Object.keys(ci.pipelines.custom)).toEqual(['prune'])
  })

  const calls: [string, string][] = [
    ...['.gitlab-ci.yml', 'azure-pipelines.yml', 'bitbucket-pipelines.yml'].flatMap(name => yamlCalls(name).map(c => [name, c] as [string, string])),
    ...groovyCalls(blocks.get('Jenkinsfile')?.text ?? '').map(c => ['Jenkinsfile', c] as [string, string])
  ]

  it('calls the tool a release and a prune in each', () => {
    for (const name of ['.gitlab-ci.yml', 'azure-pipelines.yml', 'bitbucket-pipelines.yml', 'Jenkinsfile']) {
      const mine = calls.filter(([n]) => n === name).map(([, c]) => args(c))
      expect(mine.some(a => a.includes('--archive') && a.includes('--change-log-file'))).toBe(true)
      expect(mine.some(a => !a.includes('--archive') && a.includes('--keep-latest'))).toBe(true)
    }
  })

  it.each(calls)('%s: %s takes only flags the tool has, with values its inputs accept', (_name, call) => {
    const cl = readCommandLine(args(call), SECRETS)
    expect(() => readInputs(cl.getInput, () => undefined)).not.toThrow()
  })

  it('a call with a flag the tool does not have would fail here', () => {
    expect(() => readCommandLine(args(`${COMMAND} --group-type g --keep-newest 20`), SECRETS)).toThrow(/--keep-newest/)
  })
})

function isScalarList(value: unknown): boolean {
  return Array.isArray(value) && value.every(v => typeof v === 'string')
}

describe('the Node the command-line tool promises', () => {
  it('is the oldest one CI runs its process tests on, and the one the README names', () => {
    const engines = (JSON.parse(readFileSync('cli/package.json', 'utf8')) as { engines: { node: string } }).engines.node
    const oldest = /^>=(\d+\.\d+\.\d+)$/.exec(engines)?.[1]
    expect(oldest).toBeDefined()
    const run = readFileSync('.ci/run', 'utf8')
    expect(run).toContain(`NODE20_VERSION=${oldest}`)
    expect(run).toMatch(/BOOMI_ACTION_NODE="\$node20" npm test -- __tests__\/process\/cli\.process\.test\.ts/)
    expect(README).toContain(`Node.js ${oldest!.replace(/\.0$/, '')} or newer`)
  })
})
