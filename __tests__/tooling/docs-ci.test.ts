// The README's pipelines for other CI systems: the YAML ones parse strictly and have
// the shape their CI reads; in every one (the Jenkinsfile too), and in the shell examples
// of the README and cli/README, each call of the tool uses only flags it has, with values
// its inputs accept, and runs the bundle of a pinned commit: the npm package is not
// published yet, so `npx boomi-connector-release@1` could run someone else's package.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { isScalar, parseDocument, visit } from 'yaml'
import { readCommandLine } from '../../src/inputs/command-line.js'
import { readInputs } from '../../src/inputs/read.js'

const README = readFileSync('README.md', 'utf8')
const CLI_README = readFileSync('cli/README.md', 'utf8')
const COMMAND = 'node boomi-release/cli/dist/index.js'
/** The bundle at a pinned commit: one commit fetched, so a kept workspace can fetch it again. */
const FETCH = [
  'git init -q boomi-release',
  'git -C boomi-release fetch -q --depth 1 https://github.com/boomi-connector-action/boomi-connector-action.git <40-hex SHA>',
  'git -C boomi-release checkout -q FETCH_HEAD',
  COMMAND
]
const GROUP = 'boomi-acme-Q7XK2P-sample'
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

/** The calls of the tool in the ```sh blocks of a Markdown file, line continuations joined. */
function shellCalls(markdown: string): { block: string; call: string }[] {
  return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)]
    .map(m => m[1])
    .flatMap(block =>
      block
        .replace(/\\\n\s*/g, ' ')
        .split('\n')
        .filter(line => line.includes(COMMAND))
        .map(call => ({ block, call }))
    )
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

  it('GitLab: builds in a JDK image, hands the archive on, and runs one release or prune of the group at a time', () => {
    type Job = { stage?: string; image: string; resource_group?: string; script: string[]; artifacts?: { paths?: string[] } }
    const jobs = Object.values(parsed('.gitlab-ci.yml') as Record<string, Job>)
    const build = jobs.find(j => j.script.includes('./gradlew build'))!
    expect(build.image).not.toMatch(/^node/)
    expect(build.artifacts?.paths).toContain('build/distributions/')
    const tool = jobs.filter(j => j.script.some(line => line.includes(COMMAND)))
    expect(tool).toHaveLength(2)
    for (const job of tool) expect(job.resource_group).toBe(GROUP)
    const stages = ['build', 'test', 'deploy']
    const release = tool.find(j => j.script.some(line => line.includes('--archive')))!
    expect(stages.indexOf(release.stage ?? 'test')).toBeGreaterThan(stages.indexOf(build.stage ?? 'test'))
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

  it('Azure Pipelines: no pull request run, and a custom condition keeps succeeded(): a failed build never releases', () => {
    const ci = parsed('azure-pipelines.yml') as { pr: unknown; steps: { script?: string; condition?: string }[] }
    expect(ci.pr).toBe('none')
    const onTag = "and(succeeded(), startsWith(variables['Build.SourceBranch'], 'refs/tags/v'))"
    expect(ci.steps.find(s => s.script === './gradlew build')?.condition).toBe(onTag)
    expect(ci.steps.find(s => s.script?.includes(COMMAND) && s.script.includes('--archive'))?.condition).toBe(onTag)
    expect(ci.steps.find(s => s.script?.includes(COMMAND) && !s.script.includes('--archive'))?.condition).toBe(
      "and(succeeded(), eq(variables['Build.Reason'], 'Schedule'))"
    )
    // The summary is attached however the release ended; every other step needs the ones before it to have succeeded.
    const summary = ci.steps.find(s => s.script?.includes('##vso[task.uploadsummary]'))
    expect(summary?.condition).toBe("and(always(), startsWith(variables['Build.SourceBranch'], 'refs/tags/v'))")
    for (const step of ci.steps) if (step.condition && step !== summary) expect(step.condition).toMatch(/^and\(succeeded\(\), /)
  })

  it('Bitbucket: a tag pipeline and a custom one to schedule', () => {
    const ci = parsed('bitbucket-pipelines.yml') as { pipelines: { tags: Record<string, unknown[]>; custom: Record<string, unknown[]> } }
    expect(Object.keys(ci.pipelines.tags)).toEqual(['v*'])
    expect(Object.keys(ci.pipelines.custom)).toEqual(['prune'])
  })

  it('Bitbucket: builds in a JDK image, hands the archive on, and both tool steps deploy to one environment', () => {
    type Step = { step: { image?: string; deployment?: string; script: string[]; artifacts?: string[] } }
    const ci = parsed('bitbucket-pipelines.yml') as { image: string; pipelines: Record<string, Record<string, Step[]>> }
    const steps = Object.values(ci.pipelines).flatMap(p =>
      Object.values(p)
        .flat()
        .map(s => s.step)
    )
    const build = steps.find(s => s.script.includes('./gradlew build'))!
    expect(build.image ?? ci.image).not.toMatch(/^node/)
    expect(build.artifacts).toContain('build/distributions/**')
    const tool = steps.filter(s => s.script.some(line => line.includes(COMMAND)))
    expect(tool).toHaveLength(2)
    expect(tool[0].deployment).toBeTruthy()
    expect(tool[1].deployment).toBe(tool[0].deployment)
  })

  it('Jenkins: the timer on main only and never releasing, a JDK stage stashing the archive, one run of the group at a time', () => {
    const text = blocks.get('Jenkinsfile')!.text
    expect(text).toContain("triggers { cron(env.BRANCH_NAME == 'main' ? ")
    expect(text).toContain("when { allOf { tag pattern: 'v\\\\d+\\\\.\\\\d+\\\\.\\\\d+', comparator: 'REGEXP'; not { triggeredBy 'TimerTrigger' } } }")
    expect(text).not.toContain('buildingTag()')
    expect(text).toMatch(/agent \{ docker \{ image 'eclipse-temurin:\d+' \} \}\n\s+steps \{\n\s+sh '\.\/gradlew build'\n\s+stash /)
    expect(text).toContain("unstash 'connector'")
    expect(text.split(`lock('${GROUP}') {`)).toHaveLength(3)
    expect(text.split('withCredentials([')).toHaveLength(3)
    expect(text).not.toContain('credentials(')
    expect(text).toContain("post { always { archiveArtifacts artifacts: 'boomi-summary.md', allowEmptyArchive: true } }")
  })

  const calls: [string, string][] = [
    ...['.gitlab-ci.yml', 'azure-pipelines.yml', 'bitbucket-pipelines.yml'].flatMap(name => yamlCalls(name).map(c => [name, c] as [string, string])),
    ...groovyCalls(blocks.get('Jenkinsfile')?.text ?? '').map(c => ['Jenkinsfile', c] as [string, string]),
    ...shellCalls(README).map(({ call }) => ['README.md sh', call] as [string, string]),
    ...shellCalls(CLI_README).map(({ call }) => ['cli/README.md sh', call] as [string, string])
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

  it('runs the bundle of a pinned commit, fetched first, in every pipeline and shell example', () => {
    const texts = [
      ...['.gitlab-ci.yml', 'azure-pipelines.yml', 'bitbucket-pipelines.yml', 'Jenkinsfile'].map(name => blocks.get(name)!.text),
      ...[...shellCalls(README), ...shellCalls(CLI_README)].map(c => c.block)
    ]
    expect(texts.length).toBeGreaterThanOrEqual(6)
    for (const text of texts) {
      const at = FETCH.map(line => text.indexOf(line))
      expect(at[0]).toBeGreaterThanOrEqual(0)
      expect(at).toEqual([...at].sort((a, b) => a - b))
    }
  })

  it('never runs the npm package by a range: it is not published yet, and then an exact version is pinned', () => {
    for (const text of [README, CLI_README]) {
      const uses = [...text.matchAll(/npx boomi-connector-release(@\S*)?/g)].map(m => m[0])
      expect(uses.length).toBeGreaterThan(0)
      for (const use of uses) expect(use).toMatch(/^npx boomi-connector-release(@\d+\.\d+\.\d+\b.*)?$/)
      expect(text).toContain('It is not on npm yet.')
    }
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
