// The entry reads inputs without @actions/core: a misconfigured step fails in
// milliseconds, before the runner toolkit (and the HTTP stack under it) loads.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { afterEach, expect, it, jest } from '@jest/globals'

let coreLoaded = false
const logged: string[] = []
jest.unstable_mockModule('@actions/core', () => {
  coreLoaded = true
  const record = (line: string): void => void logged.push(line)
  return { info: record, warning: record, debug: record, startGroup: record, endGroup: () => undefined, setOutput: record, setFailed: record, summary: {} }
})

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
  process.exitCode = undefined
})

// First: the test after it loads @actions/core on purpose.
it('an input error still writes the outputs and the summary of a run that did nothing, without @actions/core', async () => {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key]
  const dir = mkdtempSync(path.join(tmpdir(), 'entry-'))
  try {
    process.env.GITHUB_OUTPUT = path.join(dir, 'output')
    process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'summary')
    // As the runner does: both files exist when the step starts (one that does not is not written).
    writeFileSync(process.env.GITHUB_OUTPUT, '')
    writeFileSync(process.env.GITHUB_STEP_SUMMARY, '')
    process.env['INPUT_GROUP-TYPE'] = 'acme-Q7XK2P-sample'
    process.env['INPUT_KEEP-LATEST'] = 'zero'
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      const { run } = await import('../../src/runner/entry.js')
      await run()
    } finally {
      spy.mockRestore()
    }
    const output = readFileSync(process.env.GITHUB_OUTPUT, 'utf8')
    const delimiter = /^version-id<<(ghadelimiter_\w+)$/m.exec(output)?.[1]
    expect(delimiter).toBeDefined()
    expect(output).toContain(`deleted-version-ids<<${delimiter}\n[]\n${delimiter}\n`)
    expect(output).toContain(`uploaded<<${delimiter}\nfalse\n${delimiter}\n`)
    expect(readFileSync(process.env.GITHUB_STEP_SUMMARY, 'utf8')).toMatch(
      /^## Boomi connector release: `acme-Q7XK2P-sample`\n\n> \*\*Failed:\*\* Input required and not supplied: account-id/
    )
    expect(coreLoaded).toBe(false)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

it('a GITHUB_OUTPUT that cannot be appended to fails the step before anything loads, naming the variable', async () => {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key]
  Object.assign(process.env, {
    'INPUT_ACCOUNT-ID': 'acme-Q7XK2P',
    INPUT_USERNAME: 'ci@acme.example',
    'INPUT_API-TOKEN': 'tok-123456',
    'INPUT_GROUP-TYPE': 'acme-Q7XK2P-sample',
    'INPUT_KEEP-LATEST': '3',
    // Should the check let the run start, it reaches nothing: port 9 on loopback, once.
    'INPUT_API-URL': 'http://127.0.0.1:9/api/rest/v1',
    'INPUT_MAX-ATTEMPTS': '1'
  })
  const dir = mkdtempSync(path.join(tmpdir(), 'entry-'))
  const written: string[] = []
  try {
    process.env.GITHUB_OUTPUT = dir
    process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'summary')
    writeFileSync(process.env.GITHUB_STEP_SUMMARY, '')
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => (written.push(String(chunk)), true))
    try {
      const { run } = await import('../../src/runner/entry.js')
      await run()
    } finally {
      spy.mockRestore()
    }
    expect(written.filter(l => l.startsWith('::error::'))).toEqual([
      expect.stringMatching(/^::error::GITHUB_OUTPUT names '.*', which cannot be appended to: it is a directory\./)
    ])
    expect(process.exitCode).toBe(1)
    expect(readFileSync(process.env.GITHUB_STEP_SUMMARY, 'utf8')).toMatch(
      /^## Boomi connector release: `acme-Q7XK2P-sample`\n\n> \*\*Failed:\*\* GITHUB\\_OUTPUT names /
    )
    expect(coreLoaded).toBe(false)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

it('an input error writes one ::error:: and never loads @actions/core', async () => {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key]
  process.env['INPUT_ACCOUNT-ID'] = 'acme-Q7XK2P'
  process.env['INPUT_USERNAME'] = 'ci@acme.example'
  process.env['INPUT_API-TOKEN'] = 'tok-123456'
  process.env['INPUT_GROUP-TYPE'] = 'acme-Q7XK2P-sample'
  process.env['INPUT_KEEP-LATEST'] = 'zero'
  const written: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => (written.push(String(chunk)), true))
  try {
    const { run } = await import('../../src/runner/entry.js')
    await run()
  } finally {
    spy.mockRestore()
  }
  expect(written.filter(l => l.startsWith('::error::'))).toEqual([expect.stringContaining("Invalid keep-latest 'zero'")])
  expect(process.exitCode).toBe(1)
  expect(coreLoaded).toBe(false)
  // The same module graph does load it once the inputs are good: the check above can fail.
  await import('../../src/runner/wiring.js')
  expect(coreLoaded).toBe(true)
})

it('the runner log is the one place that keeps outside text from starting a workflow command', async () => {
  const { runnerLog } = await import('../../src/runner/wiring.js')
  const hostile = 'Boomi said: busy\n::stop-commands::x\r::add-mask::y\n  ::warning::z\n##[set-output name=a;]b'
  runnerLog.info(hostile)
  runnerLog.warning(hostile)
  runnerLog.startGroup(hostile)
  for (const line of logged.join('\n').split(/\r?\n|\r/)) {
    expect(line.trimStart().startsWith('::')).toBe(false)
    expect(line).not.toContain('##[')
  }
  expect(logged.join('\n')).toContain('stop-commands')
})
