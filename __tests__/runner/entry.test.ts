// The entry reads inputs without @actions/core: a misconfigured step fails in
// milliseconds, before the runner toolkit (and the HTTP stack under it) loads.
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
