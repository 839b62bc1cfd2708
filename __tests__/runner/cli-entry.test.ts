// The command-line tool's entry reads flags and inputs without loading the run:
// a typo fails in milliseconds with exit code 2, before the HTTP stack, env-ci or
// the archive reader is loaded.
import { afterEach, expect, it, jest } from '@jest/globals'

let platformLoaded = false
const runs: unknown[] = []
jest.unstable_mockModule('../../src/cli/platform.js', () => {
  platformLoaded = true
  return { runCli: async (...args: unknown[]) => void runs.push(args) }
})

const ENV = { BOOMI_ACCOUNT_ID: 'acme-Q7XK2P', BOOMI_USERNAME: 'ci@acme.example', BOOMI_API_TOKEN: 'tok-1234567890', BOOMI_GROUP_TYPE: 'acme-Q7XK2P-sample' }

afterEach(() => {
  process.exitCode = undefined
})

async function main(args: string[]): Promise<string> {
  const written: string[] = []
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(chunk => (written.push(String(chunk)), true))
  try {
    const { main } = await import('../../src/cli/main.js')
    await main(args, ENV)
  } finally {
    spy.mockRestore()
  }
  return written.join('')
}

it('a bad input exits 2 naming the flag, and never loads the run', async () => {
  const stderr = await main(['--keep-latest', 'zero'])
  expect(stderr).toMatch(/^boomi-connector-release: error: --keep-latest \/ BOOMI_KEEP_LATEST: Invalid keep-latest 'zero'/)
  expect(process.exitCode).toBe(2)
  expect(platformLoaded).toBe(false)
})

it('good inputs load the run once, with the secrets to hide', async () => {
  await main(['--keep-latest', '3'])
  expect(platformLoaded).toBe(true)
  expect(runs).toHaveLength(1)
  const [inputs, , , secrets] = runs[0] as [{ keepLatest: number }, unknown, unknown, string[]]
  expect(inputs.keepLatest).toBe(3)
  expect(secrets).toContain('tok-1234567890')
  expect(process.exitCode).toBeUndefined()
})

it('a token file that cannot be read is a bad input naming --api-token-file', async () => {
  const stderr = await main(['--keep-latest', '3', '--api-token-file', '/nonexistent/boomi-token'])
  expect(stderr).toMatch(/error: --api-token-file: Cannot read --api-token-file '\/nonexistent\/boomi-token'/)
  expect(process.exitCode).toBe(2)
})
